// Section 2: the Gunicorn config. The analysis of a long gunicorn.conf.py against a bare parse with the Python
// grammar it uses (@lezer/python), and `pydeploy check` of a typical file as a whole process against the real
// Gunicorn's `--check-config` on the same file (Debian's gunicorn, which imports the app to check it).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@lezer/python';
import { analyze } from '../../server/src/features/analysis';
import { diagnosticsOf } from '../../server/src/features/diagnostics';
import { gunicornConf } from './generate';
import { Row, describe, progress, repeat, repeatAsync, verdict } from './measure';
import { REPO_ROOT, findProgram, runPydeploy, temporaryFolder, timeProcess } from './processes';

const TYPICAL_CONFIG = join(REPO_ROOT, 'examples', 'gunicorn-agent-ready', 'gunicorn.conf.py');
const WSGI_APP = 'def app(environ, start_response):\n    start_response("200 OK", [("Content-Type", "text/plain")])\n    return [b"ok"]\n';

export async function benchGunicorn(): Promise<Row[]> {
  progress('2: gunicorn.conf.py of 5,000 lines');
  const text = gunicornConf(5_000);
  const fullAnalysis = () => diagnosticsOf(analyze('/bench/gunicorn.conf.py', text)!).length;
  const options = { warmup: 10, runs: 51 };
  const ours = repeat(fullAnalysis, options);
  const bare = repeat(() => parser.parse(text), options);
  const rows: Row[] = [
    { section: '2', what: `analysis, gunicorn.conf.py of 5,000 lines (${fullAnalysis()} diagnostics)`, result: describe(ours), target: '', verdict: 'n/a' },
    { section: '2', what: 'bare @lezer/python parse, same text', result: describe(bare), target: '', verdict: 'n/a' },
    { section: '2', what: 'ratio analysis / bare parse', result: `${(ours.median / bare.median).toFixed(2)}×`, target: '', verdict: 'n/a' },
  ];

  // The same typical file for both programs, beside an importable app module (gunicorn --check-config loads it).
  const folder = temporaryFolder('gunicorn');
  writeFileSync(join(folder, 'gunicorn.conf.py'), readFileSync(TYPICAL_CONFIG, 'utf8'));
  writeFileSync(join(folder, 'app.py'), WSGI_APP);
  progress('2: pydeploy check vs gunicorn --check-config');
  const processOptions = { warmup: 2, runs: 15 };
  const cli = await repeatAsync(async () => runPydeploy(['gunicorn.conf.py'], folder), processOptions);
  // The floor of any Node.js command line on this machine, for reading the row above.
  const bareNode = await repeatAsync(async () => timeProcess(process.execPath, ['-e', '0'], folder), processOptions);
  rows.push(
    { section: '2', what: 'pydeploy check gunicorn.conf.py (whole process)', result: describe(cli), target: '', verdict: 'n/a' },
    { section: '2', what: '`node -e 0` (start-up of any Node.js process)', result: describe(bareNode), target: '', verdict: 'n/a' },
  );
  const gunicorn = findProgram('/usr/bin/gunicorn', '/usr/local/bin/gunicorn');
  if (!gunicorn) {
    rows.push({ section: '2', what: 'gunicorn --check-config, same file', result: 'skipped: gunicorn is not installed (run npm run setup:system)', target: '', verdict: 'skipped' });
    return rows;
  }
  const real = await repeatAsync(async () => timeProcess(gunicorn, ['--check-config', '-c', 'gunicorn.conf.py', 'app:app'], folder), processOptions);
  const speedup = real.median / cli.median;
  rows.push(
    { section: '2', what: `gunicorn --check-config -c gunicorn.conf.py app:app (${gunicornVersion(gunicorn)})`, result: describe(real), target: '', verdict: 'n/a' },
    { section: '2', what: 'speed-up over gunicorn --check-config', result: `${speedup.toFixed(2)}×`, target: '≥ 10×', verdict: verdict(speedup >= 10) },
  );
  return rows;
}

function gunicornVersion(gunicorn: string): string {
  const version = spawnSync(gunicorn, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  return version ? version.replace(/^gunicorn \(version (.*)\)$/, 'gunicorn $1') : 'version unknown';
}
