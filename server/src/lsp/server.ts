import type { Connection } from 'vscode-languageserver/node';
import type { Locale } from '../l10n/locale';
import { agentStatus, projectAgents } from './handlers/agentRequests';
import { codeActions } from './handlers/codeActions';
import { completion } from './handlers/completion';
import { definition } from './handlers/definition';
import { documentChanged, documentClosed, documentOpened } from './handlers/documentSync';
import { documentSymbols } from './handlers/documentSymbols';
import { hover } from './handlers/hover';
import { rulePage } from './handlers/rulePage';
import { initialize, initialized } from './handlers/lifecycle';
import { configurationChanged, watchedFilesChanged } from './handlers/workspaceChanges';
import { AGENT_STATUS_REQUEST, PROJECT_AGENTS_REQUEST, RULE_PAGE_REQUEST } from './requests';
import { ServerState } from './serverState';

export interface ServerOptions {
  /** The URI of a rule's documentation page, which each diagnostic links to (when the client shows such links). */
  rulePageUri?: (ruleId: string, locale: Locale) => string;
}

/** Wires the analysis core to an LSP connection: documents in, diagnostics, code actions and hovers out. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const state = new ServerState(connection, options);
  connection.onInitialize((params) => initialize(state, params));
  connection.onInitialized(() => initialized(state));
  connection.onDidChangeConfiguration((change) => configurationChanged(state, change));
  connection.onDidChangeWatchedFiles((params) => watchedFilesChanged(state, params));
  connection.onCodeAction((params) => codeActions(state, params));
  connection.onHover((params) => hover(state, params));
  connection.onDefinition((params) => definition(state, params));
  connection.onCompletion((params) => completion(state, params));
  connection.onDocumentSymbol((params) => documentSymbols(state, params));
  connection.onRequest(AGENT_STATUS_REQUEST, (params: unknown) => agentStatus(state, params));
  connection.onRequest(PROJECT_AGENTS_REQUEST, (params: unknown) => projectAgents(state, params));
  connection.onRequest(RULE_PAGE_REQUEST, (params: unknown) => rulePage(params));
  state.documents.onDidOpen((event) => documentOpened(state, event));
  state.documents.onDidChangeContent((event) => documentChanged(state, event));
  state.documents.onDidClose((event) => documentClosed(state, event));
  state.documents.listen(connection);
  connection.listen();
}
