/**
 * The shrunk counterexamples of test/fuzz, kept as plain tests: each one was a real bug the properties found.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { documentSymbols } from '../../server/src/features/symbols';
import { fixAll, fixAllFiles, fixAllText, quickFixes } from '../../server/src/features/codeActions';
import { applyTextEdits } from '../../server/src/text/edits';
import { memoryWorkspace } from '../helpers/memoryWorkspace';
import { LineIndex } from '../../server/src/text/lineIndex';

describe('found by fuzzing', () => {
  test('an offset between the \\r and \\n of a CRLF is the end of the line, not a column past it', () => {
    const index = new LineIndex('ab\r\ncd');
    assert.deepEqual(index.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(4), { line: 1, character: 0 });
  });

  test('a Gunicorn function in a CRLF file ends its outline range at the end of its last line', () => {
    const analysis = analyze('/project/gunicorn.conf.py', 'def ost_fork():\r\n    pass\r\n');
    assert.ok(analysis);
    const [symbol] = documentSymbols(analysis.document);
    assert.deepEqual(symbol.range, { start: { line: 0, character: 0 }, end: { line: 1, character: 8 } });
  });

  test('no "Disable RULE for this line" on a suppression comment, where a comment above would silence another line', () => {
    for (const [path, text, line] of [
      ['/project/uwsgi.ini', 'enable-threads = false\n# pydeploy: disable-next-line=wsgi/enable-threads', 1],
      ['/project/gunicorn.conf.py', 'threds = 4\n# pydeploy: disable=gunicorn/unknown-settng\n', 1],
    ] as const) {
      const analysis = analyze(path, text);
      assert.ok(analysis);
      const found = analysis.findings.find((candidate) => candidate.rule.id === 'pydeploy/unknown-rule');
      assert.equal(found?.finding.range.start.line, line);
      const titles = quickFixes(analysis, found.finding.range).map((action) => action.title);
      assert.ok(!titles.includes('Disable pydeploy/unknown-rule for this line'), titles.join(', '));
      // Findings on ordinary lines keep it.
      assert.ok(quickFixes(analysis, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }).some((action) => action.title.startsWith('Disable ')));
    }
  });

  test('fix all settles in one --fix run when a fix uncovers another (a renamed key\'s inline comment, a header that makes values count)', () => {
    const uwsgi = 'enable-threads = false\n[uwsgi]\nhmod-socket = true ; keep';
    const fixed = fixAllText('/project/uwsgi.ini', uwsgi);
    assert.equal(fixed, 'enable-threads = false\n[uwsgi]\n; keep\nchmod-socket = true\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true');
    assert.equal(fixAllText('/project/uwsgi.ini', fixed), fixed);
    const agent = '[tingyun]\nenabled = yes\n'.replace('[tingyun]', '\uFEFF[tingyun]');
    const fixedAgent = fixAllText('/project/tingyun.ini', agent);
    assert.equal(fixedAgent, '[tingyun]\n\uFEFF[tingyun]\nenabled = true\n');
    assert.equal(fixAllText('/project/tingyun.ini', fixedAgent), fixedAgent);
  });

  test('the editor\'s fix all is settled too: one action applies every pass, and offers nothing afterwards', () => {
    const uwsgi = 'enable-threads = false\n[uwsgi]\nhmod-socket = true ; keep';
    const analysis = analyze('/project/uwsgi.ini', uwsgi);
    const action = analysis && fixAll(analysis);
    assert.ok(action);
    // Pass 1 renames the key and adds the flags; pass 2 moves the comment the rename uncovered. Each edit stays small.
    assert.deepEqual(action.edits, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '; keep\n' },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } }, newText: 'chmod-socket' },
      { range: { start: { line: 2, character: 18 }, end: { line: 2, character: 25 } }, newText: '' },
      { range: { start: { line: 2, character: 25 }, end: { line: 2, character: 25 } }, newText: '\nenable-threads = true\nsingle-interpreter = true\nlazy-apps = true' },
    ]);
    const fixed = applyTextEdits(uwsgi, action.edits);
    assert.equal(fixed, fixAllText('/project/uwsgi.ini', uwsgi));
    const again = analyze('/project/uwsgi.ini', fixed);
    assert.equal(again && fixAll(again), undefined);
  });

  test('fix all removing the last lines over two passes removes them as one deletion, with the break before them', () => {
    const text = 'tornado_wsgi_adapter_mode = maybe\nlicence_key = 0123\n\ntornado_wsgi_adapter_mode = maybe\ntornado_wsgi_adapter_mode = maybe';
    const analysis = analyze('/project/tingyun.ini', text);
    const action = analysis && fixAll(analysis);
    assert.ok(action);
    assert.deepEqual(action.edits.at(-1), { range: { start: { line: 2, character: 0 }, end: { line: 4, character: 33 } }, newText: '' });
    assert.equal(applyTextEdits(text, action.edits), '[tingyun]\ntornado_wsgi_adapter_mode = maybe\nlicense_key = 0123\n');
  });

  test('the async-worker fix adds its lines after the whole line, leaving trailing spaces and comments where they were', () => {
    const text = 'worker_class = "gevent"\t\nthreads = 2  # two\n';
    const analysis = analyze('/project/gunicorn.conf.py', text);
    assert.ok(analysis);
    const found = analysis.findings.find((candidate) => candidate.rule.id === 'gunicorn/async-worker');
    assert.ok(found);
    const [action] = quickFixes(analysis, found.finding.range);
    assert.equal(
      applyTextEdits(text, action.edits),
      'worker_class = "gevent"\t\nworker_connections = 1000\nmax_requests = 1000\nmax_requests_jitter = 100\nthreads = 2  # two\n',
    );
    const commented = 'worker_class = "gevent"  # async\n';
    assert.equal(
      applyTextEdits(commented, quickFixes(analyze('/project/gunicorn.conf.py', commented)!, found.finding.range)[0].edits),
      'worker_class = "gevent"  # async\nworker_connections = 1000\nmax_requests = 1000\nmax_requests_jitter = 100\n',
    );
  });

  test('an option added to the agent config goes after the last value\'s continuation lines, not between them', () => {
    const files = {
      '/project/gunicorn.conf.py': 'wsgi_app = "deploy.wsgi:application"\n',
      '/project/deploy/wsgi.py': 'import tornado.web\nimport tornado.wsgi\napplication = tornado.wsgi.WSGIAdapter(tornado.web.Application([]))\n',
      '/project/tingyun.ini': '[tingyun]\nlicense_key = INFO\n  true',
    };
    const result = fixAllFiles('/project/gunicorn.conf.py', files['/project/gunicorn.conf.py'], {}, memoryWorkspace(files));
    assert.equal(result.get('/project/tingyun.ini'), '[tingyun]\nlicense_key = INFO\n  true\ntornado_wsgi_adapter_mode = true');
  });

  test('no value fix for an agent value that goes on over an indented line: it would delete that line', () => {
    const text = '[tingyun]\nssl = false\n\tlicense_key = true ; keep';
    const analysis = analyze('/project/tingyun.ini', text);
    assert.ok(analysis);
    const found = analysis.findings.find((candidate) => candidate.rule.id === 'tingyun/invalid-value');
    assert.ok(found, 'the multi-line value is still reported');
    assert.deepEqual(quickFixes(analysis, found.finding.range).map((action) => action.title), ['Disable tingyun/invalid-value for this line']);
  });

  test('fix all that removes a duplicate line and moves its inline comment does not fail on overlapping edits', () => {
    assert.equal(fixAllText('/project/tingyun.ini', '[tingyun]\naudit_mode = on ; keep\naudit_mode = on ; keep\n'), '[tingyun]\n; keep\naudit_mode = true\n');
  });

  test('removing the last two lines as duplicates removes them with the break before them', () => {
    const fixed = fixAllText('/project/tingyun.ini', '[tingyun]\nssl = false\nssl = false\nssl = false');
    assert.equal(fixed, '[tingyun]\nssl = false');
  });

  test('an option the agent lacks goes into its first [tingyun] section, the one the agent reads', () => {
    const files = {
      '/project/uwsgi.ini': '[uwsgi]\nmodule = deploy.wsgi:application\n',
      '/project/deploy/wsgi.py': 'import tornado.web\nimport tornado.wsgi\napplication = tornado.wsgi.WSGIAdapter(tornado.web.Application([]))\n',
      '/project/tingyun.ini': '[tingyun]\n[tingyun]\ntornado_wsgi_adapter_mode = ',
    };
    const result = fixAllFiles('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, memoryWorkspace(files));
    assert.equal(result.get('/project/tingyun.ini'), '[tingyun]\ntornado_wsgi_adapter_mode = true\n[tingyun]\ntornado_wsgi_adapter_mode = ');
  });

  test('no tingyun.ini fix for a tornado_wsgi_adapter_mode value that goes on over an indented line', () => {
    const files = {
      '/project/uwsgi.ini': 'enable-threads = false\n[uwsgi]\nmodule = deploy.wsgi:application',
      '/project/deploy/wsgi.py': 'import tornado.web\nimport tornado.wsgi\napplication = tornado.wsgi.WSGIAdapter(tornado.web.Application([]))\n',
      '/project/tingyun.ini': '[tingyun]\nTORNADO_WSGI_ADAPTER_MODE = \n = INFO',
    };
    const analysis = analyze('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, memoryWorkspace(files));
    const found = analysis?.findings.find((candidate) => candidate.rule.id === 'tornado/wsgi-adapter-mode');
    assert.ok(analysis && found, 'still reported');
    assert.deepEqual(quickFixes(analysis, found.finding.range).map((action) => action.title), ['Disable tornado/wsgi-adapter-mode for this line']);
    assert.equal(fixAllFiles('/project/uwsgi.ini', files['/project/uwsgi.ini'], {}, memoryWorkspace(files)).get('/project/tingyun.ini'), undefined);
  });
});

