import type { AnalyzedDocument } from './document';
import type { WorkspaceView } from './workspace';
import { dirname, resolvePath } from '../text/paths';
import { hasExpansion } from './uwsgiConfig';
import type { Range } from '../text/lineIndex';
import { locateInWorkspace } from './workspaceFiles';

/**
 * The Python app a server config loads (uWSGI's `module`, `wsgi-file`, ..., Gunicorn's `wsgi_app` or command line),
 * and the workspace file of a dotted module. Found by reading files through the WorkspaceView; nothing is run.
 */

/** What a server config says about the app it loads: a dotted module or a file, and where Python looks. */
export interface AppReference {
  module?: string;
  file?: string;
  /** Folders Python would search: chdir, pythonpath, the config's folder, the workspace folder. */
  folders: string[];
  range: Range;
}

/** The uWSGI options that name the app to load, as appReference reads them. */
const APP_LOADING_KEYS = new Set(['module', 'wsgi', 'wsgi-file', 'file', 'mount']);

/** The app a uWSGI config (`module`, `wsgi`, `wsgi-file`, `file`, `mount`) or a Gunicorn config (`wsgi_app`) loads. */
export function appReference(document: AnalyzedDocument, workspace: WorkspaceView): AppReference | undefined {
  const root = workspace.rootOf(document.path);
  const base = dirname(document.path);
  if (document.kind === 'uwsgi-ini') {
    const config = document.uwsgi;
    // A long config repeats a few `pythonpath` values many times: each distinct value is expanded once.
    const expandedFolders = new Map<string, string[]>();
    const folder = (value: string | undefined): string[] => {
      if (!value) return [];
      let found = expandedFolders.get(value);
      if (!found) {
        const expanded = config.expandPath(value, document.path);
        found = expanded && !hasExpansion(expanded) ? [resolvePath(base, expanded)] : [];
        expandedFolders.set(value, found);
      }
      return found;
    };
    const chdir = folder(config.last('chdir')?.entry.value);
    const pythonpath = config.all('pythonpath').flatMap((option) => folder(option.entry.value));
    const folders = [...chdir, ...pythonpath, base, root];
    // The last line that loads an app; only those are expanded (a long config is mostly other options).
    for (let at = config.options.length - 1; at >= 0; at--) {
      const option = config.options[at];
      const { key } = option.entry;
      if (!APP_LOADING_KEYS.has(key)) continue;
      const value = config.expandPath(option.entry.value, option.source.path);
      if (hasExpansion(value)) continue;
      const range = option.local ? option.entry.valueRange : config.anchor;
      if (key === 'module' || key === 'wsgi') return { module: value.split(':')[0].trim(), folders, range };
      if (key === 'wsgi-file' || key === 'file') return { file: value.trim(), folders, range };
      if (key === 'mount') {
        const app = value.slice(value.indexOf('=') + 1).trim();
        return /\.py$/.test(app) ? { file: app, folders, range } : { module: app.split(':')[0], folders, range };
      }
    }
    return undefined;
  }
  if (document.kind === 'gunicorn-py') {
    const state = document.gunicorn.state('wsgi_app');
    // The app the command line names (`gunicorn app.wsgi:application`) when no `wsgi_app` is set.
    const named = document.gunicorn.launch?.appModule;
    const app = state.state === 'literal' && state.value.kind === 'str' ? state.value : named && !named.opaque ? { value: named.value, range: named.range } : undefined;
    if (!app) return undefined;
    const chdir = document.gunicorn.effective('chdir');
    const pythonpath = document.gunicorn.effective('pythonpath');
    const folders = [
      ...(chdir?.kind === 'str' ? [resolvePath(base, chdir.value)] : []),
      ...(pythonpath?.kind === 'str' ? pythonpath.value.split(',').map((entry) => resolvePath(base, entry.trim())) : []),
      base,
      root,
    ];
    return { module: app.value.split(':')[0].trim(), folders, range: app.range };
  }
  return undefined;
}

/** The workspace file of a dotted module (`pkg/mod.py` or `pkg/mod/__init__.py`) under the first folder that has it. */
export function locateModule(workspace: WorkspaceView, root: string, module: string, folders: readonly string[]): string | undefined {
  if (!/^[A-Za-z_][\w.]*$/.test(module)) return undefined;
  const relative = module.split('.').join('/');
  for (const candidate of [`${relative}.py`, `${relative}/__init__.py`]) {
    const found = locateInWorkspace(workspace, root, candidate, folders);
    if (found) return found;
  }
  // A chdir of the deployment machine (`/srv/app`): try the module under the workspace's folders by suffix.
  for (const candidate of [`${relative}.py`, `${relative}/__init__.py`]) {
    for (const folder of folders) {
      const found = locateInWorkspace(workspace, root, `${folder}/${candidate}`, []);
      if (found) return found;
    }
  }
  return undefined;
}
