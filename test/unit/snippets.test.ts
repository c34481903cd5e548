/**
 * The snippets of snippets/ (and the "New deployment config" command, which inserts the same snippets) give a
 * config pydeploy finds nothing wrong with: each is expanded with its defaults into an empty file of its kind and
 * analysed. The files are not written anywhere; the analysis reads the text it is given.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEPLOYMENT_SOLUTIONS, SnippetDefinition, snippetBody } from '../../client/src/solutions';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { expandSnippet } from '../helpers/snippets';

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
        // No rule reads an app script today; if one does later, it must find nothing wrong either.
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
