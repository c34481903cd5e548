import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allUwsgiOptions } from '../../server/src/knowledge/uwsgi/options';
import { allGunicornSettings } from '../../server/src/knowledge/gunicorn/settings';
import { AGENT_OPTIONS, AGENT_PLUGINS, AGENT_SECTIONS, LICENSE_PLACEHOLDERS } from '../../server/src/knowledge/agent/options';
import { NEWRELIC_OPTION_NAMES } from '../../server/src/knowledge/newrelic/options';
import { RULES } from '../../server/src/rules/registry';
import { filesUnder } from '../helpers/filesUnder';

/** Runs and seed of every property: fixed by default so that a failure replays; scaled up with PYDEPLOY_FUZZ_RUNS. */
export function fuzzParameters(defaultRuns: number, shareOfScaledRuns = 1): fc.Parameters<unknown> {
  const scale = Number(process.env.PYDEPLOY_FUZZ_RUNS ?? '') * shareOfScaledRuns;
  const seed = Number(process.env.PYDEPLOY_FUZZ_SEED ?? '');
  const path = process.env.PYDEPLOY_FUZZ_PATH;
  return {
    seed: Number.isInteger(seed) && process.env.PYDEPLOY_FUZZ_SEED ? seed : 20261125,
    numRuns: Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(scale)) : defaultRuns,
    ...(path ? { path } : {}),
    // A failing property prints its seed, path and shrunk case: replay it with PYDEPLOY_FUZZ_SEED and PYDEPLOY_FUZZ_PATH.
  };
}

/**
 * fc.assert, with the property's own error in the message: the test runner prints only the message, and the
 * message then holds everything needed to understand and replay a failure (seed, path, shrunk case, cause).
 */
export function assertProperty<Ts>(property: fc.IProperty<Ts>, defaultRuns: number, shareOfScaledRuns = 1): void {
  const details = fc.check(property, fuzzParameters(defaultRuns, shareOfScaledRuns) as fc.Parameters<Ts>);
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${fc.defaultReportMessage(details) ?? 'property failed'}\n\nCause: ${cause}`);
}

// ---------- text around the content: line endings, BOM, indentation, trailing spaces, final newline ----------

export type EndingStyle = 'lf' | 'crlf' | 'cr' | 'mixed';

export interface Dress {
  endings: EndingStyle;
  /** Per-line choice for mixed endings (cycled). */
  mixed: readonly string[];
  bom: boolean;
  finalNewline: boolean;
  trailing: readonly string[];
}

export const dressArbitrary: fc.Arbitrary<Dress> = fc.record({
  endings: fc.constantFrom<EndingStyle>('lf', 'lf', 'crlf', 'crlf', 'cr', 'mixed'),
  mixed: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 6 }),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  trailing: fc.array(fc.constantFrom('', '', '', '', ' ', '\t', '  ', ' \t'), { minLength: 1, maxLength: 5 }),
});

/** Joins lines the way the dress says; the BOM, when present, is part of the text as an editor without BOM handling keeps it. */
export function dressed(lines: readonly string[], dress: Dress): string {
  const ending = (i: number) =>
    dress.endings === 'lf' ? '\n' : dress.endings === 'crlf' ? '\r\n' : dress.endings === 'cr' ? '\r' : dress.mixed[i % dress.mixed.length];
  let text = '';
  lines.forEach((line, i) => {
    // Trailing whitespace goes on lines that are not code blocks' openers, where it changes nothing a reader sees.
    text += line + dress.trailing[i % dress.trailing.length];
    if (i < lines.length - 1 || dress.finalNewline) text += ending(i);
  });
  return (dress.bom ? '\uFEFF' : '') + text;
}

// ---------- odd characters ----------

/** Characters that break naive readers: astral ones, lone surrogate halves, NUL, separators, look-alike spaces. */
const ODD_UNITS = ['😀', '𝔘', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\u0000', '\u2028', '\u00A0', '\uFEFF', 'é', 'ß', '\u0301', '\t', '\\', '"', "'"];
const SYNTAX_UNITS = ['=', ':', ';', '#', '[', ']', '%(', ')', '$(', '@(', '{', '}', ',', ' ', '\r', '\n', '\r\n'];

export const oddText: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ODD_UNITS) }, { weight: 2, arbitrary: fc.constantFrom(...SYNTAX_UNITS) }, { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) }),
  maxLength: 12,
});

/** One-line odd text (no line breaks), for values and comments. */
export const oddWord: fc.Arbitrary<string> = oddText.map((text) => text.replace(/[\r\n]/g, ''));

/** A misspelling of a name: a letter dropped, doubled or swapped, or `-` and `_` exchanged. */
export function typoOf(names: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'dash')).map(([name, at, how]) => {
    const i = at % name.length;
    if (how === 'drop') return name.length > 2 ? name.slice(0, i) + name.slice(i + 1) : name + 's';
    if (how === 'double') return name.slice(0, i) + name[i] + name.slice(i);
    if (how === 'swap') return i + 1 < name.length ? name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2) : name + 'e';
    return name.includes('-') ? name.replace(/-/g, '_') : name.replace(/_/g, '-');
  });
}

const RULE_IDS = RULES.map((rule) => rule.id);

/** Suppression comments, with real and misspelt rule ids, in the marker of the file. */
function suppressionLine(markers: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...markers),
      fc.constantFrom('disable-next-line', 'disable', 'disable-line'),
      fc.array(fc.oneof(fc.constantFrom(...RULE_IDS), typoOf(RULE_IDS)), { minLength: 1, maxLength: 3 }),
      fc.constantFrom('', ' -- a note', ' --'),
    )
    .map(([marker, kind, ids, note]) => `${marker} pydeploy: ${kind}=${ids.join(',')}${note}`);
}

const indent = fc.constantFrom('', '', '', '  ', '    ', '\t');

// ---------- uWSGI ini ----------

const UWSGI_NAMES = allUwsgiOptions().map((option) => option.name);
const UWSGI_COMMON = [
  'enable-threads', 'threads', 'lazy-apps', 'lazy', 'single-interpreter', 'module', 'wsgi-file', 'master', 'processes',
  'workers', 'socket', 'http', 'http-socket', 'chdir', 'env', 'pythonpath', 'harakiri', 'buffer-size', 'vacuum',
  'die-on-term', 'offload-threads', 'gevent', 'async', 'chmod-socket', 'max-requests', 'http-timeout', 'static-map', 'route',
];
const UWSGI_BLOCKS = ['if-env', 'if-not-env', 'if-exists', 'if-not-exists', 'if-file', 'if-opt', 'endif', 'for', 'for-glob', 'endfor', 'end'];
const UWSGI_SPECIAL = ['set-placeholder', 'set-ph', 'declare-option', 'set', 'ini', 'include', 'inherit', 'strict', 'plugin', 'plugins'];

const uwsgiKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...UWSGI_COMMON) },
  { weight: 3, arbitrary: fc.constantFrom(...UWSGI_NAMES) },
  { weight: 3, arbitrary: typoOf(UWSGI_COMMON) },
  { weight: 2, arbitrary: fc.constantFrom(...UWSGI_BLOCKS, ...UWSGI_SPECIAL) },
  { weight: 1, arbitrary: fc.constantFrom('base', 'project', 'app_dir', 'run_dir') },
  { weight: 1, arbitrary: oddWord },
);

const uwsgiValue = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('true', 'false', '1', '0', 'on', 'off', 'yes', 'no', 'True', 'OFF', 'No', '', '2', '4', '-1', '0x10', '64k', '1M', '08') },
  { weight: 2, arbitrary: fc.constantFrom('app:application', 'deploy.wsgi:application', 'deploy/wsgi.py', '127.0.0.1:3031', ':8000', '/srv/app', '%d', '%dapp', '%n.sock') },
  { weight: 2, arbitrary: fc.constantFrom('%(base)', '%(base)/app', '%(missing)', '$(HOME)', '@(file.txt)', '%(', '%()', '%(a%(b))') },
  { weight: 2, arbitrary: fc.constantFrom('true ; keep', 'true # note', '4 ;comment', 'app # x', 'false;x') },
  { weight: 1, arbitrary: fc.constantFrom('TING_YUN_CONFIG_FILE=/project/tingyun.ini', 'TING_YUN_CONFIG_FILE=%(base)/tingyun.ini', 'X=1', 'base=/srv') },
  { weight: 1, arbitrary: fc.constantFrom('other.ini', 'missing.ini', 'uwsgi.ini', 'other.ini:dev', '/project/other.ini', '../escape.ini', 'http://x/y.ini') },
  { weight: 2, arbitrary: oddWord },
);

const uwsgiSeparator = fc.constantFrom(' = ', ' = ', '=', ' =', '= ', '\t=\t', '  =  ');

const uwsgiLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(indent, uwsgiKey, uwsgiSeparator, uwsgiValue).map(([i, k, s, v]) => `${i}${k}${s}${v}`) },
  { weight: 2, arbitrary: fc.constantFrom('[uwsgi]', '[uwsgi]', '[uwsgi:dev]', '[uwsgi-dev]', '[other]', '[ uwsgi ]', '[uwsgi', '[]', '[tingyun]', ' [uwsgi]') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('; ', '# ', ';', '#'), oddWord).map(([m, c]) => m + c) },
  { weight: 1, arbitrary: suppressionLine(['#', ';']) },
  { weight: 2, arbitrary: fc.constantFrom('', '', '   ', '\t') },
  { weight: 1, arbitrary: fc.tuple(indent, uwsgiKey).map(([i, k]) => i + k) },
  { weight: 1, arbitrary: oddWord },
);

export interface GeneratedFile {
  path: string;
  text: string;
}

/** A uWSGI ini: mostly starting with `[uwsgi]`, named so that it is read as one whatever it holds. */
export const uwsgiText: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(uwsgiLine, { maxLength: 40 }), dressArbitrary)
  .map(([header, lines, dress]) => dressed(header ? ['[uwsgi]', ...lines] : lines, dress));

// ---------- Gunicorn Python ----------

const GUNICORN_NAMES = allGunicornSettings().map((setting) => setting.name);
const GUNICORN_COMMON = [
  'workers', 'threads', 'worker_class', 'preload_app', 'bind', 'timeout', 'max_requests', 'max_requests_jitter', 'raw_env',
  'wsgi_app', 'worker_connections', 'keepalive', 'loglevel', 'accesslog', 'errorlog', 'daemon', 'reload', 'graceful_timeout',
];
const GUNICORN_HOOKS = allGunicornSettings().filter((setting) => setting.hook).map((setting) => setting.name);

const pythonValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('4', '0', '-1', '2.5', '0x10', '010', '1_000', 'True', 'False', 'None', '"30s"', "'30'", '""') },
  { weight: 3, arbitrary: fc.constantFrom('"gevent"', "'gthread'", '"sync"', '"eventlet"', '"tornado"', '"geventt"', '"uvicorn.workers.UvicornWorker"', '"egg:gunicorn#gevent"') },
  { weight: 2, arbitrary: fc.constantFrom('multiprocessing.cpu_count() * 2 + 1', 'os.environ.get("W", "2")', 'int(os.getenv("T", 30))', 'cores', 'f"{host}:{port}"') },
  { weight: 2, arbitrary: fc.constantFrom('["0.0.0.0:8000"]', '["TING_YUN_CONFIG_FILE=/project/tingyun.ini"]', '("a", "b")', '{"k": 1}', '"deploy.wsgi:application"', '[x for x in y]') },
  { weight: 1, arbitrary: fc.constantFrom('(', '"unterminated', '1 +', ')', 'lambda: 0', "'''multi\nline'''", '"a" \\\n  "b"') },
  { weight: 1, arbitrary: oddWord.map((word) => JSON.stringify(word)) },
);

const pythonName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...GUNICORN_COMMON) },
  { weight: 2, arbitrary: fc.constantFrom(...GUNICORN_NAMES) },
  { weight: 2, arbitrary: typoOf(GUNICORN_COMMON) },
  // Few helper names: many distinct unknown names are slow (known, fixed elsewhere), and a handful already covers the rule.
  { weight: 1, arbitrary: fc.constantFrom('cores', 'host', 'port', '_private') },
);

const hookDefinition = fc
  .tuple(
    fc.constantFrom('def', 'def', 'async def'),
    fc.oneof(fc.constantFrom(...GUNICORN_HOOKS), typoOf(['post_fork', 'when_ready'])),
    fc.array(fc.constantFrom('server', 'worker', 'arbiter', 'req', '*args', '**kwargs', 'x=1', 'environ'), { maxLength: 4 }),
    fc.array(fc.constantFrom('pass', 'import tingyun', 'server.log.info("ready")', 'return', 'x = 1', '"""doc"""'), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('    ', '\t', '  '),
  )
  .map(([def, name, params, body, bodyIndent]) => [`${def} ${name}(${params.join(', ')}):`, ...body.map((line) => bodyIndent + line)]);

const pythonStatement: fc.Arbitrary<readonly string[]> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(pythonName, fc.constantFrom(' = ', '=', ' =  '), pythonValue, fc.constantFrom('', '', '  # comment', ' # é😀', '; threads = 2')).map(([n, s, v, c]) => [`${n}${s}${v}${c}`]) },
  { weight: 2, arbitrary: hookDefinition },
  { weight: 2, arbitrary: fc.constantFrom(['import multiprocessing'], ['import os'], ['from os import environ'], ['from x import *'], ['import tornado.wsgi']) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('if DEBUG:', 'if os.getenv("X"):', 'try:', 'while False:', 'with x:'), pythonName, pythonValue).map(([head, n, v]) => [head, `    ${n} = ${v}`]) },
  { weight: 1, arbitrary: fc.constantFrom(['try:', '    import gevent', 'except ImportError:', '    worker_class = "sync"']) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('# ', '#'), oddWord).map(([m, c]) => [m + c]) },
  { weight: 1, arbitrary: suppressionLine(['#']).map((line) => [line]) },
  { weight: 2, arbitrary: fc.constantFrom([''], ['    '], ['\t']) },
  { weight: 1, arbitrary: oddWord.map((word) => [word]) },
);

export const gunicornText: fc.Arbitrary<string> = fc
  .tuple(fc.array(pythonStatement, { maxLength: 25 }), dressArbitrary)
  .map(([statements, dress]) => dressed(statements.flat(), dress));

// ---------- the agent's tingyun.ini ----------

const AGENT_NAMES = AGENT_OPTIONS.map((option) => option.name);

const agentKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...AGENT_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...AGENT_NAMES).map((name) => name.toUpperCase()) },
  { weight: 2, arbitrary: typoOf(AGENT_NAMES) },
  { weight: 1, arbitrary: oddWord },
);

const agentValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('true', 'false', 'on', 'off', 'True', 'yes', '1', '', 'maybe') },
  { weight: 2, arbitrary: fc.constantFrom('INFO', 'debug', 'WARN', 'verbose', '8080', '0', '70000', 'http', 'https', 'socks', 'stdout', '/var/log/tingyun.log') },
  { weight: 2, arbitrary: fc.constantFrom(...LICENSE_PLACEHOLDERS, '0123-abcd', 'My App;Other') },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.constantFrom(...Object.keys(AGENT_PLUGINS)), typoOf(Object.keys(AGENT_PLUGINS))), { maxLength: 3 }).map((names) => names.join(', ')) },
  { weight: 2, arbitrary: fc.constantFrom('true ; keep', 'on # note', 'INFO ;x', 'false;x') },
  { weight: 1, arbitrary: oddWord },
);

const agentLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(indent, agentKey, fc.constantFrom(' = ', '=', ':', ' : ', ' =', '= '), agentValue).map(([i, k, s, v]) => `${i}${k}${s}${v}`) },
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom(...AGENT_SECTIONS).map((s) => `[${s}]`), fc.constantFrom('[tingyun]', '[TINGYUN]', '[tingyun:exlude]', '[newrelic]', '[DEFAULT]', '[tingyun', '[]')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('; ', '# ', ';', '#'), oddWord).map(([m, c]) => m + c) },
  { weight: 1, arbitrary: suppressionLine(['#', ';']) },
  { weight: 2, arbitrary: fc.constantFrom('', '', '   ') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('  ', '\t'), agentValue).map(([i, v]) => i + v) },
  { weight: 1, arbitrary: oddWord },
);

export const agentText: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(agentLine, { maxLength: 30 }), dressArbitrary)
  .map(([header, lines, dress]) => dressed(header ? ['[tingyun]', ...lines] : lines, dress));

// ---------- New Relic's newrelic.ini ----------

const NEWRELIC_NAMES = NEWRELIC_OPTION_NAMES.filter((name) => /^(app_name|license_key|monitor_mode|log_level|log_file|high_security|startup_timeout|port|labels|transaction_tracer\.(enabled|record_sql|transaction_threshold)|error_collector\.ignore_status_codes|console\.listener_socket|distributed_tracing\.sampler\.root)$/.test(name));

const newRelicKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NEWRELIC_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...NEWRELIC_NAMES).map((name) => name.toUpperCase()) },
  { weight: 2, arbitrary: typoOf(NEWRELIC_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('ssl', 'ignored_params', 'capture_params') },
  { weight: 1, arbitrary: oddWord },
);

const newRelicValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('true', 'false', 'On', 'yes', '0', '', 'maybe', 'enabled') },
  { weight: 2, arbitrary: fc.constantFrom('info', 'TRACE', 'verbose', 'raw', 'Raw', 'apdex_f', '1_000', '10s', '.5', 'nan', '404 500-599', '404,500', 'a:b;c:d', 'a=b') },
  { weight: 2, arbitrary: fc.constantFrom('%(NEW_RELIC_LICENSE_KEY)s', '/tmp/nr-%(pid)s.sock', '100%', 'true ; keep', 'info # note') },
  { weight: 1, arbitrary: oddWord },
);

const newRelicLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(indent, newRelicKey, fc.constantFrom(' = ', '=', ':', ' : ', ' =', '= '), newRelicValue).map(([i, k, s, v]) => `${i}${k}${s}${v}`) },
  { weight: 3, arbitrary: fc.constantFrom('[newrelic]', '[newrelic:staging]', '[NewRelic]', '[newrelic-prod]', '[DEFAULT]', '[import-hook:app]', '[import-hok:app]', '[newrelic', '[]') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('; ', '# ', ';', '#'), oddWord).map(([m, c]) => m + c) },
  { weight: 1, arbitrary: suppressionLine(['#', ';']) },
  { weight: 2, arbitrary: fc.constantFrom('', '', '   ') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('  ', '\t'), newRelicValue).map(([i, v]) => i + v) },
  { weight: 1, arbitrary: oddWord },
);

export const newRelicText: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(newRelicLine, { maxLength: 30 }), dressArbitrary)
  .map(([header, lines, dress]) => dressed(header ? ['[newrelic]', ...lines] : lines, dress));

// ---------- requirement files ----------

const version = fc.constantFrom('4.5.3', '3.2', '5.1', '6.0', '2.0.21', '2.0.28', '', '4', 'x.y', '1!2.0', '4.5.*');
const tornadoOrUwsgi = fc.constantFrom('tornado', 'Tornado', 'uwsgi', 'uWSGI', 'tornado_', 'tornado-extras');
const specifier = fc.tuple(fc.constantFrom('==', '>=', '<', '~=', '!=', '===', '', '^', '~', ' == ', '>=4,<'), version).map(([op, v]) => op + v);

const requirementLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(tornadoOrUwsgi, fc.constantFrom('', '[extra]', ' '), specifier, fc.constantFrom('', ' ; python_version < "3"', '  # pinned', ' \\')).map(([n, e, s, m]) => `${n}${e}${s}${m}`) },
  { weight: 2, arbitrary: fc.constantFrom('-r requirements-dev.txt', '-e .', 'git+https://x/tornado.git#egg=tornado', 'flask==2.0', '--index-url https://x') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('# ', '#'), oddWord).map(([m, c]) => m + c) },
  { weight: 1, arbitrary: oddWord },
);

const tomlLine = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(tornadoOrUwsgi, specifier).map(([n, s]) => `${n} = "${s}"`) },
  { weight: 2, arbitrary: fc.tuple(tornadoOrUwsgi, specifier).map(([n, s]) => `    "${n}${s}",`) },
  { weight: 2, arbitrary: fc.constantFrom('[project]', 'dependencies = [', ']', '[tool.poetry.dependencies]', '[tool.pydeploy]', '[tool.pydeploy.rules]', '[packages]', '[dev-packages]', '[[package]]') },
  { weight: 2, arbitrary: fc.constantFrom('uwsgi-version = "2.0.21"', 'uwsgi-version = 2', 'rules = { "uwsgi/lazy-apps" = "off" }', '"uwsgi/enable-threads" = "hint"', 'gunicorn-config-files = ["deploy/*.py"]', 'unknown-key = 1', 'rules = { "nope" = "off" }') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('name = "tornado"', 'name = "uwsgi"'), version).map(([n, v]) => `${n}\nversion = "${v}"`) },
  { weight: 1, arbitrary: fc.tuple(tornadoOrUwsgi, version).map(([n, v]) => `${n} = { version = "==${v}", extras = ["x"] }`) },
  { weight: 1, arbitrary: oddWord },
);

const setupCfgLine = fc.oneof(
  fc.constantFrom('[options]', 'install_requires =', '[metadata]', 'name = app'),
  fc.tuple(tornadoOrUwsgi, specifier).map(([n, s]) => `    ${n}${s}`),
  oddWord,
);

const pipfileLockText = fc
  .tuple(tornadoOrUwsgi, version, fc.boolean())
  .map(([n, v, broken]) => `{\n    "default": {\n        "${n.toLowerCase()}": {\n            "version": "==${v}"\n        }\n    }${broken ? '' : '\n}'}`);

/** A requirement file of each kind the project reads, at its path in /project. */
export const requirementFile: fc.Arbitrary<GeneratedFile> = fc.oneof(
  fc.tuple(fc.constantFrom('/project/requirements.txt', '/project/requirements-prod.txt', '/project/requirements.in'), fc.array(requirementLine, { maxLength: 15 }), dressArbitrary).map(([path, lines, dress]) => ({ path, text: dressed(lines, dress) })),
  fc.tuple(fc.constantFrom('/project/pyproject.toml', '/project/Pipfile', '/project/poetry.lock'), fc.array(tomlLine, { maxLength: 15 }), dressArbitrary).map(([path, lines, dress]) => ({ path, text: dressed(lines, dress) })),
  fc.tuple(fc.array(setupCfgLine, { maxLength: 12 }), dressArbitrary).map(([lines, dress]) => ({ path: '/project/setup.cfg', text: dressed(lines, dress) })),
  pipfileLockText.map((text) => ({ path: '/project/Pipfile.lock', text })),
);

// ---------- mutations of real files ----------

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'corpus');

export type CorpusKind = 'uwsgi' | 'gunicorn' | 'agent' | 'requirements';

/** The real files each kind is mutated from: the corpus (test/corpus) and the project's examples. */
export function realFiles(kind: CorpusKind): string[] {
  const examples = filesUnder(join(ROOT, 'examples'));
  const fromExamples = examples.filter((path) =>
    kind === 'uwsgi' ? path.endsWith('.ini') : kind === 'gunicorn' ? path.endsWith('.py') : kind === 'requirements' ? path.endsWith('.txt') : false,
  );
  const fromCorpus = kind === 'requirements' ? [] : filesUnder(join(CORPUS, kind));
  return [...fromCorpus, ...fromExamples];
}

/** The path a mutated file is analysed under, so that its kind is the one it came from. */
export const PATH_OF_KIND: Record<CorpusKind, string> = {
  uwsgi: '/project/uwsgi.ini',
  gunicorn: '/project/gunicorn.conf.py',
  agent: '/project/tingyun.ini',
  requirements: '/project/requirements.txt',
};

type Mutation =
  | { kind: 'flip'; at: number; unit: string }
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'endings'; to: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), unit: fc.oneof(fc.constantFrom(...ODD_UNITS, ...SYNTAX_UNITS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: oddText }),
  fc.record({ kind: fc.constant('endings' as const), to: fc.constantFrom('\n', '\r\n', '\r') }),
);

function mutate(text: string, change: Mutation): string {
  const at = text.length === 0 ? 0 : change.kind === 'endings' ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'flip':
      return text.slice(0, at) + change.unit + text.slice(at + 1);
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'endings':
      return text.replace(/\r\n|\r|\n/g, change.to);
    case 'delete-line':
    case 'duplicate-line': {
      const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
      const i = change.at % lines.length;
      return change.kind === 'delete-line' ? [...lines.slice(0, i), ...lines.slice(i + 1)].join('') : [...lines.slice(0, i + 1), ...lines.slice(i)].join('');
    }
  }
}

/** A real file of a kind (read as UTF-8, invalid bytes become U+FFFD as the editor shows them) after a few mutations. */
export function mutatedRealFile(kind: CorpusKind): fc.Arbitrary<string> {
  const texts = realFiles(kind).map((path) => readFileSync(path, 'utf8'));
  if (texts.length === 0) throw new Error(`no real ${kind} files found`);
  return fc.tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([text, changes]) => changes.reduce(mutate, text));
}

// ---------- the workspace around a config ----------

/** A Tornado app served through WSGI, so that the cross-file rule (and its fix in tingyun.ini) has work to do. */
export const TORNADO_ADAPTER_APP = [
  'import tornado.web',
  'import tornado.wsgi',
  'application = tornado.wsgi.WSGIAdapter(tornado.web.Application([]))',
  '',
].join('\n');

export interface GeneratedWorkspace {
  /** Absolute path to text, the config under test included. */
  files: Record<string, string>;
}

/** Words of uWSGI and Gunicorn command lines: options in every form, typos, prefixes, config files, expansions, odd words. */
const launchWord: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(
    '--enable-threads', '--master', '-M', '-MT', '--processes', '4', '-p4', '--processes=$N', '--ini', 'uwsgi.ini', '/app/uwsgi.ini', 'uwsgi.ini:prod',
    '--ini=other.ini:uwsgi', 'other.ini', 'app.yaml', '--single-interp', '--singel-interpreter', '--lazy-apps', '--lazy', '--http-socket', ':8080', '--module=app.wsgi',
    '--preload', '-k', 'gevent', '--worker-class=gthread', '--workers', '-w4', '--work', '--bind', ':$PORT', '${N:-2}', 'app:app', '-c', 'gunicorn.conf.py',
    '--config=conf/server.py', '--max-requests', '--keep-al', '--', '-', '--=', '--enable', '-x', '--threads', 'abc', '--timeout=0x10',
  ) },
  { weight: 1, arbitrary: oddWord },
);

const launchVariable: fc.Arbitrary<[string, string]> = fc.tuple(
  fc.constantFrom('UWSGI_ENABLE_THREADS', 'UWSGI_PROCESSES', 'UWSGI_', 'UWSGI_RELOADS', 'GUNICORN_CMD_ARGS', 'PORT', 'WEB_CONCURRENCY', 'OTHER'),
  fc.oneof(fc.constantFrom('1', '0', '--workers=3 --preload', '--bnid :1', '$HOME', '8000', ''), oddWord),
);

export interface GeneratedLaunchFile {
  path: string;
  text: string;
}

/**
 * A Dockerfile (exec or shell form, with ENV) or a Procfile that starts uWSGI or Gunicorn with the options the model
 * reads in every form: typos, prefixes, values with expansions, config files, `UWSGI_*` and `GUNICORN_CMD_ARGS`.
 */
export const optionLaunchFile: fc.Arbitrary<GeneratedLaunchFile> = fc
  .tuple(fc.constantFrom('uwsgi', 'gunicorn', 'python -m gunicorn', 'ddtrace-run gunicorn'), fc.array(launchWord, { maxLength: 10 }), fc.constantFrom('exec', 'shell', 'procfile'), fc.array(launchVariable, { maxLength: 3 }), dressArbitrary)
  .map(([program, words, form, variables, dress]) => {
    if (form === 'procfile') return { path: '/project/Procfile', text: dressed([`web: ${program} ${words.join(' ')}`, 'worker: uwsgi --ini uwsgi.ini'], dress) };
    const env = variables.map(([name, value]) => `ENV ${name}=${JSON.stringify(value)}`);
    const command = form === 'exec' ? `CMD ${JSON.stringify([...program.split(' '), ...words])}` : `CMD ${program} ${words.join(' ')}`;
    return { path: '/project/Dockerfile', text: dressed(['FROM python:3.11', 'WORKDIR /app', ...env, command], dress) };
  });

/** The files around a config: a requirement file, an agent config, an included ini, the Tornado app module, a launch. */
export const surroundings: fc.Arbitrary<Record<string, string>> = fc
  .tuple(fc.option(requirementFile, { nil: undefined }), fc.option(agentText, { nil: undefined }), fc.option(uwsgiText, { nil: undefined }), fc.boolean(), fc.option(optionLaunchFile, { nil: undefined }))
  .map(([requirements, agent, other, app, launch]) => {
    const files: Record<string, string> = {};
    if (requirements) files[requirements.path] = requirements.text;
    if (agent !== undefined) files['/project/tingyun.ini'] = agent;
    if (other !== undefined) files['/project/other.ini'] = other;
    if (app) files['/project/deploy/wsgi.py'] = TORNADO_ADAPTER_APP;
    if (launch) files[launch.path] = launch.text;
    return files;
  });

// ---------- launch files (Dockerfile, Compose, Kubernetes, Procfile, systemd, supervisord, scripts, PaaS) ----------

const launchWrapper = fc.constantFrom('', '', '', 'constructor ', '__proto__ ', 'exec ', 'ddtrace-run ', 'newrelic-admin run-program ', 'opentelemetry-instrument --traces_exporter otlp ', 'python -m ', 'poetry run ', 'gosu app ', 'tini -- ', 'env A=1 ', 'X="a b" ', 'nice -n 5 ', 'uv run ');
const launchServer = fc.constantFrom('gunicorn', 'uwsgi', '/venv/bin/gunicorn', '${VENV}/bin/uwsgi', 'gunicorn3', 'uwsgi');
const plainLaunchArgument = fc.constantFrom('--enable-threads', '--ini', 'uwsgi.ini', 'uwsgi.ini:prod', '-c', 'gunicorn.conf.py', '--bind', '0.0.0.0:8000', '-w', '4', '--preload', '--workers=3', '--threads', 'app:app', '-k', 'gevent', '--master', '--lazy-apps');
const launchArgument = fc.oneof(
  { weight: 5, arbitrary: plainLaunchArgument },
  { weight: 2, arbitrary: fc.constantFrom('$PORT', '${W:-4}', '"$(nproc)"', '`nproc`', ':$PORT', '%(ENV_X)s', '%i', '{{ .Values.w }}', '$(HOST)') },
  { weight: 2, arbitrary: fc.constantFrom("'a b'", '"a \\"b\\""', 'a\\ b', "''", '""', '--name="x y"', "it'\\''s") },
  { weight: 1, arbitrary: fc.constantFrom('&&', ';', '|', '#', '# comment', '>', '2>&1', '\\', '"', "'", '[', ']', ',', ': ', '- ', '=', 'constructor', '__proto__', 'toString') },
  { weight: 1, arbitrary: oddWord },
);

function launchFileOf(argument: fc.Arbitrary<string>, dress: fc.Arbitrary<Dress>): fc.Arbitrary<GeneratedFile> {
  const launchCommand = fc
    .tuple(launchWrapper, launchServer, fc.array(argument, { maxLength: 8 }), fc.constantFrom('', '', ' && echo done', '; exit 0', ' # note', ' > log 2>&1'))
    .map(([wrapper, server, args, tail]) => ({ argv: [server, ...args], shell: `${wrapper}${[server, ...args].join(' ')}${tail}` }));
  const shCommand = launchCommand.chain((command) =>
    fc.constantFrom(command.shell, `sh -c "${command.shell.replace(/["\\$`]/g, '\\$&')}"`, `bash -ec '${command.shell.replace(/'/g, `'\\''`)}'`, `python manage.py migrate && ${command.shell}`),
  );
  const jsonArray = (words: readonly string[], spacing: string) => `[${spacing}${words.map((word) => JSON.stringify(word)).join(`,${spacing}`)}${spacing}]`;

  const launchLines: Record<string, fc.Arbitrary<string[]>> = {
    '/project/Dockerfile': fc
      .tuple(launchCommand, shCommand, fc.constantFrom('', ' ', '  '), fc.constantFrom('CMD', 'ENTRYPOINT'), fc.boolean(), fc.array(fc.constantFrom('FROM python:3.12 AS base', 'FROM base', 'ENV UWSGI_THREADS=10 B="two words"', 'ENV A 1', 'WORKDIR /app', 'WORKDIR sub', 'ARG PORT=8000', '# escape=`', 'RUN pip install gunicorn \\', '  && echo ok', 'ENTRYPOINT ["/entrypoint.sh"]', 'CMD ["--preload"]', 'HEALTHCHECK CMD curl -f http://x/ || exit 1', 'USER app'), { maxLength: 6 }))
      .map(([command, shell, spacing, keyword, exec, others]) => ['FROM python:3.12', ...others, exec ? `${keyword} ${jsonArray(command.argv, spacing)}` : `${keyword} ${shell.replace(/ --/g, ' \\\n    --')}`]),
    '/project/Procfile': fc.tuple(shCommand, fc.constantFrom('web', 'worker', 'release')).map(([command, name]) => [`${name}: ${command}`, 'worker: celery -A app worker']),
    '/project/docker-compose.yml': fc
      .tuple(launchCommand, shCommand, fc.constantFrom('string', 'single', 'double', 'flow', 'block', 'folded'))
      .map(([command, shell, style]) => {
        const value =
          style === 'string' ? shell : style === 'single' ? `'${shell.replace(/'/g, "''")}'` : style === 'double' ? JSON.stringify(shell) : style === 'flow' ? jsonArray(command.argv, ' ') : style === 'folded' ? `>\n      ${shell}` : `\n${command.argv.map((word) => `      - ${JSON.stringify(word)}`).join('\n')}`;
        return ['services:', '  web:', '    build: .', `    command: ${value}`, '    environment:', '      UWSGI_THREADS: 10', '    env_file: [.env]'];
      }),
    '/project/k8s/deployment.yaml': fc
      .tuple(launchCommand, fc.boolean(), fc.boolean())
      .map(([command, flow, templated]) => [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata: {name: ${templated ? '{{ .Release.Name }}' : 'web'}}`,
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        '        - name: app',
        ...(flow ? [`          command: ${jsonArray(command.argv, '')}`] : ['          command:', ...command.argv.map((word) => `            - ${JSON.stringify(word)}`)]),
        '          env:',
        '            - name: WEB_CONCURRENCY',
        `              value: ${templated ? '{{ .Values.workers }}' : '"4"'}`,
        '---',
        'kind: Service',
      ]),
    '/project/deploy/app.service': fc
      .tuple(launchCommand, fc.constantFrom('', '-', '@', '+', '!!'))
      .map(([command, prefix]) => ['[Unit]', 'Description=x', '[Service]', 'Environment="A=1" B=2', 'EnvironmentFile=-/etc/default/app', 'WorkingDirectory=/srv/app', 'ExecStart=', `ExecStart=${prefix}${command.argv.join(' \\\n# comment\n  ')}`, 'Restart=always']),
    '/project/supervisord.conf': launchCommand.map((command) => ['[supervisord]', 'nodaemon=true', '[program:web]', `command=${command.argv.join('\n    ')} ; a comment`, 'environment=A="1",B=two', 'directory=/srv']),
    '/project/scripts/entrypoint.sh': fc
      .tuple(shCommand, fc.array(fc.constantFrom('set -e', 'cd "$(dirname "$0")"', 'export GUNICORN_CMD_ARGS="--workers=3"', 'UWSGI_X=1', 'export UWSGI_X', 'cat <<EOF', 'EOF', 'if [ -n "$X" ]; then', 'fi', 'case "$1" in', 'web) exec gunicorn app;;', 'esac', 'start() {', '}'), { maxLength: 8 }))
      .map(([command, before]) => ['#!/bin/sh', ...before, command]),
    '/project/render.yaml': shCommand.map((command) => ['services:', '  - type: web', '    name: api', `    startCommand: ${JSON.stringify(command)}`, '    envVars:', '      - key: A', '        value: 1']),
  };

  return fc.oneof(
    ...Object.entries(launchLines).map(([path, lines]) => fc.tuple(lines, dress).map(([content, style]) => ({ path, text: dressed(content.flatMap((line) => line.split('\n')), style) }))),
  );
}

/** A launch file of every kind the readers know, with odd words, odd line endings and all around it. */
export const launchFile = launchFileOf(launchArgument, dressArbitrary);

/**
 * The same with arguments a fix could meet on a working launch line, and no blanks after a line's last character
 * (they would end a `\` continuation): an added argument must read back.
 */
export const wellFormedLaunchFile = launchFileOf(plainLaunchArgument, dressArbitrary.map((dress) => ({ ...dress, trailing: [''] })));

/** A real launch file (test/corpus/launch) at the path its repository keeps it, after a few mutations. */
export const mutatedLaunchFile: fc.Arbitrary<GeneratedFile> = (() => {
  const folder = join(CORPUS, 'launch');
  const [, ...rows] = readFileSync(join(folder, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const files = rows.map((row) => {
    const [local, , pathInRepo] = row.split('\t');
    return { path: `/project/${pathInRepo}`, text: readFileSync(join(folder, local), 'utf8') };
  });
  return fc.tuple(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([file, changes]) => ({ path: file.path, text: changes.reduce(mutate, file.text) }));
})();
