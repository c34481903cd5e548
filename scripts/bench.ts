// Measures the analysis engine on typical and hostile inputs and prints the numbers: `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/features/analysis';
import { fixAll } from '../server/src/features/codeActions';

function seeded(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

const random = seeded(7);
const inputs: Array<[string, string]> = [
  ['agent-ready example', readFileSync(join(__dirname, '..', 'examples', 'agent-ready', 'uwsgi.ini'), 'utf8')],
  ['100,000 options', '[uwsgi]\n' + Array.from({ length: 100_000 }, (_, i) => `env = VAR${i}=${i}`).join('\n') + '\n'],
  ['1 MB single line', `[uwsgi]\nmodule = ${'x'.repeat(1 << 20)}`],
  ['200,000 lines without =', '[uwsgi]\n' + 'word\n'.repeat(200_000)],
  ['1 MB of binary garbage', Array.from({ length: 1 << 20 }, () => String.fromCharCode(Math.floor(random() * 256))).join('')],
];

console.log('input'.padEnd(26) + 'size'.padStart(10) + 'runs'.padStart(7) + 'ms/run'.padStart(10) + 'MB/s'.padStart(9));
for (const [name, text] of inputs) {
  const run = () => {
    const analysis = analyze('uwsgi.ini', text);
    if (analysis) fixAll(analysis);
  };
  run(); // warm up
  const runs = text.length > 100_000 ? 10 : 2_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6 / runs;
  const mbPerSecond = text.length / (1 << 20) / (ms / 1000);
  console.log(name.padEnd(26) + `${(text.length / 1024).toFixed(0)} KiB`.padStart(10) + String(runs).padStart(7) + ms.toFixed(3).padStart(10) + mbPerSecond.toFixed(1).padStart(9));
}
