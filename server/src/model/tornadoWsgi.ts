import type { DocumentOfKind } from './document';
import { basename } from '../text/paths';
import type { Range } from '../text/lineIndex';
import { appReference } from './appReference';
import { ScannedModule, appModulesOf } from './appModules';

/**
 * A Tornado app served through a WSGI server, or a WSGI app served by Tornado, as a static scan of the app's modules
 * shows it (the agent's deployment page's solutions B and C).
 */

/** What the scan of an app module (and the local modules it imports) shows about Tornado. */
export interface TornadoUse {
  /** `tornado.wsgi.WSGIAdapter`: a Tornado app served as a WSGI app (the page's solution B). */
  wsgiAdapter: boolean;
  /** `tornado.wsgi.WSGIContainer`: a WSGI app served by Tornado (solution C). */
  wsgiContainer: boolean;
  /** A `tornado.web.Application` is built: a native Tornado app. */
  tornadoApplication: boolean;
  /** The files read, the app module first. */
  files: string[];
}

/** What the app's modules (app module first) show of Tornado's WSGI bridges. */
function tornadoUseIn(modules: readonly ScannedModule[]): TornadoUse {
  const use: TornadoUse = { wsgiAdapter: false, wsgiContainer: false, tornadoApplication: false, files: [] };
  for (const { path, code } of modules) {
    use.files.push(path);
    const mentionsTornadoWsgi = /\btornado\.wsgi\b/.test(code);
    if (mentionsTornadoWsgi && /\bWSGIAdapter\b/.test(code)) use.wsgiAdapter = true;
    if (mentionsTornadoWsgi && /\bWSGIContainer\b/.test(code)) use.wsgiContainer = true;
    if (/\btornado\.web\b/.test(code) && /\bApplication\b/.test(code)) use.tornadoApplication = true;
  }
  return use;
}

/** How a server config runs Tornado together with WSGI, as the agent's deployment page describes it. */
export interface TornadoWsgiDeployment {
  solution: 'B' | 'C';
  /** What was seen, as the start of the message (a capitalised clause). */
  evidence: string;
  appFile: string;
  range: Range;
}

/** Whether a Gunicorn config runs its app in the `tornado` worker. */
function runsTornadoWorker(document: DocumentOfKind<'gunicorn-py'>): Range | undefined {
  const state = document.gunicorn.state('worker_class');
  if (state.state !== 'literal' || state.value.kind !== 'str') return undefined;
  const name = state.value.value.trim();
  return name === 'tornado' || /gtornado\.TornadoWorker$/.test(name) ? state.value.range : undefined;
}

/**
 * Finds a Tornado app served through WSGI: a uWSGI or Gunicorn app module that wraps a Tornado app in
 * `WSGIAdapter` (B), or Gunicorn's `tornado` worker serving a WSGI app, which it wraps in `WSGIContainer` (C).
 * Undefined when the app module is not in the workspace, or it is a native Tornado app.
 */
export function tornadoWsgiDeployment(document: DocumentOfKind<'uwsgi-ini' | 'gunicorn-py'>): TornadoWsgiDeployment | undefined {
  const modules = appModulesOf(document);
  const path = modules?.[0]?.path;
  // Without the app's modules there is nothing to judge: the app's reference (a scan of its options) is not read.
  if (!modules || path === undefined) return undefined;
  const app = appReference(document, document.workspace);
  if (!app) return undefined;
  const use = tornadoUseIn(modules);
  const shown = basename(path);
  const worker = document.kind === 'gunicorn-py' ? runsTornadoWorker(document) : undefined;
  if (worker) {
    if (use.wsgiContainer) return { solution: 'C', evidence: `Gunicorn's \`tornado\` worker runs a WSGI app through \`WSGIContainer\` (${shown})`, appFile: path, range: worker };
    if (use.wsgiAdapter || !use.tornadoApplication) {
      return { solution: 'C', evidence: `Gunicorn's \`tornado\` worker wraps the WSGI app of ${shown} in \`WSGIContainer\``, appFile: path, range: worker };
    }
    return undefined;
  }
  if (use.wsgiAdapter) return { solution: 'B', evidence: `The app module ${shown} serves a Tornado app through \`WSGIAdapter\``, appFile: path, range: app.range };
  if (use.wsgiContainer) return { solution: 'C', evidence: `The app module ${shown} runs a WSGI app in Tornado's \`WSGIContainer\``, appFile: path, range: app.range };
  return undefined;
}
