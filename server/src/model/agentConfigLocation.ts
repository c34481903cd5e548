import type { AnalyzedDocument } from './document';
import { NO_WORKSPACE, WorkspaceView, foldersUpward } from './workspace';
import { basename, dirname, resolvePath } from '../text/paths';
import { expandPathMagic, hasExpansion } from './uwsgiConfig';
import type { Range } from '../text/lineIndex';
import { parseIni, sectionsNamed } from '../parse/uwsgiIni';
import { parsePython } from '../parse/gunicornPy';
import { GunicornConfig } from './gunicornConfig';
import { locateInWorkspace, workspaceFiles } from './workspaceFiles';

/**
 * Where the APM agent's config file of a deployment is: the path a server config's environment names
 * (`TING_YUN_CONFIG_FILE`, `NEW_RELIC_CONFIG_FILE`), else a file named like one near the config. Found by reading
 * files through the WorkspaceView; no Python code is ever run.
 */

/** The variable the agent reads its config file's path from. */
export const AGENT_CONFIG_VARIABLE = 'TING_YUN_CONFIG_FILE';

/** The variables each agent reads its config file's path from, with the kind of file that makes it. */
export const CONFIG_FILE_VARIABLES: ReadonlyArray<{ variable: string; kind: 'agent-ini' | 'newrelic-ini' }> = [
  { variable: AGENT_CONFIG_VARIABLE, kind: 'agent-ini' },
  { variable: 'NEW_RELIC_CONFIG_FILE', kind: 'newrelic-ini' },
];

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
