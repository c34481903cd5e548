// Differential test: pydeploy's reading of uWSGI ini files against the real uWSGI (Debian 12's 2.0.21, installed
// by `npm run setup:system`). For every file of uwsgi-corpus/ (the oracles are described in uwsgiOracle.ts):
//   known    for each key of the file's [uwsgi] section, `uwsgiOption(key) !== undefined` must match whether
//            uWSGI's strict mode accepts the key once the file's plugins are loaded. Expected to differ: options
//            the table marks as missing from the stable line (master-only), options of a plugin the file does
//            not load (Debian's build is modular), and the few of NEWER_THAN_INSTALLED.
//   flag     for each flag option, `config.flag(key).state` must match what the started server shows it applied.
//   threads  `config.threadSupport()` must match the Python thread support uWSGI really started with.
//   parse    the options pydeploy reads, in order (and their values where nothing is expanded), must match
//            what uWSGI lists with --show-config.
// Where pydeploy says `unknown`/`unset`, or a run cannot show a flag, nothing is claimed and nothing compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIni } from '../../server/src/parse/uwsgiIni';
import { UwsgiConfig, hasExpansion } from '../../server/src/model/uwsgiConfig';
import { uwsgiOption } from '../../server/src/knowledge/uwsgi/options';
import { corePath, fileWorkspace } from '../../server/src/node/fileWorkspace';
import {
  FLAG_ORACLES,
  Scratch,
  dieOnTerm,
  installedUwsgi,
  knowsOption,
  pool,
  pythonThreads,
  startBriefly,
  strictAfter,
  type Observed,
  type StartLog,
} from './uwsgiOracle';

const CORPUS = join(__dirname, 'uwsgi-corpus');
/** uWSGI runs at once: most of each run is waiting for Python to start, so a few more than the cores. */
const PARALLEL = 4;

type Version = [number, number, number];

/**
 * Options the table has in the stable line (2.0.30) that the installed uWSGI is too old for. Each is checked
 * against the 2.0.x tags of github.com/unbit/uwsgi (core/uwsgi.c option table).
 */
const NEWER_THAN_INSTALLED: Record<string, { since: Version; reason: string }> = {
  'harakiri-graceful-timeout': { since: [2, 0, 22], reason: 'added in uWSGI 2.0.22, with harakiri-graceful-signal' },
  'max-requests-delta': { since: [2, 0, 29], reason: 'added in uWSGI 2.0.29' },
};

/**
 * Cases where pydeploy's model disagrees with what uWSGI 2.0.21 really does: bugs to fix in server/src, kept
 * here so that the suite stays green while it still reports them (as TODO). Each must still reproduce: an entry
 * that no longer does fails the test, so that it is removed together with the fix.
 */
const KNOWN_PYDEPLOY_DISAGREEMENTS: { file: string; finding: string; reason: string }[] = [];

function parseVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function older(a: Version, b: Version): boolean {
  return a[0] - b[0] < 0 || (a[0] === b[0] && (a[1] - b[1] < 0 || (a[1] === b[1] && a[2] < b[2])));
}

/** The option table's plugin names for what `plugin = ...` lines load (`python3`, `python311` are `python`). */
function loadedPlugins(config: UwsgiConfig): Set<string> {
  const plugins = new Set<string>(['core']);
  for (const { entry } of config.options) {
    if (!['plugin', 'plugins', 'need-plugin', 'need-plugins'].includes(entry.key)) continue;
    for (const name of entry.value.split(/[\s,]+/)) {
      if (name) plugins.add(/^python\d*$/.test(name) ? 'python' : name.replace(/_plugin(\.so)?$/, ''));
    }
  }
  return plugins;
}

interface FileResult {
  file: string;
  mismatches: string[];
  notCompared: string[];
  /** Keys of NEWER_THAN_INSTALLED this file uses. */
  newer: string[];
  counts: { known: number; flags: number; threads: number; parse: number };
}

function tail(log: string): string {
  return log.trim().split('\n').slice(-3).join(' | ');
}

async function examine(file: string, folder: string, installed: Version, scratch: Scratch, index: number): Promise<FileResult> {
  const path = join(folder, file);
  // As pydeploy's CLI and language server read a file (a byte order mark is dropped, as editors do).
  const workspace = fileWorkspace([folder]);
  const text = workspace.readFile(corePath(path));
  assert.ok(text !== undefined, `cannot read ${path}`);
  const config = new UwsgiConfig(parseIni(text), { path: corePath(path), workspace });
  const plugins = loadedPlugins(config);
  const result: FileResult = { file, mismatches: [], notCompared: [], newer: [], counts: { known: 0, flags: 0, threads: 0, parse: 0 } };
  const { mismatches, notCompared, counts } = result;
  const probe = (n: number): string => join(folder, `.probe-${index}-${n}.ini`);
  const newer = (key: string): boolean => key in NEWER_THAN_INSTALLED && older(installed, NEWER_THAN_INSTALLED[key].since);
  const missingPlugin = (key: string): string | undefined => {
    const facts = uwsgiOption(key);
    return facts && !plugins.has(facts.plugin) ? facts.plugin : undefined;
  };

  // known: every key of the file's own [uwsgi] sections.
  const local = config.options.filter((option) => option.local);
  const keys = [...new Set(local.map((option) => option.entry.key))];
  for (const [n, key] of keys.entries()) {
    const facts = uwsgiOption(key);
    const value = local.filter((option) => option.entry.key === key).pop()!.entry.value;
    const real = await knowsOption(path, key, value, probe(n), folder);
    counts.known++;
    let expected = facts !== undefined;
    let because = '';
    if (facts && !facts.inStable) [expected, because] = [false, ' (the table says it is not in the stable line)'];
    else if (facts && missingPlugin(key)) [expected, because] = [false, ` (its plugin, ${facts.plugin}, is not loaded)`];
    else if (facts && newer(key)) {
      [expected, because] = [false, ` (${NEWER_THAN_INSTALLED[key].reason})`];
      result.newer.push(key);
    }
    if (real !== expected) {
      mismatches.push(`known ${key}: pydeploy ${facts ? 'knows' : 'does not know'} it${because}, uWSGI ${installed.join('.')} ${real ? 'accepts' : 'refuses'} it in strict mode`);
    }
  }

  const start: StartLog = await startBriefly(path, scratch.folder(), folder);
  if (start.run.timedOut) mismatches.push(`start: uWSGI did not stop at the exit hooks: ${tail(start.log)}`);

  // flag: every flag option the config sets, its own lines and those of files it includes.
  const allKeys = [...new Set(config.options.map((option) => option.entry.key))];
  const setsThreads = allKeys.filter((key) => key !== 'enable-threads' && uwsgiOption(key)?.flags.includes('THREADS'));
  for (const key of allKeys) {
    const facts = uwsgiOption(key);
    if (!facts || facts.valueKind !== 'flag' || !facts.inStable || newer(key) || missingPlugin(key)) continue;
    const { state, option } = config.flag(key);
    if (state === 'unknown' || state === 'unset') {
      notCompared.push(`${key}: pydeploy says ${state}`);
      continue;
    }
    if (key === 'enable-threads' && setsThreads.length > 0) {
      notCompared.push(`${key}: ${setsThreads.join(', ')} also decide thread support (compared as threads)`);
      continue;
    }
    let observed: Observed;
    if (key === 'strict') observed = await strictAfter(path, probe(keys.length), folder);
    else if (key === 'die-on-term') observed = await dieOnTerm(path, scratch.folder(), folder);
    else if (FLAG_ORACLES[key]) observed = FLAG_ORACLES[key](start.log);
    else {
      mismatches.push(`flag ${key}: no oracle says what uWSGI applies; add one to FLAG_ORACLES or leave the flag out of the corpus`);
      continue;
    }
    if (observed === undefined) {
      notCompared.push(`${key}: this run does not show it`);
      continue;
    }
    counts.flags++;
    if (observed !== state) mismatches.push(`flag ${key}: pydeploy reads "${option?.entry.value}" as ${state}, uWSGI applies ${observed}`);
  }

  // threads: whenever the python plugin is loaded, it logs whether Python got thread support.
  if (config.loadsPythonApp && plugins.has('python')) {
    const observed = pythonThreads(start.log);
    const expected = config.threadSupport();
    if (observed === undefined) mismatches.push(`threads: pydeploy says ${expected}, but uWSGI never initialised Python: ${tail(start.log)}`);
    else if (expected === 'unknown') notCompared.push('threads: pydeploy says unknown');
    else {
      counts.threads++;
      if (observed !== expected) mismatches.push(`threads: pydeploy's threadSupport() says ${expected}, uWSGI starts Python with thread support ${observed}`);
    }
  }

  // parse: what uWSGI lists with --show-config, the command line's own options left out.
  const ours: { key: string; value?: string }[] = [];
  // A `set = name=value` line is one option for uWSGI, which the model also reads as `name`.
  for (const { entry } of config.options.filter((option) => !option.viaSet)) {
    ours.push({ key: entry.key, value: hasExpansion(entry.value) ? undefined : entry.value });
    const split = entry.value.indexOf('=');
    if (['set', 'set-placeholder', 'set-ph'].includes(entry.key) && split > 0) {
      const value = entry.value.slice(split + 1);
      ours.push({ key: entry.value.slice(0, split), value: hasExpansion(value) ? undefined : value });
    }
  }
  if (!start.shownConfig) {
    if (config.flag('show-config').state !== 'off') mismatches.push(`parse: uWSGI printed no configuration: ${tail(start.log)}`);
    else notCompared.push('parse: show-config is off');
  } else {
    counts.parse++;
    const theirs = start.shownConfig;
    const at = ours.findIndex((entry, i) => entry.key !== theirs[i]?.key || (entry.value !== undefined && entry.value !== theirs[i].value));
    if (at >= 0 || ours.length !== theirs.length) {
      const show = (entry?: { key: string; value?: string }): string => (entry ? `${entry.key} = ${entry.value ?? '(expanded)'}` : 'nothing');
      const i = at >= 0 ? at : Math.min(ours.length, theirs.length);
      mismatches.push(`parse: option ${i + 1} is "${show(ours[i])}" for pydeploy (${ours.length} options), "${show(theirs[i])}" for uWSGI (${theirs.length} options)`);
    }
  }
  return result;
}

const installed = installedUwsgi();

if (installed === undefined) {
  if (process.env.CI === 'true') {
    test('uWSGI differential', () => assert.fail('uwsgi (with its python3 plugin) is not installed, and CI=true requires it: run npm run setup:system'));
  } else {
    console.log('skipped: uwsgi is not installed — run npm run setup:system');
    test('uWSGI differential', { skip: 'uwsgi is not installed' }, () => {});
  }
} else {
  test(`pydeploy agrees with uWSGI ${installed} on every corpus file`, async (t) => {
    const began = Date.now();
    const version = parseVersion(installed);
    assert.ok(version, `cannot read the uWSGI version "${installed}"`);
    // 2.0.27 turned Python threads on unconditionally; threadSupport() describes the releases before it.
    assert.ok(older(version, [2, 0, 27]), `uWSGI ${installed} is 2.0.27 or later; this corpus describes 2.0.21 (Debian 12)`);

    // uWSGI runs in a copy, so that sockets, pid files and Python's caches stay out of the work tree.
    const folder = mkdtempSync(join(tmpdir(), 'pydeploy-uwsgi-corpus-'));
    const scratch = new Scratch();
    try {
      cpSync(CORPUS, folder, { recursive: true });
      const files = readdirSync(folder)
        .filter((name) => name.endsWith('.ini'))
        .sort();
      assert.ok(files.length >= 45, `the corpus has ${files.length} files, fewer than 45`);
      const results = await pool(files, PARALLEL, (file, index) =>
        examine(file, folder, version, scratch, index).catch((error: Error): FileResult => ({
          file,
          mismatches: [`oracle: ${error.message}`],
          notCompared: [],
          newer: [],
          counts: { known: 0, flags: 0, threads: 0, parse: 0 },
        })),
      );

      const known = new Map(KNOWN_PYDEPLOY_DISAGREEMENTS.map((entry) => [`${entry.file}\n${entry.finding}`, entry]));
      const seen = new Set<string>();
      for (const result of results) {
        const expected = result.mismatches.filter((mismatch) => {
          const id = `${result.file}\n${mismatch.slice(0, mismatch.indexOf(':'))}`;
          if (!known.has(id)) return false;
          seen.add(id);
          return true;
        });
        const unexpected = result.mismatches.filter((mismatch) => !expected.includes(mismatch));
        await t.test(result.file, () => assert.deepEqual(unexpected, [], `${result.file}: pydeploy and uWSGI disagree`));
        if (expected.length > 0) {
          const reasons = expected.map((mismatch) => known.get(`${result.file}\n${mismatch.slice(0, mismatch.indexOf(':'))}`)!.reason);
          await t.test(`${result.file}: known pydeploy bug`, { todo: [...new Set(reasons)].join('; ') }, () => assert.deepEqual(expected, []));
        }
      }
      const stale = [...known.keys()].filter((id) => !seen.has(id));
      assert.deepEqual(stale, [], 'KNOWN_PYDEPLOY_DISAGREEMENTS entries that no longer reproduce: remove them');
      const unusedNewer = Object.keys(NEWER_THAN_INSTALLED).filter((key) => !results.some((result) => result.newer.includes(key)));
      assert.deepEqual(unusedNewer, [], 'NEWER_THAN_INSTALLED entries no corpus file needs: remove them');

      const total = results.reduce(
        (sum, { counts }) => ({
          known: sum.known + counts.known,
          flags: sum.flags + counts.flags,
          threads: sum.threads + counts.threads,
          parse: sum.parse + counts.parse,
        }),
        { known: 0, flags: 0, threads: 0, parse: 0 },
      );
      const notCompared = results.flatMap((result) => result.notCompared.map((note) => `${result.file}: ${note}`));
      console.log(
        `uWSGI ${installed} differential: ${files.length} files, ${total.known} keys checked for known, ${total.flags} flag values, ` +
          `${total.threads} thread verdicts, ${total.parse} parses compared in ${((Date.now() - began) / 1000).toFixed(1)} s; ` +
          `not compared: ${notCompared.length}`,
      );
      if (process.env.PYDEPLOY_DIFFERENTIAL_VERBOSE) console.log(notCompared.join('\n'));
      assert.ok(total.known >= 200, `only ${total.known} keys were checked`);
      assert.ok(total.flags >= 150, `only ${total.flags} flag values were compared`);
      assert.ok(total.threads >= 60, `only ${total.threads} thread verdicts were compared`);
      assert.ok(total.parse >= 60, `only ${total.parse} files' options were compared`);
    } finally {
      scratch.dispose();
      rmSync(folder, { recursive: true, force: true });
    }
  });
}
