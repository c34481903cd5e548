import type { DocumentOfKind } from '../../model/document';
import type { Range } from '../../text/lineIndex';
import type { LaunchFileKind } from '../../parse/launch/types';
import { LineIndex } from '../../text/lineIndex';
import { hasExpansion, readsAsNumber } from '../../model/uwsgiConfig';
import { EnvironmentEntry, readingLaunch, serverEnvironment } from '../../model/serverEnvironment';
import { appModulesOf, importTimeCode } from '../../model/appModules';
import { Finding, Fix, defineRule } from '../types';
import { quoted } from '../quoted';
import { consequences, forAgents, needHolders } from '../agentNeeds';
import { firstMatch, workerCount } from '../gunicorn/processModel';
import { message } from '../../l10n/message';

const VARIABLE = 'PROMETHEUS_MULTIPROC_DIR';
/** The name prometheus_client still reads, with a DeprecationWarning (multiprocess.py, values.py). */
const DEPRECATED = 'prometheus_multiproc_dir';

interface MultiprocDirData {
  /** For the lower-case name: where the name is written, to rename it. */
  rename?: Range;
}

type ServerReading = DocumentOfKind<'uwsgi-ini' | 'gunicorn-py'>;

/** How many processes serve the app, when the configuration says literally, and the value that says it. */
function processCount(document: ServerReading): { count: number; range: Range; local: boolean } | undefined {
  if (document.kind === 'gunicorn-py') {
    const workers = workerCount(document.gunicorn);
    return workers && { count: workers.count, range: workers.value.range, local: document.gunicorn.isLocal(workers.binding.binding) };
  }
  // `workers` is `processes` under another name: the later line wins.
  const option = document.uwsgi.options.filter(({ entry }) => entry.key === 'processes' || entry.key === 'workers').pop();
  if (!option || option.conditional || option.opaque || hasExpansion(option.entry.value)) return undefined;
  return { count: readsAsNumber(option.entry.value), range: option.entry.valueRange, local: option.local };
}

/**
 * Launch files that hold the whole environment the server starts with. A Procfile or a PaaS file gets the platform's
 * config vars, a shell script its caller's environment, and a Compose service or Kubernetes container the ENV of an
 * image built elsewhere: there an absent variable may well be set.
 */
const WHOLE_ENVIRONMENT: ReadonlySet<LaunchFileKind> = new Set(['dockerfile', 'systemd', 'supervisord']);

/** Code that sets the variable from Python (`os.environ[...] = `, `setdefault`, `putenv`): then it is not unset. */
const SET_FROM_PYTHON = /environ\s*\[\s*['"]prometheus_multiproc_dir['"]\s*\]\s*=(?!=)|environ\.setdefault\(\s*['"]prometheus_multiproc_dir['"]|putenv\(\s*['"]prometheus_multiproc_dir['"]/i;

/** The range of the variable's name where the file writes it as is (first in the entry, or just inside a quote). */
function nameRange(document: ServerReading, entry: EnvironmentEntry): Range | undefined {
  const index = new LineIndex(document.text);
  const start = index.offsetAt(entry.range.start);
  const at = document.text.startsWith(entry.name, start) ? start : /^['"]/.test(document.text.slice(start, start + 1)) && document.text.startsWith(entry.name, start + 1) ? start + 1 : undefined;
  return at === undefined ? undefined : { start: index.positionAt(at), end: index.positionAt(at + entry.name.length) };
}

export const multiprocDirRule = defineRule({
  id: 'prometheus/multiproc-dir',
  fileKind: ['uwsgi-ini', 'gunicorn-py'],
  defaultSeverity: 'error',
  needs: ['multiprocess-dir'],
  docs: {
    summary: "The Prometheus client's multiprocess mode lacks `PROMETHEUS_MULTIPROC_DIR` in the launch's environment, or spells it in lower case.",
    details:
      'With several Gunicorn workers or uWSGI processes, prometheus_client shares its metrics through files in the ' +
      'folder `PROMETHEUS_MULTIPROC_DIR` names, and it decides whether to as it is first imported. The variable must ' +
      'therefore be in the environment the server starts with (a Dockerfile `ENV`, Compose `environment:`, systemd ' +
      '`Environment=`, or uWSGI\'s `env` option, which uWSGI sets before Python starts). Gunicorn applies `raw_env` ' +
      'only after it has run its config file: a config that imports prometheus_client at its top level (for ' +
      '`child_exit`) has already chosen per-process metrics by then. The lower-case `prometheus_multiproc_dir` still ' +
      'works but is deprecated. Reported on the process count when a Dockerfile, a systemd unit or a supervisord program ' +
      'starts the server (files that hold its whole environment) and the variable is in none of these places; on a ' +
      '`raw_env` entry that comes too late; and on a lower-case name.',
    example: {
      file: 'Dockerfile',
      wrong: ['FROM python:3.12-slim', 'ENV prometheus_multiproc_dir=/tmp/metrics', 'CMD ["gunicorn", "--workers", "4", "app:app"]'],
      right: ['FROM python:3.12-slim', 'ENV PROMETHEUS_MULTIPROC_DIR=/tmp/metrics', 'CMD ["gunicorn", "--workers", "4", "app:app"]'],
    },
    fix: 'The quick fix renames a lower-case `prometheus_multiproc_dir` to `PROMETHEUS_MULTIPROC_DIR`. Add a missing variable to the launch\'s environment yourself, pointing at a folder wiped at each start.',
    silence: 'When the server is started with the variable from somewhere pydeploy does not read (an orchestrator, a wrapper script).',
  },
  check: (document): Finding<MultiprocDirData>[] => {
    const holders = needHolders(document, 'multiprocess-dir');
    if (holders.length === 0) return [];
    const what = consequences(holders);
    const environment = serverEnvironment(document);
    const upper = environment.filter(({ name }) => name === VARIABLE);
    const lower = environment.filter(({ name }) => name === DEPRECATED);
    const findings: Finding<MultiprocDirData>[] = [];
    // A lower-case name is read only when the upper-case one is not set (prometheus_client copies it over).
    if (upper.length === 0) {
      for (const entry of lower.filter(({ local }) => local)) {
        const range = nameRange(document, entry) ?? entry.range;
        const finding = forAgents({ range, message: message('prometheus/multiproc-dir.deprecated', { name: DEPRECATED, variable: VARIABLE }), data: { rename: nameRange(document, entry) } }, holders, document.path);
        findings.push({ ...finding, severity: 'warning' });
      }
    }
    const launchSets = [...upper, ...lower].some(({ via }) => via !== 'raw-env');
    if (document.kind === 'gunicorn-py' && !launchSets) {
      // raw_env comes after the config file ran: prometheus_client imported there has chosen already (Gunicorn 20.1).
      const imported = firstMatch(importTimeCode(document.gunicorn.module.text), [/\b(?:from|import)\s+prometheus_client\b/]);
      for (const entry of [...upper, ...lower].filter(({ via, local }) => via === 'raw-env' && local)) {
        if (!imported || !document.gunicorn.checksFile) continue;
        const { index } = document.gunicorn.module;
        const related = [{ range: { start: index.positionAt(imported.start), end: index.positionAt(imported.end) }, message: message('prometheus/multiproc-dir.imported-here') }];
        findings.push(forAgents({ range: entry.range, message: message('prometheus/multiproc-dir.raw-env-late', { name: entry.name, consequences: what }), related, data: {} }, holders, document.path));
      }
    }
    if (upper.length > 0 || lower.length > 0) return findings;
    const processes = processCount(document);
    const launch = readingLaunch(document);
    // Without a launch the start-up environment is unknown; a missing env file may hold the variable.
    if (!processes || processes.count <= 1 || !processes.local || !launch || !WHOLE_ENVIRONMENT.has(launch.fileKind)) return findings;
    if (launch.envFiles?.some((file) => document.workspace.readFile(file.path) === undefined)) return findings;
    const python = document.kind === 'gunicorn-py' ? [document.gunicorn.module.text] : [];
    if ([...python, ...(appModulesOf(document) ?? []).map(({ text }) => text)].some((text) => SET_FROM_PYTHON.test(text))) return findings;
    const related = launch.path !== document.path || launch.range.start.line !== processes.range.start.line ? [{ range: launch.range, message: message('prometheus/multiproc-dir.launch-without', { launch: launch.label, variable: VARIABLE }), ...(launch.path !== document.path ? { path: launch.path } : {}) }] : [];
    findings.push(
      forAgents(
        { range: processes.range, message: message('prometheus/multiproc-dir.missing', { count: processes.count, variable: VARIABLE, consequences: what }), ...(related.length > 0 ? { related } : {}), data: {} },
        holders,
        document.path,
      ),
    );
    return findings;
  },
  fixes: (_document, finding): Fix[] => {
    const { rename } = finding.data;
    if (!rename) return [];
    return [{ title: message('prometheus/multiproc-dir.fix', { name: quoted(VARIABLE) }), isPreferred: true, changes: [{ kind: 'replace', range: rename, newText: VARIABLE }] }];
  },
});
