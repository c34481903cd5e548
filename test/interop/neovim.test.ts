// A second, independent LSP client: Neovim's built-in one (Debian's neovim is 0.7.2) drives the BUILT language
// server (node server/out/server.js --stdio) through test/interop/neovim-probe.lua, headless, and this test checks
// what it saw. Run with `npm run test:interop` after `npm run build`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '..', '..');
const SERVER = join(ROOT, 'server', 'out', 'server.js');
const PROBE = join(__dirname, 'neovim-probe.lua');
const FIXTURES = join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');
const NVIM = process.env.PYDEPLOY_NVIM || 'nvim';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface Diagnostic {
  range: Range;
  severity: number;
  code: string;
  source: string;
  message: string;
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit?: unknown;
}
interface ProbedFile {
  path: string;
  uri: string;
  diagnostics: Diagnostic[];
  hover?: { contents: { kind: string; value: string }; range?: Range } | null;
  code_actions: { code: string; actions: CodeAction[] }[];
  fix_all: CodeAction[];
  text_after_fix_all?: string;
  diagnostics_after_fix_all?: Diagnostic[];
}
interface ProbeResult {
  nvim: { major: number; minor: number; patch: number };
  files: ProbedFile[];
  errors: string[];
  server_exit?: { code: number; signal: number };
}

/** vim.json encodes an empty Lua table, and so an empty list, as `{}`. */
function list<T>(value: T[] | Record<string, never> | undefined | null): T[] {
  return Array.isArray(value) ? value : [];
}

function rangeText({ start, end }: Range): string {
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

function summary(diagnostics: Diagnostic[] | Record<string, never> | undefined): string[] {
  return list(diagnostics)
    .map((diagnostic) => `${diagnostic.code} ${diagnostic.severity} ${rangeText(diagnostic.range)}`)
    .sort();
}

/** Whether Neovim can run here; otherwise skips (or, on CI, fails) with the reason. */
function nvimMissing(): string | undefined {
  const version = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  if (version.status === 0) return undefined;
  const reason = 'neovim is not installed — run npm run setup:system';
  if (process.env.CI === 'true') assert.fail(reason);
  console.log(`skipped: ${reason}`);
  return reason;
}

/** Warns when server/out is older than server/src: the test checks the built server, not the sources. */
function staleBuildWarning(): string | undefined {
  const built = statSync(SERVER).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs)));
  return newest(join(ROOT, 'server', 'src')) > built ? 'server/out/server.js is older than server/src: run npm run build' : undefined;
}

test('Neovim as an LSP client: diagnostics, hover, quick fixes and fix-all from the built server', async (t) => {
  const skip = nvimMissing();
  if (skip) return t.skip(skip);
  assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build`);
  const stale = staleBuildWarning();
  if (stale) t.diagnostic(stale);

  const dir = mkdtempSync(join(tmpdir(), 'pydeploy-nvim-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const workspace = join(dir, 'workspace');
  cpSync(FIXTURES, workspace, { recursive: true });
  const out = join(dir, 'probe.json');
  const plan = {
    cmd: [process.execPath, SERVER, '--stdio'],
    root: workspace,
    timeout_ms: 10_000,
    files: [
      { path: join(workspace, 'uwsgi.ini'), hover: [4, 3], fix_all: true },
      { path: join(workspace, 'app.ini'), hover: [3, 3] },
      { path: join(workspace, 'other.ini') },
    ],
  };

  const started = Date.now();
  const run = spawnSync(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${PROBE}`], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PYDEPLOY_PROBE_PLAN: JSON.stringify(plan), PYDEPLOY_PROBE_OUT: out, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir, XDG_DATA_HOME: dir },
  });
  t.diagnostic(`nvim ran for ${Date.now() - started} ms`);
  assert.ok(existsSync(out), `the probe wrote nothing (exit ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`);
  const result = JSON.parse(readFileSync(out, 'utf8')) as ProbeResult;
  assert.deepEqual(list(result.errors), [], `the probe failed:\n${list(result.errors).join('\n')}\n${run.stderr}`);
  assert.equal(run.status, 0, run.stderr);
  t.diagnostic(`Neovim ${result.nvim.major}.${result.nvim.minor}.${result.nvim.patch}`);

  const [uwsgi, app, other] = result.files;

  // uwsgi.ini: the three findings, on the section header and on the value of `single-interpreter = false`.
  assert.deepEqual(summary(uwsgi.diagnostics), [
    'uwsgi/enable-threads 1 0:0-0:7',
    'uwsgi/lazy-apps 2 0:0-0:7',
    'uwsgi/single-interpreter 2 4:21-4:26',
  ]);
  assert.ok(list(uwsgi.diagnostics).every((diagnostic) => diagnostic.source === 'pydeploy'));

  assert.ok(uwsgi.hover, 'no hover on single-interpreter');
  assert.equal(uwsgi.hover.contents.kind, 'markdown');
  assert.ok(uwsgi.hover.contents.value.startsWith('**single-interpreter**'), uwsgi.hover.contents.value);
  assert.equal(uwsgi.hover.range && rangeText(uwsgi.hover.range), '4:0-4:18');

  const fixesFor = (file: ProbedFile, code: string) =>
    list(file.code_actions.find((entry) => entry.code === code)?.actions).map((action) => ({
      title: action.title,
      kind: action.kind,
      isPreferred: action.isPreferred === true,
    }));
  assert.deepEqual(
    fixesFor(uwsgi, 'uwsgi/enable-threads').find((action) => action.title === "Add 'enable-threads = true' to [uwsgi]"),
    { title: "Add 'enable-threads = true' to [uwsgi]", kind: 'quickfix', isPreferred: true },
  );
  assert.deepEqual(
    fixesFor(uwsgi, 'uwsgi/single-interpreter'),
    [
      { title: "Set 'single-interpreter' to 'true'", kind: 'quickfix', isPreferred: true },
      // Every diagnostic can be silenced from its line; never the preferred fix, so never part of fix-all.
      { title: 'Disable uwsgi/single-interpreter for this line', kind: 'quickfix', isPreferred: false },
      // The file has more than one fixable finding: fix all is offered beside each one's fixes.
      { title: 'Fix all pydeploy problems in this file', kind: 'quickfix', isPreferred: false },
    ],
  );

  assert.deepEqual(
    list(uwsgi.fix_all).map((action) => [action.title, action.kind]),
    [['Fix all agent settings', 'source.fixAll.pydeploy']],
  );
  assert.equal(
    uwsgi.text_after_fix_all,
    ['[uwsgi]', 'module = app:application', 'master = true', 'processes = 4', 'single-interpreter = true', 'enable-threads = true', 'lazy-apps = true', ''].join('\n'),
  );
  assert.deepEqual(summary(uwsgi.diagnostics_after_fix_all), [], 'diagnostics left after the fix-all');

  // app.ini: no uwsgi* name, but a [uwsgi] section.
  assert.deepEqual(summary(app.diagnostics), ['uwsgi/enable-threads 1 3:17-3:22', 'uwsgi/prefer-lazy-apps 4 5:0-5:4']);
  assert.ok(app.hover, 'no hover on enable-threads');
  assert.ok(app.hover.contents.value.startsWith('**enable-threads**'), app.hover.contents.value);
  assert.deepEqual(fixesFor(app, 'uwsgi/enable-threads'), [
    { title: "Set 'enable-threads' to 'true'", kind: 'quickfix', isPreferred: true },
    { title: 'Disable uwsgi/enable-threads for this line', kind: 'quickfix', isPreferred: false },
    { title: 'Fix all pydeploy problems in this file', kind: 'quickfix', isPreferred: false },
  ]);
  assert.deepEqual(fixesFor(app, 'uwsgi/prefer-lazy-apps'), [
    { title: "Replace 'lazy' with 'lazy-apps'", kind: 'quickfix', isPreferred: true },
    { title: 'Disable uwsgi/prefer-lazy-apps for this line', kind: 'quickfix', isPreferred: false },
    { title: 'Fix all pydeploy problems in this file', kind: 'quickfix', isPreferred: false },
  ]);

  // other.ini: no [uwsgi] section, so an empty list is published and nothing is offered.
  assert.deepEqual(summary(other.diagnostics), []);
  assert.deepEqual(list(other.fix_all), []);

  // The server shut down cleanly when Neovim stopped the client.
  assert.equal(result.server_exit?.code, 0, `server exit: ${JSON.stringify(result.server_exit)}`);
});
