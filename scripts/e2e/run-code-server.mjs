#!/usr/bin/env node
// Runs the end-to-end suite (test/e2e/suite) inside code-server 4.100.3 (VS Code 1.100.3, real Node extension host),
// driven by headless Chromium through playwright-core; then the workbench checks (test/e2e/ui), which read what a
// user sees from the rendered DOM; then the same in Simplified Chinese (test/e2e/ui/chinese.ts).
// Works offline: code-server comes from the npm registry (scripts/e2e/setup-code-server.sh), Chromium from Debian.
//
//   node scripts/e2e/run-code-server.mjs [--no-ui] [--ui-only] [--no-zh-cn] [--zh-cn-only]
//
// Needs `npm run build` (the extension) and `node scripts/e2e/build-suite.mjs` (the suite) first;
// `npm run test:e2e` does all three. Each phase starts its own code-server on 127.0.0.1 and a free port, with
// temporary user-data, extensions and config folders and a temporary copy of test/e2e/fixtures/workspace, and
// stops it (and Chromium) afterwards whatever happens.
//
// Environment:
//   PYDEPLOY_CACHE        cache root where scripts/e2e/setup-code-server.sh installed code-server (~/.cache/pydeploy)
//   PYDEPLOY_CODE_SERVER  path of the code-server executable (overrides the cache)
//   PYDEPLOY_CHROMIUM     path of the Chromium executable (default /usr/bin/chromium)
//   PYDEPLOY_E2E_TIMEOUT  seconds a phase may take (default 420: a backstop for a hang; every wait inside has its own limit)
//   PYDEPLOY_E2E_GREP     only the tests (and workbench checks) whose title matches
//   PYDEPLOY_E2E_TESTS_ENTRY  another extensionTestsPath to run instead of the suite (npm run bench uses it)
//   PYDEPLOY_E2E_KEEP=1   keep the temporary folder (printed) for a look afterwards
//   CI=true               a missing code-server or Chromium fails the run instead of skipping it
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ARTIFACTS = join(ROOT, '.test-artifacts');
const FIXTURE_WORKSPACE = join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');
// A language pack of our own (a manifest with contributes.localizations and a few translated workbench strings): VS Code
// only takes a display language for which a pack is installed, and the Marketplace's cannot be fetched offline.
const FIXTURE_LANGUAGE_PACK = join(ROOT, 'test', 'e2e', 'fixtures', 'zh-cn-language-pack');
// Another extensionTestsPath (the benchmark's activation probe, scripts/bench/activation) may stand in for the suite.
const TESTS_ENTRY = process.env.PYDEPLOY_E2E_TESTS_ENTRY ? resolve(process.env.PYDEPLOY_E2E_TESTS_ENTRY) : join(ROOT, 'test', 'e2e', 'out', 'index.js');
const CODE_SERVER_VERSION = '4.100.3';
const CODE_SERVER =
  process.env.PYDEPLOY_CODE_SERVER ||
  join(process.env.PYDEPLOY_CACHE || join(homedir(), '.cache', 'pydeploy'), `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.PYDEPLOY_CHROMIUM || '/usr/bin/chromium';
const PHASE_TIMEOUT_MS = Number(process.env.PYDEPLOY_E2E_TIMEOUT || 420) * 1000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'files.hotExit': 'off',
  // VS Code in a browser defaults to 'afterDelay', which would save the suite's edits into the workspace copy.
  'files.autoSave': 'off',
  'chat.disableAIFeatures': true,
};

const log = (message) => console.log(`[e2e] ${message}`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Things to undo on the way out, newest first; also run on Ctrl+C. */
const cleanups = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    try {
      await step();
    } catch (error) {
      console.error(`[e2e] clean-up: ${error?.message ?? error}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`[e2e] ${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** A missing tool skips the run (exit 0) with the reason, except on CI, where it fails it. */
function requireTool(name, path, hint) {
  if (existsSync(path)) return true;
  const message = `${name} is not installed — run npm run setup:system`;
  const detail = `(looked for ${path}${hint ? `; ${hint}` : ''})`;
  if (process.env.CI === 'true') {
    console.error(`[e2e] error: ${message} ${detail}`);
    process.exit(1);
  }
  console.log(`skipped: ${message}\n  ${detail}`);
  return false;
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * What VS Code records in `<user-data-dir>/languagepacks.json` when it installs a language pack: per language, the
 * pack's extension and its translation files. The server reads it to pick a display language (and caches the merged
 * translations under `clp/<hash>.<language>`). `code-server --install-extension` does not write it (only an install
 * from the running workbench does; code-server's own e2e tests write it too), so the runner writes it from the
 * fixture pack's manifest, as VS Code would.
 */
function languagePacksJson(packFolder) {
  const manifest = JSON.parse(readFileSync(join(packFolder, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  const packs = {};
  for (const localization of manifest.contributes.localizations) {
    packs[localization.languageId] = {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(localization.translations.map((translation) => [translation.id, join(packFolder, translation.path)])),
      label: localization.localizedLanguageName ?? localization.languageName,
    };
  }
  return packs;
}

/**
 * A code-server of its own: temp folders, a copy of the fixture workspace (plus `extraFiles`, relative path → text),
 * a free port; stopped by cleanUp(). With a `locale` (`zh-cn`), the fixture language pack is in place and code-server
 * starts with `--locale`, as for a user whose display language is that one.
 */
async function startCodeServer(phase, extraFiles = {}, locale = undefined) {
  const dir = mkdtempSync(join(tmpdir(), `pydeploy-e2e-${phase}-`));
  if (process.env.PYDEPLOY_E2E_KEEP === '1') log(`keeping ${dir}`);
  else cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

  const workspace = join(dir, 'workspace');
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  for (const [relative, text] of Object.entries(extraFiles)) {
    mkdirSync(dirname(join(workspace, relative)), { recursive: true });
    writeFileSync(join(workspace, relative), text);
  }
  for (const sub of ['data/User', 'extensions', 'xdg-config', 'xdg-data', 'xdg-cache', 'home', 'chromium-profile']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'data', 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  if (locale !== undefined) {
    const packs = languagePacksJson(FIXTURE_LANGUAGE_PACK);
    if (!packs[locale]) throw new Error(`the fixture language pack has no ${locale}`);
    writeFileSync(join(dir, 'data', 'languagepacks.json'), JSON.stringify(packs));
  }
  writeFileSync(join(dir, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');

  const port = await freePort();
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = join(ARTIFACTS, `code-server-${phase}.log`);
  const output = createWriteStream(logFile);
  const child = spawn(
    CODE_SERVER,
    [
      '--config', join(dir, 'config.yaml'),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--extensions-dir', join(dir, 'extensions'),
      '--user-data-dir', join(dir, 'data'),
      ...(locale !== undefined ? ['--locale', locale] : []),
    ],
    {
      // Its own process group, so that stopping it also stops its extension hosts, pty host and watchers.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        XDG_CONFIG_HOME: join(dir, 'xdg-config'),
        XDG_DATA_HOME: join(dir, 'xdg-data'),
        XDG_CACHE_HOME: join(dir, 'xdg-cache'),
      },
    },
  );
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  let exited = false;
  const exitedPromise = new Promise((done) => child.once('exit', (code, signal) => { exited = true; done({ code, signal }); }));
  cleanups.push(async () => {
    if (!exited) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const stopped = await Promise.race([exitedPromise.then(() => true), sleep(5000).then(() => false)]);
      if (!stopped) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    // Children of the group (an extension host, the language server) may outlive the main process briefly.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* the group is empty */ }
    output.end();
  });

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited before it was ready; see ${logFile}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${base}/healthz within 60 s; see ${logFile}`);
    await sleep(200);
  }
  log(`code-server ${CODE_SERVER_VERSION} ready on ${base} (${phase})`);
  return { base, port, dir, workspace, logFile };
}

async function launchChromium(dir) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    // This script's own handlers stop code-server too; Playwright's would exit before they ran.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: { ...process.env, HOME: join(dir, 'home'), XDG_CONFIG_HOME: join(dir, 'xdg-config'), XDG_CACHE_HOME: join(dir, 'xdg-cache') },
  });
  cleanups.push(() => Promise.race([context.close(), sleep(10_000)]));
  return context;
}

function workbenchUrl(server, payload) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const entries = payload.map(([key, value]) => [key, key === 'extensionDevelopmentPath' || key === 'extensionTestsPath' || key === 'openFile' ? remote(value) : value]);
  return `${server.base}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
}

/** Offline noise: the workbench asks the extension gallery (open-vsx.org) and the marketplace, and cannot reach them. */
const OFFLINE_NOISE = /ENOTFOUND|ERR_NAME_NOT_RESOLVED|open-vsx\.org|Failed to load resource/;

/**
 * What to print of a browser console message, or undefined. Extension-host lines carry `[Extension Host]`: the
 * suite's report (test/e2e/index.ts prefixes it; during a test run the workbench logs the extension host's console
 * as `console.log('%c INFO', 'color: …', format, ...args)`), or, outside test runs,
 * `console.log('%c[Extension Host]', 'color: …', format, ...args)`. Errors the workbench logs (`%c  ERR`: an
 * exception in the extension host, a failed `run()`) are printed too, marked [workbench].
 */
async function consoleText(message) {
  const raw = message.text();
  const fromExtensionHost = raw.includes('[Extension Host]');
  const workbenchError = !fromExtensionHost && message.type() === 'error' && raw.startsWith('%c  ERR') && !OFFLINE_NOISE.test(raw);
  if (!fromExtensionHost && !workbenchError) return undefined;
  let args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '[unprintable]')));
  if (typeof args[0] === 'string' && args[0].startsWith('%c')) {
    const label = args[0].slice(2).trim();
    args = args.slice(2);
    if (label.startsWith('[Extension Host]')) args.unshift(label);
  }
  const text = typeof args[0] === 'string' ? format(...args) : args.map(String).join(' ');
  if (workbenchError) return text.split('\n').map((line) => `[workbench] ${line}`).join('\n');
  return text.split('\n').map((line) => line.replace(/^\s*\[Extension Host\] ?/, '')).join('\n');
}

/** Phase 1: the mocha suite in the extension host; resolves to the exit code the workbench reports. */
async function runSuite() {
  const server = await startCodeServer('suite');
  const context = await launchChromium(server.dir);
  const page = context.pages()[0] ?? (await context.newPage());
  const browserLog = createWriteStream(join(ARTIFACTS, 'browser-suite.log'));
  cleanups.push(() => browserLog.end());

  let exit;
  const exitCode = new Promise((done) => { exit = done; });
  await page.exposeFunction('codeAutomationExit', (code) => exit(Number(code)));
  // Console messages are handled one after the other, so that the forwarded lines keep their order.
  let forwarding = Promise.resolve();
  page.on('console', (message) => {
    browserLog.write(`[${message.type()}] ${message.text()}\n`);
    forwarding = forwarding.then(async () => {
      const text = await consoleText(message);
      if (text !== undefined) console.log(text);
    });
  });
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error}\n`));

  await page.goto(
    workbenchUrl(server, [
      ['extensionDevelopmentPath', ROOT],
      ['extensionTestsPath', TESTS_ENTRY],
    ]),
  );
  const timedOut = sleep(PHASE_TIMEOUT_MS).then(() => 'timeout');
  const code = await Promise.race([exitCode, timedOut]);
  await Promise.race([forwarding, sleep(2000)]);
  if (code === 'timeout') {
    await page.screenshot({ path: join(ARTIFACTS, 'suite-timeout.png') }).catch(() => undefined);
    console.error(`[e2e] the suite did not finish within ${PHASE_TIMEOUT_MS / 1000} s; see .test-artifacts/suite-timeout.png, ${server.logFile}`);
    return 1;
  }
  return code;
}

/**
 * Phase 2: what a user sees. test/e2e/ui (run here, in Node, through tsx) drives the workbench with keys and the mouse
 * and reads the rendered DOM; it returns the number of failed checks and saves screenshots in .test-artifacts/
 * (`<phase>-failure-*.png` for a failed check). Phase 3 runs test/e2e/ui/chinese.ts the same way, with the workbench
 * in a display `locale`. A checks module exports WORKSPACE_FILES, FIRST_FILE and runWorkbenchChecks.
 */
async function runWorkbenchChecks(phase = 'ui', checksModule = 'index.ts', locale = undefined) {
  const { require: requireTypeScript } = await import('tsx/cjs/api');
  const checks = requireTypeScript(join(ROOT, 'test', 'e2e', 'ui', checksModule), import.meta.url);
  for (const name of readdirSync(ARTIFACTS, { withFileTypes: true })) {
    if (name.isFile() && name.name.startsWith(`${phase}-failure`)) rmSync(join(ARTIFACTS, name.name));
  }
  const server = await startCodeServer(phase, checks.WORKSPACE_FILES, locale);
  const context = await launchChromium(server.dir);
  const page = context.pages()[0] ?? (await context.newPage());
  // tsx compiles with esbuild's keepNames, which wraps named functions in __name(...); the functions the checks
  // hand to page.evaluate run in the page, so the page needs that helper too.
  await page.addInitScript('globalThis.__name = (target) => target;');
  const browserLog = createWriteStream(join(ARTIFACTS, `browser-${phase}.log`));
  cleanups.push(() => browserLog.end());
  page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error}\n`));
  try {
    await page.goto(workbenchUrl(server, [
      ['extensionDevelopmentPath', ROOT],
      ['openFile', join(server.workspace, checks.FIRST_FILE)],
    ]));
    const timedOut = sleep(PHASE_TIMEOUT_MS).then(() => 'timeout');
    const failed = await Promise.race([checks.runWorkbenchChecks({ page, workspace: server.workspace, artifacts: ARTIFACTS, log }), timedOut]);
    if (failed === 'timeout') throw new Error(`the ${phase} checks did not finish within ${PHASE_TIMEOUT_MS / 1000} s`);
    if (failed > 0) console.error(`[e2e] ${failed} ${phase} check(s) failed; see the screenshots above, ${server.logFile} and .test-artifacts/browser-${phase}.log`);
    return failed === 0 ? 0 : 1;
  } catch (error) {
    const shot = join(ARTIFACTS, `${phase}-failure.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.error(`[e2e] ${phase} checks: ${error?.stack ?? error}\n  screenshot: ${shot}; see ${server.logFile}`);
    return 1;
  }
}

async function main() {
  const args = new Set(process.argv.slice(2));
  if (!requireTool('code-server', CODE_SERVER, 'npm run setup:system installs it')) return 0;
  if (!requireTool('chromium', CHROMIUM, 'or apt-get install -y chromium')) return 0;
  for (const [built, how] of [
    [join(ROOT, 'client', 'out', 'extension.js'), 'npm run build'],
    [join(ROOT, 'server', 'out', 'server.js'), 'npm run build'],
    [TESTS_ENTRY, 'node scripts/e2e/build-suite.mjs'],
  ]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run ${how} (npm run test:e2e does it)`);
  }

  let failed = false;
  const only = args.has('--ui-only') ? 'ui' : args.has('--zh-cn-only') ? 'zh-cn' : undefined;
  if (only === undefined) {
    const started = Date.now();
    const code = await runSuite();
    await cleanUp();
    log(`suite ${code === 0 ? 'passed' : `FAILED (exit code ${code})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    failed ||= code !== 0;
  }
  if (!args.has('--no-ui') && (only === undefined || only === 'ui')) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const started = Date.now();
    const code = await runWorkbenchChecks();
    await cleanUp();
    log(`workbench checks ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    failed ||= code !== 0;
  }
  // --no-ui leaves out both workbench phases (npm run bench runs the suite phase alone).
  if (!args.has('--no-ui') && !args.has('--no-zh-cn') && (only === undefined || only === 'zh-cn')) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const started = Date.now();
    // The workbench in Simplified Chinese, as for a user whose display language is 中文(简体).
    const code = await runWorkbenchChecks('zh-cn', 'chinese.ts', 'zh-cn');
    await cleanUp();
    log(`zh-cn checks ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    failed ||= code !== 0;
  }
  return failed ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[e2e] ${error?.stack ?? error}`);
} finally {
  await cleanUp();
}
process.exit(exitCode);
