// Section 4: cold start. Spawn the bundled server, `initialize`, open a typical uwsgi.ini and wait for its first
// diagnostics, as an editor does when the first config is opened.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Row, describe, now, progress, repeatAsync, verdict } from './measure';
import { REPO_ROOT, temporaryFolder } from './processes';
import { startSession } from './lsp';

const TYPICAL_CONFIG = join(REPO_ROOT, 'examples', 'missing-flags', 'uwsgi.ini');

export async function benchColdStart(): Promise<Row[]> {
  progress('4: cold start of the server');
  const folder = temporaryFolder('cold-start');
  const text = readFileSync(TYPICAL_CONFIG, 'utf8');
  const path = join(folder, 'uwsgi.ini');
  let initialized = 0;
  const stats = await repeatAsync(
    async () => {
      const started = now();
      const session = await startSession(folder);
      initialized = now() - started;
      const published = await session.open(path, text);
      const elapsed = now() - started;
      if (published.diagnostics.length === 0) throw new Error('the typical config got no diagnostics');
      await session.close();
      return elapsed;
    },
    { warmup: 2, runs: 15 },
  );
  return [
    {
      section: '4',
      what: `spawn → initialize → first diagnostics of a typical uwsgi.ini (last run: initialize answered after ${initialized.toFixed(0)} ms)`,
      result: describe(stats),
      target: '< 150 ms',
      verdict: verdict(stats.median < 150),
    },
  ];
}
