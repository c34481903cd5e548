/**
 * What real uWSGI makes of the lines behind some findings (false alarms and wording seen on real files), next to what
 * pydeploy says of the same file: `${VAR}` is kept as written while `$(VAR)` is expanded; `%d` ends with a slash; an
 * alias read as `%(name)` is used; a line without `=` is one unknown name; `static-map` without `mountpoint=` exits.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { expandPathMagic } from '../../server/src/model/uwsgiConfig';
import { Scratch, installedUwsgi, runUwsgi, uwsgiEnv } from './uwsgiOracle';
import { unavailable } from '../helpers/unavailable';

const installed = installedUwsgi();
let scratch: Scratch;

/**
 * Runs uWSGI on a config written into a fresh folder, with `show-config`, which logs every option as uWSGI ended up
 * with it (placeholders and magic variables expanded); the run ends there, or earlier when uWSGI refuses the config.
 */
async function run(text: string, ...args: string[]): Promise<{ code: number | null; output: string; shown: boolean; path: string }> {
  const folder = scratch.folder();
  const path = join(folder, 'uwsgi.ini');
  writeFileSync(path, text);
  const end = ';end of configuration';
  const result = await runUwsgi(['--ini', path, ...args, '--show-config'], { cwd: folder, timeoutMs: 10_000, until: (stderr) => stderr.includes(end) });
  return { code: result.code, output: result.stdout + result.stderr, shown: result.stderr.includes(end), path };
}

function codes(path: string, text: string): string[] {
  return diagnosticsOf(analyze(path, text)!).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
}

describe(`uWSGI reads these lines as pydeploy says (${installed ?? 'uwsgi not installed'})`, () => {
  before(() => {
    scratch = new Scratch();
  });
  after(() => scratch.dispose());

  test('`${VAR}` is kept as written, `$(VAR)` is expanded: one information finding on the first `${...}`', async (t) => {
    if (!installed) return t.skip(unavailable('uwsgi is not installed', 'run npm run setup:system'));
    const home = uwsgiEnv().HOME;
    assert.ok(home, 'HOME is set');
    const text = '[uwsgi]\nprint = a=${HOME} b=$(HOME)\n';
    const { shown, output, path } = await run(text);
    assert.ok(shown, output);
    assert.ok(output.split('\n').includes(`print = a=\${HOME} b=${home}`), output);
    assert.deepEqual(codes(path, text).filter((code) => code.endsWith('unexpanded-variable')), ['1:10 uwsgi/unexpanded-variable']);
  });

  test('`%d` is the config folder with a slash at the end', async (t) => {
    if (!installed) return t.skip(unavailable('uwsgi is not installed', 'run npm run setup:system'));
    const { shown, output, path } = await run('[uwsgi]\nchdir = %d\n');
    assert.ok(shown, output);
    assert.ok(output.split('\n').includes(`chdir = ${path.slice(0, path.lastIndexOf('/') + 1)}`), output);
    assert.equal(expandPathMagic('%d', path, 'uwsgi'), path.slice(0, path.lastIndexOf('/') + 1));
  });

  test('an alias read as `%(name)` is used: `home = %(virtualenv)` takes the virtualenv line, which pydeploy does not call useless', async (t) => {
    if (!installed) return t.skip(unavailable('uwsgi is not installed', 'run npm run setup:system'));
    const text = '[uwsgi]\nvirtualenv = /srv/venv\nhome = %(virtualenv)\n';
    const used = await run(text);
    assert.ok(used.shown, used.output);
    assert.match(used.output, /^home = \/srv\/venv$/m);
    assert.deepEqual(codes(used.path, text).filter((code) => code.endsWith('conflicting-options')), []);
    // Without the line the placeholder stays as written: removing it would break the start.
    const removed = await run('[uwsgi]\nhome = %(virtualenv)\n');
    assert.match(removed.output, /^home = %\(virtualenv\)$/m);
  });

  test('a line without `=` is one unknown name (strict refuses it); static-map without `mountpoint=` exits', async (t) => {
    if (!installed) return t.skip(unavailable('uwsgi is not installed', 'run npm run setup:system'));
    const spaced = await run('[uwsgi]\nstatic-map /static\n', '--strict');
    assert.equal(spaced.code, 1, spaced.output);
    assert.match(spaced.output, /^\[strict-mode\] unknown config directive: static-map \/static$/m);
    assert.deepEqual(codes(spaced.path, '[uwsgi]\nstatic-map /static\n').filter((code) => code.includes('unknown-option')), ['1:0 uwsgi/unknown-option']);
    const unmapped = await run('[uwsgi]\nstatic-map = /static\n');
    assert.equal(unmapped.code, 1, unmapped.output);
    assert.match(unmapped.output, /invalid document root in static map, syntax mountpoint=docroot/);
    assert.deepEqual(codes(unmapped.path, '[uwsgi]\nstatic-map = /static\n').filter((code) => code.includes('invalid-value')), ['1:13 uwsgi/invalid-value']);
  });
});
