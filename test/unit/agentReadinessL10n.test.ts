/**
 * The agents in the editor speak the client's locale: the status bar's text and tooltip and the hover on `[uwsgi]`
 * (features/agentReadiness.ts) in Simplified Chinese, names, rule ids and code kept as they are.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { hoverAt } from '../../server/src/features/hover';
import { agentStatus, projectAgents } from '../../server/src/features/agentReadiness';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

const READY_INI = '[uwsgi]\nmodule = app:application\nmaster = true\nprocesses = 4\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n';

function analysed(files: Record<string, string>, path: string) {
  const analysis = analyze(path, files[path], {}, memoryWorkspace(files));
  assert.ok(analysis, `${path} is not analysed`);
  return analysis;
}

const HOW_TO_NAME_ZH =
  '请用设置 `pydeploy.agents`（例如 `["datadog"]`）或 pyproject.toml 的 `[tool.pydeploy]` 中的 `agents = ["datadog"]` 指定你用的探针；' +
  '已知的有：tingyun、newrelic、datadog、sentry、opentelemetry、elastic、scout、appdynamics、pyroscope、prometheus';

describe('the agents in the editor, in Simplified Chinese', () => {
  test('the status bar: a problem that is no agent need, counted; how to name the agents', () => {
    const analysis = analysed({ '/project/uwsgi.ini': `${READY_INI}procesess = 4\n` }, '/project/uwsgi.ini');
    assert.deepEqual(agentStatus(analysis, 'zh-cn'), {
      ready: false,
      text: '1 个问题',
      tooltip: [`pydeploy：项目中没有找到 APM 探针，也没有指定：${HOW_TO_NAME_ZH}。`, '这个文件中有 1 个错误或警告：点击打开“问题”面板。'].join('\n\n'),
    });
  });

  test('the status bar of a file that starts no server', () => {
    const status = agentStatus(analysed({ '/project/requirements.txt': 'flask\n', '/project/uwsgi.ini': READY_INI }, '/project/requirements.txt'), 'zh-cn');
    assert.equal(status.tooltip, 'pydeploy：这个文件没有启动带有 pydeploy 认识的 APM 探针的服务。');
    assert.equal(status.text, '探针就绪');
  });

  test('the hover on [uwsgi] with no agent found starts by saying so, in Chinese', () => {
    const files = { '/project/uwsgi.ini': READY_INI };
    const analysis = analysed(files, '/project/uwsgi.ini');
    const contents = hoverAt(analysis.document, { line: 0, character: 3 }, 'zh-cn', analysis)?.contents;
    assert.equal(contents?.split('\n\n')[0], `**APM 探针：** 项目中没有找到，也没有指定，因此 pydeploy 按 APM 探针通常的需要来检查；${HOW_TO_NAME_ZH}。`);
  });

  test('New deployment config: an agent only named in the settings', () => {
    assert.deepEqual(projectAgents('/project', memoryWorkspace({ '/project/requirements.txt': 'flask\n' }), ['datadog'], 'zh-cn'), [{ id: 'datadog', name: 'Datadog', evidence: '在设置中指定' }]);
  });
});
