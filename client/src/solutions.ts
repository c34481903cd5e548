import type { AgentProfile } from '../../server/src/knowledge/agents';

/**
 * The deployment solutions "pydeploy: New deployment config…" offers, each backed by one snippet of snippets/
 * (the same snippets the editor completes by prefix), so a template lives in one place. Kept free of `vscode`
 * so that the unit tests can check it against the snippet files.
 */
import * as l10n from '@vscode/l10n';

export interface DeploymentSolution {
  /** Stable id, also accepted as the command's argument (`pydeploy.newDeploymentConfig`, `"uwsgi"`). */
  id: string;
  /** The quick pick's label, in the display language (asked for when shown: the bundle is loaded on activation). */
  label(): string;
  /** The snippet file under snippets/ and the snippet's name in it. */
  snippetFile: 'uwsgi-ini.json' | 'python.json' | 'tingyun-ini.json';
  snippet: string;
  /** The language of the new editor. */
  language: 'uwsgi-ini' | 'python' | 'tingyun-ini';
  /** The file name to save it as, which is also how pydeploy recognises the file. */
  fileName: string;
  /**
   * The agents the config is ready for: `any` for a server config whose agent lines the command writes for the
   * agent the user picks (agentSnippetBody), or the one agent whose code the snippet holds.
   */
  agents: 'any' | 'tingyun';
}

export const DEPLOYMENT_SOLUTIONS: readonly DeploymentSolution[] = [
  {
    id: 'uwsgi',
    agents: 'any',
    label: () => l10n.t('uWSGI (uwsgi.ini)'),
    snippetFile: 'uwsgi-ini.json',
    snippet: 'uWSGI: agent-ready [uwsgi] section',
    language: 'uwsgi-ini',
    fileName: 'uwsgi.ini',
  },
  {
    id: 'gunicorn',
    agents: 'any',
    label: () => l10n.t('Gunicorn with async workers (gunicorn.conf.py)'),
    snippetFile: 'python.json',
    snippet: 'Gunicorn: agent-ready gunicorn.conf.py (async workers)',
    language: 'python',
    fileName: 'gunicorn.conf.py',
  },
  {
    id: 'gevent',
    agents: 'tingyun',
    label: () => l10n.t('Gevent single-process server (app.py)'),
    snippetFile: 'python.json',
    snippet: 'Gevent: single-process WSGI server script',
    language: 'python',
    fileName: 'app.py',
  },
  {
    id: 'tornado',
    agents: 'tingyun',
    label: () => l10n.t('Tornado native app (A)'),
    snippetFile: 'python.json',
    snippet: "Tornado: native app on Tornado's HTTP server (A)",
    language: 'python',
    fileName: 'app.py',
  },
  {
    id: 'tornado-wsgi-container',
    agents: 'tingyun',
    label: () => l10n.t("Tornado hosting a WSGI app: WSGIContainer (B)"),
    snippetFile: 'python.json',
    snippet: "Tornado: WSGI app on Tornado's HTTP server, WSGIContainer (B)",
    language: 'python',
    fileName: 'app.py',
  },
  {
    id: 'tornado-wsgi-adapter',
    agents: 'tingyun',
    label: () => l10n.t('WSGI server hosting a Tornado app: WSGIAdapter (C)'),
    snippetFile: 'python.json',
    snippet: 'Tornado: Tornado app on a WSGI server, WSGIAdapter (C)',
    language: 'python',
    fileName: 'app.py',
  },
  {
    id: 'agent',
    agents: 'tingyun',
    label: () => l10n.t("The agent's config (tingyun.ini)"),
    snippetFile: 'tingyun-ini.json',
    snippet: 'tingyun.ini skeleton',
    language: 'tingyun-ini',
    fileName: 'tingyun.ini',
  },
];

export interface SnippetDefinition {
  /** One prefix: VS Code lists a snippet once per prefix, and each solution belongs in the suggest list once. */
  prefix: string;
  body: string | string[];
  description?: string;
}

/** A snippet's body as one string, the way VS Code joins the lines of a snippet file. */
export function snippetBody(snippet: SnippetDefinition): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

/** The line of a server snippet where its agent lines begin (they run to the final `$0`). */
const AGENT_LINES_START: Record<string, RegExp> = { uwsgi: /^; The APM agent: /, gunicorn: /^def post_fork\(/ };

/** Text as a snippet shows it literally: `$`, `}` and `\` escaped. */
const literal = (text: string): string => text.replace(/[$}\\]/g, '\\$&');

const isImport = (line: string): boolean => /^(import|from) /.test(line);

/** What a `[uwsgi]` section needs for one agent beyond what the snippet sets for every agent. */
function uwsgiAgentLines(profile: AgentProfile): string[] {
  const needs = new Set(profile.requirements.map((requirement) => requirement.need));
  const lines = [`; The APM agent: ${profile.name}.`];
  const imported = needs.has('uwsgi-import') ? profile.signals.uwsgiImports[0] : undefined;
  if (imported) lines.push(`; uWSGI imports ${imported} in each worker (the app loads there, with lazy-apps), which starts it.`, `import = ${imported}`);
  else if (profile.workerStart.length > 0) {
    lines.push('; Start it at the top of the WSGI module, which loads in each worker with lazy-apps:', ...profile.workerStart.filter((line) => line !== '').map((line) => `;     ${line}`));
  } else lines.push('; It starts with the app, which loads in each worker with lazy-apps.');
  if (needs.has('uwsgi-no-wrapper')) lines.push(`; Do not start uWSGI under ${profile.signals.wrappers.join(' or ')}: it does not set the agent up in the workers.`);
  if (needs.has('uwsgi-skip-atexit')) lines.push('; Before uWSGI 2.0.30 exit hooks of native extensions can crash a lazy-apps worker as it exits.', 'skip-atexit = true');
  if (needs.has('uwsgi-wsgi-env-holy')) lines.push("; The agent's uWSGI page asks for the holy WSGI environ on uWSGI 2.0.", 'wsgi-env-behavior = holy');
  if (needs.has('multiprocess-dir')) lines.push('; Set PROMETHEUS_MULTIPROC_DIR (in capitals) to an empty folder in the environment that starts uWSGI.');
  return lines;
}

/** The hooks of a Gunicorn config that start one agent in each worker (and clean up after one, when it needs that). */
function gunicornAgentLines(profile: AgentProfile): string[] {
  const needs = new Set(profile.requirements.map((requirement) => requirement.need));
  const start = profile.workerStart;
  const imports = start.filter(isImport);
  const calls = start.filter((line) => line !== '' && !isImport(line));
  const lines =
    start.length > 0
      ? [
          'def post_fork(server, worker):',
          `    # Start ${profile.name} in each worker: a thread started in the master does not survive the fork.`,
          ...imports.map((line) => `    ${line}`),
          ...(imports.length > 0 && calls.length > 0 ? [''] : []),
          ...calls.map((line) => `    ${line}`),
        ]
      : [`# ${profile.name} starts with the app, which loads in each worker (preload_app = False).`];
  if (needs.has('gunicorn-child-exit')) {
    lines.push('', '', 'def child_exit(server, worker):', "    # A dead worker's live gauges go with it.", '    from prometheus_client import multiprocess', '', '    multiprocess.mark_process_dead(worker.pid)');
  }
  if (needs.has('multiprocess-dir')) lines.push('', '', '# Set PROMETHEUS_MULTIPROC_DIR (in capitals) to an empty folder in the environment that starts Gunicorn.');
  return lines;
}

/**
 * The body of a solution's snippet for one agent: a server config's agent lines (from `AGENT_LINES_START` to the
 * end) written for that agent's profile. The snippet as it is serves Tingyun, and any solution of a single agent.
 */
export function agentSnippetBody(solution: DeploymentSolution, snippet: SnippetDefinition, profile: AgentProfile | undefined): string {
  const body = snippetBody(snippet);
  const start = AGENT_LINES_START[solution.id];
  if (!profile || profile.id === 'tingyun' || solution.agents !== 'any' || !start) return body;
  const lines = body.split('\n');
  const from = lines.findIndex((line) => start.test(line));
  const end = lines.lastIndexOf('$0');
  if (from < 0 || end < from) throw new Error(`the snippet "${solution.snippet}" has no agent lines to replace`);
  const agentLines = solution.id === 'uwsgi' ? uwsgiAgentLines(profile) : gunicornAgentLines(profile);
  return [...lines.slice(0, from), ...agentLines.map(literal), ...lines.slice(end)].join('\n');
}
