/**
 * The snippets of snippets/ (and the "New deployment config" command, which inserts the same snippets) give a
 * config pydeploy finds nothing wrong with: each is expanded with its defaults into an empty file of its kind and
 * analysed. The files are not written anywhere; the analysis reads the text it is given.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEPLOYMENT_SOLUTIONS, SnippetDefinition, agentSnippetBody, snippetBody } from '../../client/src/solutions';
import { AGENT_PROFILES, agentProfile } from '../../server/src/knowledge/agents';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { expandSnippet } from '../helpers/snippets';
import { memoryWorkspace } from '../helpers/memoryWorkspace';
import { PyModule, parsePython } from '../../server/src/parse/gunicornPy';
import { Range, comparePositions } from '../../server/src/text/lineIndex';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { snippets?: { language: string; path: string }[] };
};

function snippetFile(name: string): Record<string, SnippetDefinition> {
  return JSON.parse(readFileSync(join(ROOT, 'snippets', name), 'utf8')) as Record<string, SnippetDefinition>;
}

describe('snippets', () => {
  test('package.json contributes uwsgi-ini.json for uwsgi-ini and ini, python.json for python, tingyun-ini.json for tingyun-ini', () => {
    assert.deepEqual(
      (manifest.contributes.snippets ?? []).map(({ language, path }) => `${language} ${path}`).sort(),
      ['ini ./snippets/uwsgi-ini.json', 'python ./snippets/python.json', 'tingyun-ini ./snippets/tingyun-ini.json', 'uwsgi-ini ./snippets/uwsgi-ini.json'],
    );
  });

  test('every snippet is one solution of the New deployment config command, and every solution has its snippet', () => {
    const inFiles = ['uwsgi-ini.json', 'python.json', 'tingyun-ini.json'].flatMap((file) => Object.keys(snippetFile(file)).map((name) => `${file}: ${name}`));
    const offered = DEPLOYMENT_SOLUTIONS.map((solution) => `${solution.snippetFile}: ${solution.snippet}`);
    assert.deepEqual([...offered].sort(), [...inFiles].sort());
    assert.equal(new Set(DEPLOYMENT_SOLUTIONS.map((solution) => solution.id)).size, DEPLOYMENT_SOLUTIONS.length);
  });

  test('every snippet has one prefix (one entry in the suggest list), its own, and a description that says when to pick it', () => {
    const prefixes: string[] = [];
    for (const file of ['uwsgi-ini.json', 'python.json', 'tingyun-ini.json']) {
      for (const [name, snippet] of Object.entries(snippetFile(file))) {
        assert.equal(typeof snippet.prefix, 'string', `${name}: a list of prefixes shows the snippet once per prefix`);
        assert.match(snippet.prefix, /^[a-z][a-z.-]*$/, name);
        prefixes.push(snippet.prefix);
        if (file !== 'tingyun-ini.json') assert.match(snippet.description ?? '', /^Pick this (when|for) /, name);
      }
    }
    assert.deepEqual(prefixes, ['uwsgi', 'gunicorn', 'gevent-server', 'tornado-app', 'tornado-wsgi-container', 'tornado-wsgi-adapter', 'tingyun']);
  });

  test('the Tornado WSGI solutions (B and C) say that the agent config needs tornado_wsgi_adapter_mode = true', () => {
    for (const solution of DEPLOYMENT_SOLUTIONS.filter((each) => each.id.startsWith('tornado-wsgi-'))) {
      const snippet = snippetFile(solution.snippetFile)[solution.snippet];
      assert.match(snippetBody(snippet), /^# .*`tornado_wsgi_adapter_mode = true`/m, solution.id);
    }
  });

  for (const solution of DEPLOYMENT_SOLUTIONS) {
    test(`${solution.id}: expanded with its defaults into ${solution.fileName}, pydeploy reports no error or warning`, () => {
      const snippet = snippetFile(solution.snippetFile)[solution.snippet];
      const text = expandSnippet(snippetBody(snippet));
      assert.doesNotMatch(text, /\$\d|\$\{/, 'a tab stop was left in the text');
      const analysis = analyze(`/project/${solution.fileName}`, text);
      if (solution.fileName === 'app.py') {
        // No rule reads an app script today (what makes it agent-ready is checked below); if one does later, it must
        // find nothing wrong either. It is valid Python all the same.
        assert.deepEqual(parsePython(text).syntaxErrors, [], `${solution.id} is not valid Python`);
        if (!analysis) return;
      } else assert.ok(analysis, `${solution.fileName} is not analysed`);
      const problems = diagnosticsOf(analysis).filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(problems.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
    });
  }

  test('the uWSGI and Gunicorn snippets with their other choices are clean too', () => {
    for (const solution of DEPLOYMENT_SOLUTIONS.filter((each) => each.fileName !== 'app.py')) {
      const body = snippetBody(snippetFile(solution.snippetFile)[solution.snippet]);
      const choices = [...body.matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map((match) => match[1].split(','));
      const most = Math.max(...choices.map((list) => list.length));
      for (let pick = 1; pick < most; pick++) {
        // The pick-th choice of every choice list (or its last) instead of the first.
        const variant = body.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, stop: string, list: string) => {
          const items = list.split(',');
          return `\${${stop}:${items[Math.min(pick, items.length - 1)]}}`;
        });
        const analysis = analyze(`/project/${solution.fileName}`, expandSnippet(variant));
        assert.ok(analysis);
        assert.deepEqual(diagnosticsOf(analysis).filter((d) => d.severity === 'error' || d.severity === 'warning'), [], `${solution.id} #${pick}`);
      }
    }
  });

  test('expandSnippet: defaults, first choices, mirrors and escapes', () => {
    assert.equal(expandSnippet('a ${1:x ${2:y}} $2 ${3|p,q|} $3 \\$4 $0'), 'a x y y p p $4 ');
    assert.equal(expandSnippet('$1 ${1:late}'), 'late late');
  });
});

/** A solution's snippet expanded with its defaults (or with the pick-th entry of every choice list). */
function expandedSolution(id: string, pick = 0): string {
  const solution = DEPLOYMENT_SOLUTIONS.find((each) => each.id === id)!;
  const body = snippetBody(snippetFile(solution.snippetFile)[solution.snippet]);
  return expandSnippet(body.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, stop: string, list: string) => {
    const items = list.split(',');
    return `\${${stop}:${items[Math.min(pick, items.length - 1)]}}`;
  }));
}

/** How many choices the longest choice list of a solution's snippet has. */
function choiceCount(id: string): number {
  const solution = DEPLOYMENT_SOLUTIONS.find((each) => each.id === id)!;
  const body = snippetBody(snippetFile(solution.snippetFile)[solution.snippet]);
  return Math.max(1, ...[...body.matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map((match) => match[1].split(',').length));
}

/** A Python snippet read by the Gunicorn config reader (@lezer/python), which must find no syntax error in it. */
function python(id: string): PyModule {
  const module = parsePython(expandedSolution(id));
  assert.deepEqual(module.syntaxErrors, [], `${id}: not valid Python`);
  return module;
}

const before = (a: Range, b: Range) => comparePositions(a.start, b.start) < 0;

/** Where a name is first read at module level or in a function, e.g. the call `init_tingyun_agent()`. */
function firstRead(module: PyModule, name: string): Range {
  const reads = module.reads.get(name);
  assert.ok(reads && reads.length > 0, `${name} is never used`);
  return reads[0];
}

/** The text of a line from a position on. */
function textAt(module: PyModule, at: Range): string {
  return module.text.slice(module.index.offsetAt(at.start), module.index.offsetAt({ line: at.start.line + 1, character: 0 }));
}

/** The module-level call that starts the agent; it must run before the given imports. */
function agentStartsBefore(module: PyModule, imports: string[]): void {
  const start = firstRead(module, 'init_tingyun_agent');
  assert.match(textAt(module, start), /^init_tingyun_agent\(\)/);
  assert.ok(module.imports.some((each) => each.from === 'tingyun.api.init_tingyun_agent' && before(each.range, start)));
  for (const name of imports) {
    const found = module.imports.filter((each) => each.from === name || each.from.startsWith(`${name}.`));
    assert.ok(found.length > 0, `${name} is not imported`);
    for (const each of found) assert.ok(before(start, each.range), `${each.from} is imported before the agent starts`);
  }
}

describe('the Python snippets are valid Python and agent-ready', () => {
  test('gevent: monkey.patch_all() runs before every other import, then the agent, then the server and the app', () => {
    const module = python('gevent');
    const [first, ...others] = module.imports;
    assert.equal(first.from, 'gevent.monkey');
    const patch = firstRead(module, 'monkey');
    assert.match(textAt(module, patch), /^monkey\.patch_all\(\)$/m);
    assert.ok(others.length >= 3);
    for (const each of others) assert.ok(before(patch, each.range), `${each.from} is imported before monkey.patch_all()`);
    assert.ok(before(patch, firstRead(module, 'init_tingyun_agent')));
    agentStartsBefore(module, ['gevent.pywsgi', 'myproject']);
    // The server serves the app the snippet imports (the same tab stop).
    const serve = firstRead(module, 'WSGIServer');
    assert.match(textAt(module, serve), /^WSGIServer\(\("0\.0\.0\.0", 8000\), application\)\.serve_forever\(\)$/m);
    assert.ok(module.imports.some((each) => each.name === 'application'));
  });

  test("Tornado A: the agent starts before tornado is imported; Tornado's own server, no WSGI, so no tornado_wsgi_adapter_mode", () => {
    const module = python('tornado');
    agentStartsBefore(module, ['tornado']);
    assert.ok(!module.imports.some((each) => each.from.startsWith('tornado.wsgi')));
    assert.doesNotMatch(module.text, /tornado_wsgi_adapter_mode/);
    assert.ok(module.functions.some((each) => each.name === 'make_app'));
  });

  test('Tornado B: the agent starts first, WSGIContainer wraps the imported WSGI app, and tornado_wsgi_adapter_mode is named', () => {
    const module = python('tornado-wsgi-container');
    agentStartsBefore(module, ['tornado', 'myproject']);
    assert.match(module.text, /^# .*`tornado_wsgi_adapter_mode = true`.*tingyun\.ini\.$/m);
    assert.ok(module.reads.get('application')?.some((at) => /^application\)$/m.test(textAt(module, at)) && /tornado\.wsgi\.WSGIContainer\($/.test(module.text.slice(0, module.index.offsetAt(at.start)))));
  });

  test('Tornado C: the agent starts first, `application` is the WSGIAdapter a WSGI server loads, and tornado_wsgi_adapter_mode is named', () => {
    const module = python('tornado-wsgi-adapter');
    agentStartsBefore(module, ['tornado']);
    assert.match(module.text, /^# .*`tornado_wsgi_adapter_mode = true`.*tingyun\.ini\.$/m);
    const application = module.assignments.find((each) => each.name === 'application');
    assert.ok(application && !application.conditional);
    assert.equal(module.text.slice(module.index.offsetAt(application.statementRange.start), module.index.offsetAt(application.statementRange.end)), 'application = tornado.wsgi.WSGIAdapter(tornado_app)');
  });

  test('Tornado C with the uWSGI and agent snippets: pydeploy asks for tornado_wsgi_adapter_mode until the agent snippet sets it', () => {
    const uwsgi = expandedSolution('uwsgi').replace('module = myproject.wsgi:application', 'module = app:application').replace('/etc/tingyun/tingyun.ini', '/project/tingyun.ini');
    const files = (mode: string) => ({
      '/project/app.py': expandedSolution('tornado-wsgi-adapter'),
      '/project/uwsgi.ini': uwsgi,
      '/project/tingyun.ini': expandedSolution('agent').replace(/^tornado_wsgi_adapter_mode = .*$/m, `tornado_wsgi_adapter_mode = ${mode}`),
      '/project/requirements.txt': 'tornado>=4.5,<5\n',
    });
    const codes = (mode: string) => {
      const workspace = files(mode);
      return diagnosticsOf(analyze('/project/uwsgi.ini', workspace['/project/uwsgi.ini'], {}, memoryWorkspace(workspace))!).map((d) => d.code);
    };
    assert.deepEqual(codes('false'), ['tornado/wsgi-adapter-mode']);
    assert.deepEqual(codes('true'), []);
  });

  test('Gunicorn: valid Python; async worker classes only; no preloading; post_fork(server, worker) starts the agent in every worker', () => {
    const module = python('gunicorn');
    const assigned = (name: string) => module.assignments.find((each) => each.name === name);
    for (let pick = 0; pick < choiceCount('gunicorn'); pick++) {
      const workerClass = parsePython(expandedSolution('gunicorn', pick)).assignments.find((each) => each.name === 'worker_class');
      assert.ok(workerClass?.value.kind === 'str' && ['gevent', 'eventlet', 'gthread'].includes(workerClass.value.value), `choice ${pick}`);
    }
    const preload = assigned('preload_app');
    assert.ok(preload?.value.kind === 'bool' && !preload.value.value && !preload.conditional, 'preload_app = False');
    for (const name of ['worker_connections', 'max_requests', 'max_requests_jitter']) assert.ok(assigned(name)?.value.kind === 'int', name);
    const postFork = module.functions.find((each) => each.name === 'post_fork');
    assert.ok(postFork && !postFork.conditional);
    assert.equal(postFork.signature.required, 2);
    const body = module.text.slice(module.index.offsetAt(postFork.statementRange.start), module.index.offsetAt(postFork.statementRange.end));
    assert.match(body, /^ {4}from tingyun\.api import init_tingyun_agent$/m);
    const start = firstRead(module, 'init_tingyun_agent');
    assert.ok(before(postFork.statementRange, start) && comparePositions(start.end, postFork.statementRange.end) <= 0, 'the agent starts inside post_fork');
    assert.match(textAt(module, start), /^init_tingyun_agent\(\)$/m);
  });
});

describe('the uWSGI snippet, with every choice, analyses clean and has what the agent needs', () => {
  for (let pick = 0; pick < choiceCount('uwsgi'); pick++) {
    test(`choice ${pick + 1}: threads on, single-interpreter and lazy-apps on, an app, the agent's config named; no finding at all`, () => {
      const analysis = analyze('/project/uwsgi.ini', expandedSolution('uwsgi', pick))!;
      assert.ok(analysis.document.kind === 'uwsgi-ini');
      const { uwsgi } = analysis.document;
      assert.equal(uwsgi.threadSupport(), 'on');
      assert.equal(uwsgi.flag('single-interpreter').state, 'on');
      assert.equal(uwsgi.flag('lazy-apps').state, 'on');
      assert.equal(uwsgi.flag('master').state, 'on');
      assert.ok(uwsgi.loadsPythonApp && (uwsgi.last('module') ?? uwsgi.last('wsgi-file')));
      assert.ok(uwsgi.all('env').some((option) => /^TING_YUN_CONFIG_FILE=\/\S+\.ini$/.test(option.entry.value)));
      assert.deepEqual(diagnosticsOf(analysis).map((d) => `${d.range.start.line + 1}: ${d.code}`), []);
    });
  }
});

/** A snippet's body with the pick-th entry of every choice list (or its last) as its default. */
function withChoice(body: string, pick: number): string {
  return body.replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, stop: string, list: string) => {
    const items = list.split(',');
    return `\${${stop}:${items[Math.min(pick, items.length - 1)]}}`;
  });
}

describe('New deployment config for each agent: the config is clean for the profile it claims', () => {
  for (const solution of DEPLOYMENT_SOLUTIONS) {
    const claimed = solution.agents === 'any' ? AGENT_PROFILES : [agentProfile(solution.agents)!];
    for (const profile of claimed) {
      test(`${solution.id} for ${profile.name}: analysed with \`agents: ["${profile.id}"]\`, no finding about the agent and no error or warning`, () => {
        const body = agentSnippetBody(solution, snippetFile(solution.snippetFile)[solution.snippet], profile);
        for (let pick = 0; pick < Math.max(1, choiceCount(solution.id)); pick++) {
          const text = expandSnippet(withChoice(body, pick));
          assert.doesNotMatch(text, /\$\d|\$\{/, 'a tab stop was left in the text');
          if (solution.language === 'python') assert.deepEqual(parsePython(text).syntaxErrors, [], `${solution.id} for ${profile.id} is not valid Python`);
          const analysis = analyze(`/project/${solution.fileName}`, text, { agents: [profile.id] });
          if (!analysis) {
            assert.equal(solution.fileName, 'app.py', `${solution.fileName} is not analysed`);
            continue;
          }
          const about = analysis.findings.filter(({ finding }) => finding.agents?.includes(profile.id));
          assert.deepEqual(about.map(({ rule, finding }) => `${rule.id}: ${finding.message}`), [], `choice ${pick + 1}`);
          const problems = analysis.findings.filter(({ severity }) => severity === 'error' || severity === 'warning');
          assert.deepEqual(problems.map(({ rule, finding }) => `${rule.id}: ${finding.message}`), [], `choice ${pick + 1}`);
        }
      });
    }
  }

  test("Datadog's uWSGI config: enable-threads, lazy-apps, master, skip-atexit, and uWSGI imports ddtrace.auto; no ddtrace-run", () => {
    const solution = DEPLOYMENT_SOLUTIONS.find((each) => each.id === 'uwsgi')!;
    const text = expandSnippet(agentSnippetBody(solution, snippetFile(solution.snippetFile)[solution.snippet], agentProfile('datadog')));
    const analysis = analyze('/project/uwsgi.ini', text, { agents: ['datadog'] })!;
    assert.ok(analysis.document.kind === 'uwsgi-ini');
    const { uwsgi } = analysis.document;
    for (const flag of ['enable-threads', 'lazy-apps', 'master', 'skip-atexit', 'single-interpreter']) assert.equal(uwsgi.flag(flag).state, 'on', flag);
    assert.deepEqual(uwsgi.all('import').map((option) => option.entry.value), ['ddtrace.auto']);
    assert.deepEqual(uwsgi.all('env'), []);
    assert.match(text, /^; Do not start uWSGI under ddtrace-run: /m);
  });

  test("New Relic's Gunicorn config registers the application in post_fork; Prometheus's marks dead workers in child_exit", () => {
    const solution = DEPLOYMENT_SOLUTIONS.find((each) => each.id === 'gunicorn')!;
    const snippet = snippetFile(solution.snippetFile)[solution.snippet];
    const newRelic = parsePython(expandSnippet(agentSnippetBody(solution, snippet, agentProfile('newrelic'))));
    const postFork = newRelic.functions.find((each) => each.name === 'post_fork');
    assert.ok(postFork);
    const body = newRelic.text.slice(newRelic.index.offsetAt(postFork.statementRange.start), newRelic.index.offsetAt(postFork.statementRange.end));
    assert.match(body, /^ {4}import newrelic\.agent\n\n {4}newrelic\.agent\.register_application\(timeout=10\.0\)$/m);
    assert.doesNotMatch(newRelic.text, /tingyun/);
    const prometheus = parsePython(expandSnippet(agentSnippetBody(solution, snippet, agentProfile('prometheus'))));
    assert.deepEqual(prometheus.functions.map((each) => each.name), ['child_exit']);
    assert.match(prometheus.text, /^ {4}multiprocess\.mark_process_dead\(worker\.pid\)$/m);
  });

  test('Tingyun, or no agent picked: the snippet as it is', () => {
    for (const solution of DEPLOYMENT_SOLUTIONS) {
      const snippet = snippetFile(solution.snippetFile)[solution.snippet];
      assert.equal(agentSnippetBody(solution, snippet, agentProfile('tingyun')), snippetBody(snippet));
      assert.equal(agentSnippetBody(solution, snippet, undefined), snippetBody(snippet));
    }
  });
});
