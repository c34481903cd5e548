// Differential test: pydeploy's static reading of gunicorn.conf.py files against the real Gunicorn.
// For every file of gunicorn-corpus/: a file pydeploy finds a refused value in must make
// `gunicorn --check-config` fail (naming one of the settings pydeploy named), a file it finds none in must
// pass, and the values it computes for literal settings must equal what `gunicorn --print-config` prints.
// Only settings the installed Gunicorn knows are compared (Debian's 20.1 is older than pydeploy's table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/features/analysis';
import type { InvalidValueData } from '../../server/src/rules/gunicorn/invalidValue';
import { parsePrintConfig, pythonStr } from './gunicornOracle';
import { renderText } from '../../server/src/l10n/message';

const CORPUS = join(__dirname, 'gunicorn-corpus');
const SETTINGS = { gunicornConfigFiles: ['**/gunicorn-corpus/*.py'] };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: CORPUS, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs tasks a few at a time: each Gunicorn start costs a Python interpreter. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const installed = spawnSync('gunicorn', ['--version'], { encoding: 'utf8' });
const hasGunicorn = !installed.error && installed.status === 0;

if (!hasGunicorn) {
  if (process.env.CI === 'true') {
    test('gunicorn differential', () => assert.fail('gunicorn is not installed, and CI=true requires it: run npm run setup:system'));
  } else {
    console.log('skipped: gunicorn is not installed — run npm run setup:system');
    test('gunicorn differential', { skip: 'gunicorn is not installed' }, () => {});
  }
} else {
  test('pydeploy agrees with gunicorn --check-config and --print-config', async () => {
    const files = readdirSync(CORPUS)
      .filter((name) => name.endsWith('.py') && name !== 'app.py')
      .sort();
    assert.ok(files.length >= 40, `the corpus has ${files.length} files, fewer than 40`);

    // The settings this Gunicorn knows: those its --print-config lists for an empty config.
    const empty = await run('gunicorn', ['--print-config', '-c', '/dev/null', 'app:app']);
    assert.equal(empty.code, 0, empty.stderr);
    const known = new Set(parsePrintConfig(empty.stdout).keys());
    assert.ok(known.has('workers') && known.has('post_fork'), 'cannot read the settings of the installed gunicorn');

    const disagreements: string[] = [];
    let compared = 0;
    let refusedFiles = 0;
    await pool(files, Math.max(2, Math.min(6, availableParallelism())), async (file) => {
      const path = join(CORPUS, file);
      const analysis = analyze(path, readFileSync(path, 'utf8'), SETTINGS);
      assert.ok(analysis && analysis.document.kind === 'gunicorn-py', `${file} is not read as a gunicorn config`);
      const config = analysis.document.gunicorn;

      const refusedAtLoad = new Set<string>();
      const refusedAtStart: { setting: string; value: string }[] = [];
      for (const { rule, finding } of analysis.findings) {
        if (rule.id === 'gunicorn/invalid-value') {
          const data = finding.data as InvalidValueData;
          const name = data.setting.facts.name;
          if (!known.has(name)) continue;
          if (data.when === 'load') refusedAtLoad.add(name);
          else if (data.value.kind === 'str') refusedAtStart.push({ setting: name, value: data.value.value });
        } else if (rule.id === 'gunicorn/hook-signature') {
          const name = renderText(finding.message, 'en').match(/`(\w+)`/)?.[1] ?? '';
          if (known.has(name)) refusedAtLoad.add(name);
        }
      }

      // --print-config validates exactly as --check-config does before it prints, so one run answers both.
      const check = await run('gunicorn', [refusedAtLoad.size > 0 ? '--check-config' : '--print-config', '-c', file, 'app:app']);
      if (refusedAtLoad.size > 0) refusedFiles++;
      const named = /Invalid value for (\w+)/.exec(check.stderr + check.stdout)?.[1];
      if (refusedAtLoad.size > 0 && check.code === 0) {
        disagreements.push(`${file}: pydeploy calls ${[...refusedAtLoad].join(', ')} invalid, but gunicorn --check-config accepts the file`);
      } else if (refusedAtLoad.size > 0 && (!named || !refusedAtLoad.has(named))) {
        disagreements.push(`${file}: pydeploy calls ${[...refusedAtLoad].join(', ')} invalid, gunicorn refuses ${named ?? 'the file'}: ${check.stderr.trim().split('\n').pop()}`);
      } else if (refusedAtLoad.size === 0 && check.code !== 0) {
        disagreements.push(`${file}: pydeploy finds no invalid value, but gunicorn --check-config fails on ${named ?? '?'}: ${check.stderr.trim().split('\n').pop()}`);
      }

      // worker_class names are resolved when the workers start: ask Gunicorn's own class loader.
      for (const { setting, value } of refusedAtStart) {
        const probe = await run('/usr/bin/python3', [
          '-c',
          'import sys\nfrom gunicorn.workers import SUPPORTED_WORKERS\nfrom gunicorn.util import load_class\n' +
            'name = sys.argv[1]\nif name in SUPPORTED_WORKERS: sys.exit(0)\n' +
            'try:\n    load_class(name, default="gunicorn.workers.sync.SyncWorker", section="gunicorn.workers")\nexcept RuntimeError:\n    sys.exit(3)\n',
          value,
        ]);
        if (probe.code !== 3) disagreements.push(`${file}: pydeploy calls ${setting} = "${value}" invalid, but gunicorn resolves it (exit ${probe.code}) ${probe.stderr}`);
      }

      if (check.code !== 0 || refusedAtLoad.size > 0) return;
      const values = parsePrintConfig(check.stdout);
      for (const name of known) {
        const effective = config.effective(name);
        if (!effective) continue;
        compared++;
        const expected = values.get(name);
        const actual = pythonStr(effective);
        if (expected !== actual) disagreements.push(`${file}: ${name}: pydeploy computes ${actual}, gunicorn --print-config says ${expected}`);
      }
    });
    assert.deepEqual(disagreements, []);
    assert.ok(compared >= 50, `only ${compared} effective values were compared`);
    assert.ok(refusedFiles >= 20, `only ${refusedFiles} files had a value pydeploy refuses`);
    console.log(`gunicorn differential: ${files.length} files, ${refusedFiles} refused, ${compared} effective values compared`);
  });
}
