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
}

export const DEPLOYMENT_SOLUTIONS: readonly DeploymentSolution[] = [
  {
    id: 'uwsgi',
    label: () => l10n.t('uWSGI (uwsgi.ini)'),
    snippetFile: 'uwsgi-ini.json',
    snippet: 'uWSGI: agent-ready [uwsgi] section',
    language: 'uwsgi-ini',
    fileName: 'uwsgi.ini',
  },
  {
    id: 'gunicorn',
    label: () => l10n.t('Gunicorn with async workers (gunicorn.conf.py)'),
    snippetFile: 'python.json',
    snippet: 'Gunicorn: agent-ready gunicorn.conf.py (async workers)',
    language: 'python',
    fileName: 'gunicorn.conf.py',
  },
  {
    id: 'gevent',
    label: () => l10n.t('Gevent single-process server (app.py)'),
    snippetFile: 'python.json',
    snippet: 'Gevent: single-process WSGI server script',
    language: 'python',
    fileName: 'app.py',
  },
  {
    id: 'tornado',
    label: () => l10n.t('Tornado native app (A)'),
    snippetFile: 'python.json',
    snippet: "Tornado: native app on Tornado's HTTP server (A)",
    language: 'python',
    fileName: 'app.py',
  },
  {
    id: 'tornado-wsgi-container',
    label: () => l10n.t("Tornado hosting a WSGI app: WSGIContainer (B)"),
    snippetFile: 'python.json',
    snippet: "Tornado: WSGI app on Tornado's HTTP server, WSGIContainer (B)",
    language: 'python',
    fileName: 'app.py',
  },
  {
    id: 'tornado-wsgi-adapter',
    label: () => l10n.t('WSGI server hosting a Tornado app: WSGIAdapter (C)'),
    snippetFile: 'python.json',
    snippet: 'Tornado: Tornado app on a WSGI server, WSGIAdapter (C)',
    language: 'python',
    fileName: 'app.py',
  },
  {
    id: 'agent',
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
