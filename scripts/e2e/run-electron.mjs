#!/usr/bin/env node
// Runs the end-to-end suite (test/e2e) in VS Code desktop with @vscode/test-electron, which downloads a VS Code
// build on first use (into $PYDEPLOY_CACHE/vscode-test, default ~/.cache/pydeploy/vscode-test): for machines that can reach Microsoft's update service. Offline, use
// scripts/e2e/run-code-server.mjs (npm run test:e2e), which runs the same suite through the same `run()` entry.
//
//   npm run build && node scripts/e2e/build-suite.mjs && node scripts/e2e/run-electron.mjs
//
// Environment:
//   PYDEPLOY_VSCODE_VERSION  the VS Code version to download: 'stable' (default), 'insiders' or e.g. '1.82.0'
//   PYDEPLOY_VSCODE_PATH     an installed VS Code executable to use instead of downloading one
//   PYDEPLOY_E2E_GREP        only the tests whose title matches
// On Linux without a display it re-runs itself under `xvfb-run -a` when that is installed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TESTS_ENTRY = join(ROOT, 'test', 'e2e', 'out', 'index.js');

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.PYDEPLOY_UNDER_XVFB) {
  if (commandExists('xvfb-run')) {
    const rerun = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, PYDEPLOY_UNDER_XVFB: '1' },
    });
    process.exit(rerun.status ?? 1);
  }
  console.warn('[e2e] no DISPLAY and no xvfb-run: VS Code desktop may fail to start (apt-get install -y xvfb)');
}

for (const [built, how] of [
  [join(ROOT, 'client', 'out', 'extension.js'), 'npm run build'],
  [join(ROOT, 'server', 'out', 'server.js'), 'npm run build'],
  [TESTS_ENTRY, 'node scripts/e2e/build-suite.mjs'],
]) {
  if (!existsSync(built)) {
    console.error(`[e2e] ${built} is missing: run ${how}`);
    process.exit(1);
  }
}

const { runTests } = await import('@vscode/test-electron');

// A temporary copy of the fixture workspace and a user-data folder of its own, removed afterwards.
const dir = mkdtempSync(join(tmpdir(), 'pydeploy-e2e-electron-'));
const workspace = join(dir, 'workspace');
cpSync(join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
mkdirSync(join(dir, 'data', 'User'), { recursive: true });
writeFileSync(
  join(dir, 'data', 'User', 'settings.json'),
  JSON.stringify({ 'files.autoSave': 'off', 'files.hotExit': 'off', 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'git.enabled': false, 'security.workspace.trust.enabled': false }, null, 2),
);

let exitCode = 1;
const started = Date.now();
try {
  exitCode = await runTests({
    version: process.env.PYDEPLOY_VSCODE_VERSION || 'stable',
    cachePath: join(process.env.PYDEPLOY_CACHE || join(homedir(), '.cache', 'pydeploy'), 'vscode-test'),
    ...(process.env.PYDEPLOY_VSCODE_PATH ? { vscodeExecutablePath: process.env.PYDEPLOY_VSCODE_PATH } : {}),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: TESTS_ENTRY,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', join(dir, 'data'),
      '--extensions-dir', join(dir, 'extensions'),
    ],
    extensionTestsEnv: process.env.PYDEPLOY_E2E_GREP ? { PYDEPLOY_E2E_GREP: process.env.PYDEPLOY_E2E_GREP } : {},
  });
  console.log(`[e2e] suite ${exitCode === 0 ? 'passed' : `FAILED (exit code ${exitCode})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  // runTests rejects with a TestRunFailedError (its `code` is VS Code's exit code) when the tests fail, or with
  // another error when VS Code cannot be downloaded or started.
  if (error?.name === 'TestRunFailedError' || error?.constructor?.name === 'TestRunFailedError') {
    exitCode = typeof error.code === 'number' && error.code !== 0 ? error.code : 1;
    console.error(`[e2e] suite FAILED: ${error.message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } else {
    console.error(`[e2e] could not run VS Code: ${error?.message ?? error}`);
    console.error('[e2e] offline? npm run test:e2e runs the same suite in code-server instead');
    exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
