import { DidChangeConfigurationParams, DidChangeWatchedFilesParams, FileChangeType, WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import { readSettings, readValidationDelay } from '../../features/settings';
import type { ServerState } from '../serverState';
import { folderPaths } from '../uris';

/**
 * Any change to `pydeploy.*` (the client synchronises the section): forget what the folders said, and re-check
 * every open document at once. A client that cannot be asked sends the new settings along.
 */
export function configurationChanged(state: ServerState, change: DidChangeConfigurationParams): void {
  const section: unknown = change.settings;
  const pydeploy = typeof section === 'object' && section !== null && 'pydeploy' in section ? (section as { pydeploy: unknown }).pydeploy : undefined;
  if (pydeploy !== undefined) {
    state.settings.pushed = readSettings(pydeploy);
    state.checks.delay = readValidationDelay(pydeploy);
  }
  state.settings.forget();
  state.analyses.forgetAll();
  state.checks.checkAllNow();
}

/** A folder added to or removed from the workspace: the searches' bounds, the index and the folders' settings follow. */
export function workspaceFoldersChanged(state: ServerState, event: WorkspaceFoldersChangeEvent): void {
  const removed = new Set(event.removed.map((folder) => folder.uri));
  state.settings.folderUris = [...state.settings.folderUris.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)];
  state.roots = folderPaths(state.settings.folderUris);
  state.workspace = state.workspaceOf(state.roots);
  for (const root of state.roots) state.workspace.filesUnder?.(root);
  state.settings.forget();
  state.analyses.forgetAll();
  state.checks.checkAllNow();
}

/**
 * A requirement file, an agent config or an app module changed on disk: the open configs that depend on it are
 * checked again. A created or deleted file changes the index as well.
 */
export function watchedFilesChanged(state: ServerState, params: DidChangeWatchedFilesParams): void {
  if (params.changes.some((change) => change.type !== FileChangeType.Changed)) state.workspace.invalidate();
  else state.workspace.forgetComputed();
  state.analyses.forgetAll();
  state.checks.checkAllNow();
}
