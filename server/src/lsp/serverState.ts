import { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../features/analysis';
import type { PydeployDiagnostic } from '../features/diagnostics';
import type { Locale } from '../l10n/locale';
import { IndexedWorkspace, fileWorkspace } from '../node/fileWorkspace';
import { AnalysisCache } from './analysisCache';
import { DocumentChecks } from './documentChecks';
import { FolderSettings } from './folderSettings';
import { toLspDiagnostic } from './lspDiagnostic';
import type { ServerOptions } from './server';
import { filePathOf } from './uris';

/**
 * What the server knows: the client's abilities and language, the open documents, the workspace's files and indexes,
 * the settings of each folder, and the analyses kept with what each read. The handlers read and change it.
 */
export class ServerState {
  readonly documents = new TextDocuments(TextDocument);
  /** Whether the client takes versioned edits (`documentChanges`), which it refuses once the file has changed. */
  versionedEdits = false;
  /** Whether the client shows a diagnostic's link (`codeDescription`) to its rule's page. */
  linksRulePages = false;
  /** The client's display language (`initialize`'s `locale`): every text the server sends is in it. */
  locale: Locale = 'en';
  /** The open `file:` documents by path, kept on open and close: every file the analysis reads is looked up here. */
  private readonly openByPath = new Map<string, TextDocument>();
  workspace: IndexedWorkspace;
  /** The workspace folders on disk, which bound the searches and are indexed each on its own. */
  roots: string[] = [];
  /** Whether the client tells of workspace folders added and removed. */
  followsFolderChanges = false;
  readonly settings: FolderSettings;
  readonly analyses = new AnalysisCache();
  readonly checks: DocumentChecks;

  constructor(
    readonly connection: Connection,
    private readonly options: ServerOptions,
  ) {
    this.workspace = this.workspaceOf([]);
    this.settings = new FolderSettings(connection);
    this.checks = new DocumentChecks(this);
  }

  /**
   * The workspace of these folders. Open documents answer before the disk, so an unsaved included file counts as the
   * editor shows it.
   */
  workspaceOf(roots: readonly string[]): IndexedWorkspace {
    return fileWorkspace(roots, (path) => this.openByPath.get(path)?.getText());
  }

  /** An opened document: the workspace reads its path from the editor's text. */
  readFromEditor(document: TextDocument): void {
    const path = filePathOf(document.uri);
    if (path !== undefined) this.openByPath.set(path, document);
  }

  /** A closed document: the workspace reads its path from the disk again. */
  readFromDisk(document: TextDocument): void {
    const path = filePathOf(document.uri);
    if (path !== undefined && this.openByPath.get(path) === document) this.openByPath.delete(path);
  }

  /** The analysis of an open document with its folder's settings, for the requests. */
  async analysisFor(uri: string): Promise<{ document: TextDocument; analysis: Analysis | undefined } | undefined> {
    const settings = await this.settings.for(uri);
    const document = this.documents.get(uri);
    if (!document) return undefined;
    // The editor shows it: its analyses are kept for the next requests, until it is closed.
    this.analyses.noteAskedAbout(uri);
    return { document, analysis: this.analyses.analysisOf(document, settings, this.workspace) };
  }

  /** A finding as the client gets it, linked to its rule's page when the client shows such links. */
  lspDiagnostic(diagnostic: PydeployDiagnostic, uri: string): Diagnostic {
    return toLspDiagnostic(diagnostic, uri, this.linksRulePages ? this.options.rulePageUri?.(diagnostic.code, this.locale) : undefined);
  }
}
