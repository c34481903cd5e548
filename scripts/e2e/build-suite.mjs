#!/usr/bin/env node
// Bundles the end-to-end suite for VS Code's extension host: test/e2e/index.ts (the `run()` entry point, with
// mocha bundled in) to test/e2e/out/index.js, and each test/e2e/suite/*.test.ts to test/e2e/out/suite/*.test.js.
// `vscode` stays external: the extension host provides it. Run `npm run build` first for the extension itself.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const e2e = join(root, 'test', 'e2e');
export const OUT_DIR = join(e2e, 'out');

export async function buildSuite() {
  rmSync(OUT_DIR, { recursive: true, force: true });
  const suites = readdirSync(join(e2e, 'suite')).filter((name) => name.endsWith('.test.ts')).map((name) => join(e2e, 'suite', name));
  const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', external: ['vscode'],
    // mocha's parallel mode (never used here) resolves its worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' } };
  await Promise.all([
    build({ ...common, entryPoints: [join(e2e, 'index.ts')], outfile: join(OUT_DIR, 'index.js') }),
    build({ ...common, entryPoints: suites, outdir: join(OUT_DIR, 'suite') }),
  ]);
  return join(OUT_DIR, 'index.js');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`built ${await buildSuite()}`);
}
