// A rule's documented example, analysed as the rule pages show it (tests of the pages and of the messages use it).
import type { Rule } from '../../server/src/rules/types';
import { Analysis, analyze } from '../../server/src/features/analysis';
import { memoryWorkspace } from './memoryWorkspace';

const exampleText = (lines: readonly string[]) => `${lines.join('\n')}\n`;

/** The analysis of a rule's example: the wrong or the right config, with the files a cross-file rule needs around it. */
export function analyzeExample(rule: Rule, which: 'wrong' | 'right'): Analysis | undefined {
  const { file } = rule.docs.example;
  const text = exampleText(rule.docs.example[which]);
  if (rule.id === 'tornado/wsgi-adapter-mode') {
    // The example is the agent config; the finding is on the server config that loads a Tornado app through WSGI.
    const workspace = memoryWorkspace({
      '/project/uwsgi.ini': '[uwsgi]\nmodule = wsgi:application\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true\n',
      '/project/wsgi.py': 'import tornado.web\nimport tornado.wsgi\n\napplication = tornado.wsgi.WSGIAdapter(tornado.web.Application([]))\n',
      [`/project/${file}`]: text,
    });
    return analyze('/project/uwsgi.ini', workspace.readFile('/project/uwsgi.ini') ?? '', {}, workspace);
  }
  if (rule.id === 'uwsgi/agent-import') {
    // The rule reads the app module for an import that starts the agent: here it has none.
    const workspace = memoryWorkspace({ '/project/myapp/wsgi.py': 'def application(environ, start_response):\n    return []\n', [`/project/${file}`]: text });
    return analyze(`/project/${file}`, text, {}, workspace);
  }
  // The file on disk starts with the mark, which reading it takes off (as the editor does): the workspace knows.
  if (text.startsWith('\uFEFF')) {
    const path = `/project/${file}`;
    const workspace = { ...memoryWorkspace({ [path]: text.slice(1) }), hasByteOrderMark: (candidate: string) => candidate === path };
    return analyze(path, text.slice(1), {}, workspace);
  }
  return analyze(`/project/${file}`, text);
}
