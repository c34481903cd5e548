import type { AnalyzedDocument, DocumentOfKind } from './document';
import { NO_WORKSPACE, WorkspaceView, foldersUpward } from './workspace';
import { basename, dirname, resolvePath } from '../text/paths';
import { expandPathMagic, hasExpansion } from './uwsgiConfig';
import type { Range } from '../text/lineIndex';
import { parseIni, sectionsNamed } from '../parse/uwsgiIni';
import { parsePython } from '../parse/gunicornPy';
import { GunicornConfig } from './gunicornConfig';
import { ScannedModule, appModulesOf } from './appModules';

/**
 * The workspace seen as one deployment: which files of a workspace folder pydeploy reads, where a server
 * config says the agent's config file is, and which Python module it serves. Everything is found by reading
 * files through the WorkspaceView; no Python code is ever run.
 */

/** The variable the agent reads its config file's path from. */
export const AGENT_CONFIG_VARIABLE = 'TING_YUN_CONFIG_FILE';

/** The variables each agent reads its config file's path from, with the kind of file that makes it. */
export const CONFIG_FILE_VARIABLES: ReadonlyArray<{ variable: string; kind: 'agent-ini' | 'newrelic-ini' }> = [
  { variable: AGENT_CONFIG_VARIABLE, kind: 'agent-ini' },
  { variable: 'NEW_RELIC_CONFIG_FILE', kind: 'newrelic-ini' },
];

/** Folders no project keeps its deployment files in, and that can be huge. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.tox', '.nox', '.venv', 'venv', 'site-packages', '.mypy_cache', '.pytest_cache']);

const WALK_LIMIT = 20_000;

/**
 * The files under a workspace folder, from the shell's index when it keeps one, else by walking the folder
 * through the view (bounded, skipping virtual environments and tool folders).
 */
export function workspaceFiles(workspace: WorkspaceView, root: string): readonly string[] {
  const indexed = workspace.filesUnder?.(root);
  if (indexed) return indexed;
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    const names = workspace.listFolder(folder);
    if (!names || depth > 12) return;
    for (const name of [...names].sort()) {
      if (found.length >= WALK_LIMIT) return;
      const path = `${folder === '/' ? '' : folder}/${name}`;
      if (SKIPPED_FOLDERS.has(name)) continue;
      const inner = workspace.listFolder(path);
      if (inner !== undefined) {
        if (!inner.includes('pyvenv.cfg')) walk(path, depth + 1);
      } else found.push(path);
    }
  };
  walk(root, 0);
  return found;
}

/**
 * Finds a file a config names in the workspace: as written (absolute, or relative to each of `folders`), then, for
 * an absolute path of the deployment machine (`/srv/app/tingyun.ini`), by its trailing parts under the workspace
 * root (`<root>/app/tingyun.ini`, `<root>/tingyun.ini`).
 */
export function locateInWorkspace(workspace: WorkspaceView, root: string, target: string, folders: readonly string[]): string | undefined {
  const candidates = target.startsWith('/') ? [resolvePath('/', target)] : folders.map((folder) => resolvePath(folder, target));
  if (target.startsWith('/')) {
    const parts = target.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) candidates.push(resolvePath(root, parts.slice(i).join('/')));
  }
  return candidates.find((path) => workspace.readFile(path) !== undefined);
}

/** Where a server config sets the agent's config path, as written, and the folders a relative path is read from. */
export interface AgentConfigReference {
  /** The path after the config's own expansions; undefined when it depends on the machine (`$(HOME)`, ...). */
  target?: string;
  range: Range;
  folders: string[];
}

/** The `TING_YUN_CONFIG_FILE=...` (or another variable's) a uWSGI `env` line or a Gunicorn `raw_env` entry sets, if any. */
export function agentConfigReference(document: AnalyzedDocument, variable = AGENT_CONFIG_VARIABLE): AgentConfigReference | undefined {
  const prefix = `${variable}=`;
  if (document.kind === 'uwsgi-ini') {
    const config = document.uwsgi;
    const option = config.all('env').filter((candidate) => candidate.entry.value.startsWith(prefix)).pop();
    if (!option) return undefined;
    let value = option.entry.value.slice(prefix.length).trim();
    value = config.expandPath(value, option.source.path);
    const chdir = config.last('chdir')?.entry.value;
    const folders = [...(chdir && !hasExpansion(chdir) ? [resolvePath(dirname(document.path), chdir)] : []), dirname(document.path)];
    return { target: hasExpansion(value) ? undefined : value, range: option.local ? option.entry.valueRange : config.anchor, folders };
  }
  if (document.kind === 'gunicorn-py') {
    const state = document.gunicorn.state('raw_env');
    if (state.state !== 'literal') return undefined;
    const items = state.value.kind === 'list' || state.value.kind === 'tuple' ? state.value.items : [state.value];
    const item = items.filter((candidate) => candidate.kind === 'str' && candidate.value.startsWith(prefix)).pop();
    if (!item || item.kind !== 'str') return undefined;
    const chdir = document.gunicorn.effective('chdir');
    const folders = [...(chdir?.kind === 'str' ? [resolvePath(dirname(document.path), chdir.value)] : []), dirname(document.path)];
    return { target: item.value.slice(prefix.length).trim(), range: item.range, folders };
  }
  return undefined;
}

export type AgentConfigLocation =
  | { status: 'found'; path: string; text: string; named: boolean; reference?: AgentConfigReference }
  /** The config names a file the workspace does not hold (it lives on the servers), or a path only known at run time. */
  | { status: 'elsewhere'; reference: AgentConfigReference }
  | { status: 'none' };

/** Whether a file name is one the agent's config is usually given: `tingyun.ini`, `tingyun-prod.ini`, ... */
export function isAgentConfigName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('tingyun') && lower.endsWith('.ini');
}

/** Whether a file name is one New Relic's config is usually given: `newrelic.ini`, `newrelic-staging.ini`, ... */
export function isNewRelicConfigName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('newrelic') && lower.endsWith('.ini');
}

/**
 * The agent config a server config's app would read: the file its environment names, else the nearest
 * `tingyun*.ini` from the config's folder up to the workspace folder, else the only one in the workspace folder.
 */
export function locateAgentConfig(document: AnalyzedDocument, workspace: WorkspaceView): AgentConfigLocation {
  const root = workspace.rootOf(document.path);
  const reference = agentConfigReference(document);
  if (reference) {
    if (reference.target === undefined) return { status: 'elsewhere', reference };
    const path = locateInWorkspace(workspace, root, reference.target, [...reference.folders, root]);
    const text = path === undefined ? undefined : workspace.readFile(path);
    return path !== undefined && text !== undefined ? { status: 'found', path, text, named: true, reference } : { status: 'elsewhere', reference };
  }
  for (const folder of foldersUpward(workspace, document.path)) {
    const name = (workspace.listFolder(folder) ?? []).filter(isAgentConfigName).sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
    if (!name) continue;
    const path = `${folder === '/' ? '' : folder}/${name}`;
    const text = workspace.readFile(path);
    if (text !== undefined) return { status: 'found', path, text, named: false };
  }
  const everywhere = workspaceFiles(workspace, root).filter((path) => isAgentConfigName(basename(path)));
  if (everywhere.length === 1) {
    const text = workspace.readFile(everywhere[0]);
    if (text !== undefined) return { status: 'found', path: everywhere[0], text, named: false };
  }
  return { status: 'none' };
}

/**
 * The files that the server configs of a workspace folder name through `TING_YUN_CONFIG_FILE` or
 * `NEW_RELIC_CONFIG_FILE`, with the kind that makes them: they are agent configs whatever their name.
 * `isServerConfig` tells which files to read (the shells' file-kind detection).
 */
export function namedAgentConfigs(
  workspace: WorkspaceView,
  root: string,
  isServerConfig: (path: string, text: string) => 'uwsgi-ini' | 'gunicorn-py' | undefined,
): Map<string, 'agent-ini' | 'newrelic-ini'> {
  const named = new Map<string, 'agent-ini' | 'newrelic-ini'>();
  for (const path of workspaceFiles(workspace, root)) {
    // Only files that can be server configs by name are read: any `.ini` (uWSGI's section can be in any) and `gunicorn*.py`.
    const name = basename(path).toLowerCase();
    if (!name.endsWith('.ini') && !(name.startsWith('gunicorn') && name.endsWith('.py'))) continue;
    const text = workspace.readFile(path);
    const variables = text === undefined ? [] : CONFIG_FILE_VARIABLES.filter(({ variable }) => text.includes(variable));
    if (text === undefined || variables.length === 0) continue;
    const kind = isServerConfig(path, text);
    for (const { variable, kind: namedKind } of variables) {
      const reference = kind === 'uwsgi-ini' ? uwsgiReference(path, text, variable) : kind === 'gunicorn-py' ? gunicornReference(path, text, variable) : undefined;
      if (!reference?.target) continue;
      const found = locateInWorkspace(workspace, root, reference.target, [...reference.folders, root]);
      if (found && !named.has(found)) named.set(found, namedKind);
    }
  }
  return named;
}

function uwsgiReference(path: string, text: string, variable: string): AgentConfigReference | undefined {
  // A light reading: the `env` lines of the file's own [uwsgi] sections (includes are not followed here).
  const document = parseIni(text);
  const prefix = `${variable}=`;
  const entry = sectionsNamed(document, 'uwsgi').flatMap((section) => section.entries).filter((candidate) => candidate.key === 'env' && candidate.value.startsWith(prefix)).pop();
  if (!entry) return undefined;
  const value = expandPathMagic(entry.value.slice(prefix.length).trim(), path, 'uwsgi');
  return { target: hasExpansion(value) ? undefined : value, range: entry.valueRange, folders: [dirname(path)] };
}

function gunicornReference(path: string, text: string, variable: string): AgentConfigReference | undefined {
  const config = new GunicornConfig(parsePython(text));
  return agentConfigReference({ kind: 'gunicorn-py', path, text, gunicorn: config, workspace: NO_WORKSPACE }, variable);
}

// ---------------------------------------------------------------------------------------------------------
// The Python module a server serves, and what a static scan of it shows.

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
