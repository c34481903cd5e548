import { CodeActionKind, InitializeParams, InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { FIX_ALL_KIND } from '../../features/codeActions';
import { readSettings, readValidationDelay } from '../../features/settings';
import { localeOfTag } from '../../l10n/locale';
import type { ServerState } from '../serverState';
import { workspaceFolderUris, workspaceRoots } from '../uris';
import { workspaceFoldersChanged } from './workspaceChanges';

/** `initialize`: what the client can do, its workspace and settings in; what the server offers out. */
export function initialize(state: ServerState, params: InitializeParams): InitializeResult {
  // A versioned edit is refused by the editor once the file has changed, so a stale fix can't add a line twice.
  state.versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  state.linksRulePages = params.capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true;
  state.locale = localeOfTag(params.locale) ?? 'en';
  state.roots = workspaceRoots(params);
  state.workspace = state.workspaceOf(state.roots);
  state.settings.pushed = readSettings(params.initializationOptions);
  state.checks.delay = readValidationDelay(params.initializationOptions);
  state.settings.pullConfiguration = params.capabilities.workspace?.configuration === true;
  state.settings.folderUris = workspaceFolderUris(params);
  state.followsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
  return {
    capabilities: {
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      definitionProvider: true,
      completionProvider: { triggerCharacters: ['"', "'", '(', '='] },
      documentSymbolProvider: true,
    },
    serverInfo: { name: 'pydeploy' },
  };
}

/**
 * `initialized`. The deployment is the whole workspace: index each folder's files once the editor is ready, so that the
 * first check of a config does not wait for the walk; each folder of a multi-root workspace is indexed on its own.
 */
export function initialized(state: ServerState): void {
  for (const root of state.roots) state.workspace.filesUnder?.(root);
  // A folder added to or removed from the workspace later bounds the searches, is indexed and has settings of its own.
  if (state.followsFolderChanges) state.connection.workspace.onDidChangeWorkspaceFolders((event) => workspaceFoldersChanged(state, event));
}
