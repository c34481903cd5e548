// Timing, statistics and the results table shared by every section of `npm run bench`.

/** Summary of repeated measurements: the median, with the spread around it. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function statsOf(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
}

/** The p-th percentile (0–100) by nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const now = (): number => performance.now();

export interface RepeatOptions {
  /** Runs thrown away first, so that the JIT, caches and the file system are warm. */
  warmup: number;
  runs: number;
  /** Stop adding runs once this many milliseconds have been spent measuring (at least 3 runs are kept). */
  budgetMs?: number;
}

/** Milliseconds per call of a synchronous function, over repeated runs after a warm-up. */
export function repeat(fn: () => unknown, options: RepeatOptions): Stats {
  return statsOf(collect(() => {
    const started = now();
    fn();
    return now() - started;
  }, options));
}

/** The same for work that is awaited (processes, a server); `fn` returns the milliseconds of one run. */
export async function repeatAsync(fn: () => Promise<number>, options: RepeatOptions): Promise<Stats> {
  for (let i = 0; i < options.warmup; i++) await fn();
  const samples: number[] = [];
  const started = now();
  while (samples.length < options.runs && (samples.length < 3 || options.budgetMs === undefined || now() - started < options.budgetMs)) {
    samples.push(await fn());
  }
  return statsOf(samples);
}

function collect(run: () => number, options: RepeatOptions): number[] {
  for (let i = 0; i < options.warmup; i++) run();
  const samples: number[] = [];
  const started = now();
  while (samples.length < options.runs && (samples.length < 3 || options.budgetMs === undefined || now() - started < options.budgetMs)) {
    samples.push(run());
  }
  return samples;
}

// ---------------------------------------------------------------------------------------------------------
// The table.

export type Verdict = 'met' | 'missed' | 'n/a' | 'skipped';

export interface Row {
  section: string;
  what: string;
  /** The measured figure as printed, e.g. "12.3 ms (min 11.9, max 13.0, 20 runs)". */
  result: string;
  target: string;
  verdict: Verdict;
}

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

/** "12.3 ms (11.9–13.0, n=20)": median, min–max and the number of runs. */
export function describe(stats: Stats, unit = 'ms', format: (value: number) => string = ms): string {
  return `${format(stats.median)} ${unit} (${format(stats.min)}–${format(stats.max)}, n=${stats.runs})`;
}

export function verdict(met: boolean): Verdict {
  return met ? 'met' : 'missed';
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const lines = ['| # | what | median (min–max, runs) | target | |', '|---|---|---|---|---|'];
  for (const row of rows) lines.push(`| ${row.section} | ${escape(row.what)} | ${escape(row.result)} | ${escape(row.target)} | ${row.verdict} |`);
  return lines.join('\n');
}

/** The same rows for a terminal: fixed-width columns. */
export function textTable(rows: readonly Row[]): string {
  const header: Row = { section: '#', what: 'what', result: 'median (min–max, runs)', target: 'target', verdict: 'n/a' };
  const all = [header, ...rows];
  const width = (pick: (row: Row) => string) => Math.max(...all.map((row) => pick(row).length));
  const w = [width((r) => r.section), width((r) => r.what), width((r) => r.result), width((r) => r.target)];
  return all
    .map((row, i) => [row.section.padEnd(w[0]), row.what.padEnd(w[1]), row.result.padEnd(w[2]), row.target.padEnd(w[3]), i === 0 ? '' : row.verdict].join('  ').trimEnd())
    .join('\n');
}

/** Logs progress to stderr, so that stdout carries only the table. */
export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
