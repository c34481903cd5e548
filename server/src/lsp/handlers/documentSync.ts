import type { TextDocumentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from '../serverState';

type DocumentEvent = TextDocumentChangeEvent<TextDocument>;

/** `textDocument/didOpen` (as TextDocuments reports it, before the change that carries the text). */
export function documentOpened(state: ServerState, event: DocumentEvent): void {
  state.checks.opened(event.document.uri);
  state.readFromEditor(event.document);
}

/** The document's text changed (or was opened): what read it is forgotten, and the open documents are checked. */
export function documentChanged(state: ServerState, event: DocumentEvent): void {
  // What was computed from the files' texts (the launches, which configs name the agent's config) is computed again.
  state.analyses.forgetReading(event.document.uri, state.workspace);
  state.checks.changed(event.document.uri);
}

/** `textDocument/didClose`: its diagnostics are cleared. */
export function documentClosed(state: ServerState, event: DocumentEvent): void {
  state.readFromDisk(event.document);
  // The file on disk now stands for it: whatever included it is read from there again.
  state.analyses.closed(event.document.uri, state.workspace);
  void state.connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
}
