import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  DefinitionParams,
  Location,
  CompletionItem,
  CompletionItemKind,
  CompletionParams,
  Connection,
  DocumentSymbol,
  DocumentSymbolParams,
  SymbolKind,
  Diagnostic,
  DiagnosticSeverity,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
  InsertTextFormat,
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  TextDocumentSyncKind,
  TextDocuments,
  WorkspaceEdit,
  FileChangeType,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AnalysisSettings, analyze } from '../features/analysis';
import { readSettings } from '../features/settings';
import { definitionAt } from '../features/navigation';
import { FIX_ALL_KIND, PydeployCodeAction, fixAll, quickFixes } from '../features/codeActions';
import { PydeployDiagnostic, diagnosticsOf } from '../features/diagnostics';
import { hoverAt } from '../features/hover';
import { NO_WORKSPACE } from '../model/workspace';
import { IndexedWorkspace, corePath, fileWorkspace } from '../node/fileWorkspace';
import type { FileEdits } from '../features/changes';
import { completionsAt } from '../features/completion';
import { PydeploySymbol, documentSymbols } from '../features/symbols';
import type { Severity } from '../rules/types';
import type { TextEdit } from '../text/edits';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The file path part of a document URI; the analysis core decides by name and content, not by URI scheme. */
function pathOf(uri: string): string {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(withoutQuery.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));
  } catch {
    return withoutQuery;
  }
}

/**
 * The absolute, `/`-separated path the analysis core speaks for a `file:` URI (the same form the CLI
 * gives it), or undefined for any other scheme: only files on disk have includes and requirement files
 * around them to read.
 */
function filePathOf(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    return corePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** The folders of the workspace, which bound the searches for included configs and requirement files. */
function workspaceRoots(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const roots = uris.map(filePathOf).filter((path): path is string => path !== undefined);
  if (roots.length === 0 && params.rootPath) roots.push(corePath(params.rootPath));
  return roots;
}

function toLspDiagnostic(diagnostic: PydeployDiagnostic, uri: string): Diagnostic {
  return {
    range: diagnostic.range,
    severity: LSP_SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: diagnostic.source,
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.map((related) => ({ location: { uri, range: related.range }, message: related.message })),
  };
}

/** The `gunicornConfigFiles` list of a settings object, keeping only strings. */
/** Wires the analysis core to an LSP connection: documents in, diagnostics, code actions and hovers out. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let versionedEdits = false;

  /** Open documents answer before the disk, so an unsaved included file counts as the editor shows it. */
  const openText = (path: string): string | undefined => documents.all().find((document) => filePathOf(document.uri) === path)?.getText();
  let workspace: IndexedWorkspace = fileWorkspace([], openText);
  let roots: string[] = [];
  let settings: AnalysisSettings = {};

  // Files on disk are read with the workspace around them, as `pydeploy check` reads them; other schemes
  // (untitled:, git:, ...) are checked on their own text.
  const analysisOf = (document: TextDocument) => {
    const path = filePathOf(document.uri);
    return path !== undefined ? analyze(path, document.getText(), settings, workspace) : analyze(pathOf(document.uri), document.getText(), settings, NO_WORKSPACE);
  };

  // A config's findings depend on the files around it (includes, pinned versions), so any change to one
  // re-checks every open document; the analysis is fast enough for that.
  const validateAll = (): void => documents.all().forEach(validate);

  const validate = (document: TextDocument): void => {
    const analysis = analysisOf(document);
    const diagnostics = analysis ? diagnosticsOf(analysis).map((diagnostic) => toLspDiagnostic(diagnostic, document.uri)) : [];
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  /**
   * The edit of a fix: the document's own edits, and those of other files (the agent's config) when the fix reaches
   * there. Another file open in the editor is versioned like the document; one that is not is edited on disk (null).
   */
  const workspaceEdit = (document: TextDocument, edits: TextEdit[], others: FileEdits[] = []): WorkspaceEdit => {
    const targets = [
      ...(edits.length > 0 || others.length === 0 ? [{ uri: document.uri, version: document.version as number | null, edits }] : []),
      ...others.map((other) => {
        const open = documents.all().find((candidate) => filePathOf(candidate.uri) === other.path);
        return { uri: open?.uri ?? pathToFileURL(other.path).href, version: open ? open.version : null, edits: other.edits };
      }),
    ];
    return versionedEdits
      ? { documentChanges: targets.map((target) => TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(target.uri, target.version), target.edits)) }
      : { changes: Object.fromEntries(targets.map((target) => [target.uri, target.edits])) };
  };

  const toLspAction = (document: TextDocument, action: PydeployCodeAction): CodeAction => ({
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : action.kind,
    isPreferred: action.isPreferred || undefined,
    diagnostics: action.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, document.uri)),
    edit: workspaceEdit(document, action.edits, action.otherEdits),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // A versioned edit is refused by the editor once the file has changed, so a stale fix can't add a line twice.
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    roots = workspaceRoots(params);
    workspace = fileWorkspace(roots, openText);
    settings = readSettings(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { triggerCharacters: ['"', "'", '(', '='] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'pydeploy' },
    };
  });

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document && analysisOf(document);
    if (!document || !analysis) return [];
    const wants = (kind: string) => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const seen = new Set<string>();
      for (const at of [params.range, ...params.context.diagnostics.map((diagnostic) => diagnostic.range)]) {
        for (const action of quickFixes(analysis, at)) {
          const key = `${action.title}@${JSON.stringify(action.diagnostics[0]?.range)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          actions.push(toLspAction(document, action));
        }
      }
    }
    if (wants(FIX_ALL_KIND)) {
      const all = fixAll(analysis);
      if (all) actions.push(toLspAction(document, all));
    }
    return actions;
  });

  connection.onHover((params: HoverParams): Hover | null => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document && analysisOf(document);
    const hover = analysis && hoverAt(analysis.document, params.position);
    return hover ? { contents: { kind: 'markdown', value: hover.contents }, range: hover.range } : null;
  });

  connection.onCompletion((params: CompletionParams): CompletionItem[] => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document && analysisOf(document);
    if (!analysis) return [];
    return completionsAt(analysis.document, params.position).map((completion) => ({
      label: completion.label,
      kind: completion.kind === 'value' ? CompletionItemKind.EnumMember : completion.kind === 'hook' ? CompletionItemKind.Function : CompletionItemKind.Property,
      detail: completion.detail,
      documentation: completion.documentation ? { kind: 'markdown', value: completion.documentation } : undefined,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: completion.range, newText: completion.insertText ?? completion.label },
      filterText: completion.label,
    }));
  });

  connection.onDocumentSymbol((params: DocumentSymbolParams): DocumentSymbol[] => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document && analysisOf(document);
    if (!analysis) return [];
    const kinds: Record<PydeploySymbol['kind'], SymbolKind> = {
      section: SymbolKind.Namespace,
      option: SymbolKind.Property,
      setting: SymbolKind.Property,
      hook: SymbolKind.Event,
      variable: SymbolKind.Variable,
      function: SymbolKind.Function,
    };
    const toLsp = (symbol: PydeploySymbol): DocumentSymbol => ({
      name: symbol.name,
      detail: symbol.detail,
      kind: kinds[symbol.kind],
      range: symbol.range,
      selectionRange: symbol.selectionRange,
      children: symbol.children?.map(toLsp),
    });
    return documentSymbols(analysis.document).map(toLsp);
  });

  // `pydeploy.gunicornConfigFiles`: sent at start and whenever the user changes it (the client synchronises `pydeploy`).
  connection.onDidChangeConfiguration((change) => {
    const section: unknown = change.settings;
    const pydeploy = typeof section === 'object' && section !== null && 'pydeploy' in section ? (section as { pydeploy: unknown }).pydeploy : undefined;
    settings = readSettings(pydeploy);
    validateAll();
  });

  // The deployment is the whole workspace: index each folder's files once the editor is ready, so that the first
  // check of a config does not wait for the walk; each folder of a multi-root workspace is indexed on its own.
  connection.onInitialized(() => {
    for (const root of roots) workspace.filesUnder?.(root);
  });

  // A requirement file, an agent config or an app module changed on disk: the open configs that depend on it are
  // checked again. A created or deleted file changes the index as well.
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => change.type !== FileChangeType.Changed)) workspace.invalidate();
    validateAll();
  });

  connection.onDefinition((params: DefinitionParams): Location | null => {
    const document = documents.get(params.textDocument.uri);
    const analysis = document && analysisOf(document);
    const target = analysis && definitionAt(analysis.document, params.position);
    return target ? { uri: pathToFileURL(target.path).href, range: target.range } : null;
  });

  documents.onDidChangeContent(() => validateAll());
  documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  documents.listen(connection);
  connection.listen();
}
