// Section 4, client side: the extension's activate() in a real VS Code (code-server 4.100.3, driven by headless
// Chromium) through the e2e runner, with a tiny extensionTestsPath that times activate() instead of running the
// suite. Each run is a fresh code-server (activation happens once per extension host); the runner stops
// code-server and Chromium whatever happens.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Row, describe, progress, statsOf } from './measure';
import { REPO_ROOT, temporaryFolder } from './processes';

const CODE_SERVER = process.env.PYDEPLOY_CODE_SERVER || join(process.env.PYDEPLOY_CACHE || join(homedir(), '.cache', 'pydeploy'), 'code-server-4.100.3', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.PYDEPLOY_CHROMIUM || '/usr/bin/chromium';
const WARMUP = 1;
const RUNS = 3;

export async function benchActivation(): Promise<Row[]> {
  const what = 'extension activate() in code-server 4.100.3 (VS Code 1.100.3)';
  if (!existsSync(CODE_SERVER) || !existsSync(CHROMIUM)) {
    return [{ section: '4', what, result: 'skipped: code-server not set up (run npm run setup:system)', target: '', verdict: 'skipped' }];
  }
  const entry = join(temporaryFolder('activation'), 'index.js');
  await build({ entryPoints: [join(__dirname, 'activation', 'extensionTests.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'], outfile: entry, logLevel: 'warning' });
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    progress(`4: activation in code-server, run ${i + 1} of ${WARMUP + RUNS}`);
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'e2e', 'run-code-server.mjs'), '--no-ui'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, PYDEPLOY_E2E_TESTS_ENTRY: entry, PYDEPLOY_E2E_TIMEOUT: '120' },
      timeout: 180_000,
    });
    const figure = /pydeploy-bench activate-ms=([\d.]+)/.exec(result.stdout)?.[1];
    if (!figure) {
      return [{ section: '4', what, result: `failed: no figure from the e2e runner (exit ${result.status ?? result.signal}); ${result.stderr.trim().split('\n').pop() ?? ''}`, target: '', verdict: 'n/a' }];
    }
    if (i >= WARMUP) samples.push(Number(figure));
  }
  return [{ section: '4', what, result: describe(statsOf(samples)), target: '', verdict: 'n/a' }];
}
