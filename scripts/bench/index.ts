// `npm run bench`: builds what it measures (`npm run package`: the bundles and pydeploy.vsix), runs every section
// of issue 7 one after the other on this machine, prints the table and writes it to bench/RESULTS.md. Every figure
// is a median over repeated runs after a warm-up, with min and max. Targets are reported, never enforced.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchActivation } from './activation';
import { benchAnalysisVsIni } from './analysisVsIni';
import { benchColdStart } from './coldStart';
import { benchEditing } from './editing';
import { benchGunicorn } from './gunicorn';
import { Row, markdownTable, progress, textTable } from './measure';
import { REPO_ROOT } from './processes';
import { benchCliTree, benchOpenDocuments } from './scale';
import { benchSize } from './size';
import { benchUnrelatedFiles } from './unrelated';

function buildEverything(): void {
  progress('building: npm run package');
  // The build's own output goes to stderr, so that stdout is the table alone.
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (result.status !== 0) throw new Error(`npm run package failed (exit ${result.status ?? result.signal})`);
}

/**
 * The figures measured before and after a change, written by the people who made it (the issues ask for both): the
 * part of bench/RESULTS.md from this heading on is kept when the table above it is written again.
 */
const BEFORE_AND_AFTER = '## Before and after';

function keptSection(path: string): string {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = previous.indexOf(`\n${BEFORE_AND_AFTER}`);
  return at >= 0 ? previous.slice(at + 1) : '';
}

const loadAverage = (): string => loadavg().map((load) => load.toFixed(2)).join(', ');

function machine(loadBefore: string): string {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model.trim() ?? 'unknown'}, ${cpu.length} logical cores; ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM`,
    `- Node.js ${process.version} (${process.platform} ${process.arch})`,
    `- date: ${new Date().toISOString()}`,
    // Other work on the machine shows in every figure (two cores); the load average says how much there was.
    `- load average (1, 5, 15 min): ${loadBefore} before the run, ${loadAverage()} after`,
  ].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadAverage();
  buildEverything();
  const rows: Row[] = [];
  // One section at a time: on two cores, anything running beside a measurement would be in its figures.
  rows.push(...benchAnalysisVsIni());
  rows.push(...(await benchGunicorn()));
  rows.push(...(await benchEditing()));
  rows.push(...(await benchColdStart()));
  rows.push(...(await benchActivation()));
  rows.push(...(await benchCliTree()));
  rows.push(...(await benchUnrelatedFiles()));
  rows.push(...(await benchOpenDocuments()));
  rows.push(...benchSize());

  const resultsPath = join(REPO_ROOT, 'bench', 'RESULTS.md');
  const results = [
    '# pydeploy benchmark (issue 7)',
    '',
    'Written by `npm run bench` (scripts/bench/). Times are medians over repeated runs after a warm-up, with min–max',
    'and the number of runs; the targets are what the project aims for, and the benchmark reports, never fails.',
    '',
    machine(loadBefore),
    '',
    markdownTable(rows),
    '',
  ].join('\n');
  const kept = keptSection(resultsPath);
  mkdirSync(join(REPO_ROOT, 'bench'), { recursive: true });
  writeFileSync(resultsPath, kept ? `${results}\n${kept}` : results);
  console.log(`${machine(loadBefore)}\n\n${textTable(rows)}\n`);
  progress(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; written to bench/RESULTS.md`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
