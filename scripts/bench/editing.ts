// Section 3: editing latency over LSP. A real stdio session with the bundled server, one uwsgi.ini open; 300
// single-character edits (typing a character at the end of a value, then deleting it again), each timed from
// sending didChange to receiving the publishDiagnostics of that version.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seeded, uwsgiIni } from './generate';
import { Row, now, percentile, progress, statsOf, verdict } from './measure';
import { temporaryFolder } from './processes';
import { startSession } from './lsp';

const EDITS = 300;
const WARMUP_EDITS = 30;

/** Lines that hold a `key = value` option, where a user types. */
function entryLines(text: string): Array<{ line: number; length: number }> {
  return text
    .split('\n')
    .map((content, line) => ({ line, length: content.length, content }))
    .filter(({ content }) => /^[a-z][\w-]*\s*=/.test(content))
    .map(({ line, length }) => ({ line, length }));
}

export async function measureEditLatency(lines: number, budget: { p95Ms: number }): Promise<Row[]> {
  progress(`3: ${EDITS} edits in a ${lines}-line uwsgi.ini over LSP`);
  const folder = temporaryFolder('editing');
  const path = join(folder, 'uwsgi.ini');
  const text = uwsgiIni(lines, 7);
  writeFileSync(path, text);
  const session = await startSession(folder);
  try {
    await session.open(path, text);
    const targets = entryLines(text);
    const random = seeded(lines);
    const samples: number[] = [];
    for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
      const target = targets[Math.floor(random() * targets.length)];
      const end = { line: target.line, character: target.length };
      // Type `7` after the value, then take it back: the text stays realistic and the same size.
      const started = now();
      await session.change(path, { start: end, end }, '7');
      const typed = now() - started;
      const restarted = now();
      await session.change(path, { start: end, end: { line: target.line, character: target.length + 1 } }, '');
      const deleted = now() - restarted;
      if (i >= WARMUP_EDITS) samples.push(typed, deleted);
      if (samples.length >= EDITS) break;
    }
    const stats = statsOf(samples);
    const p95 = percentile(samples, 95);
    return [
      {
        section: '3',
        what: `didChange → publishDiagnostics, ${lines.toLocaleString('en')}-line uwsgi.ini, ${samples.length} edits`,
        result: `p50 ${stats.median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (min ${stats.min.toFixed(2)}, max ${stats.max.toFixed(2)})`,
        target: `p95 < ${budget.p95Ms} ms`,
        verdict: verdict(p95 < budget.p95Ms),
      },
    ];
  } finally {
    await session.close();
  }
}

export async function benchEditing(): Promise<Row[]> {
  return [...(await measureEditLatency(500, { p95Ms: 5 })), ...(await measureEditLatency(10_000, { p95Ms: 30 }))];
}
