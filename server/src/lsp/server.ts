import {
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  FileChangeType,
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
  ErrorCodes,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
  InsertTextFormat,
  OptionalVersionedTextDocumentIdentifier,
  Position,
  ResponseError,
  TextDocumentEdit,
  TextDocumentSyncKind,
  TextDocuments,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Analysis, AnalysisSettings, analyze } from '../features/analysis';
import { effectiveSettings, readSettings, readValidationDelay } from '../features/settings';
import { AgentStatus, ProjectAgent, agentStatus, projectAgents } from '../features/agentReadiness';
import { AGENT_STATUS_REQUEST, PROJECT_AGENTS_REQUEST, RULE_PAGE_REQUEST } from './requests';
import { rulePageAt } from '../features/rulePageText';
import { RULES } from '../rules/registry';
import { definitionAt } from '../features/navigation';
import { FIX_ALL_KIND, PydeployCodeAction, fixAll, fixAllQuickFix, quickFixes } from '../features/codeActions';
import { PydeployDiagnostic, diagnosticsOf } from '../features/diagnostics';
import { hoverAt } from '../features/hover';
import { NO_WORKSPACE, WorkspaceView, readingThrough } from '../model/workspace';
import { IndexedWorkspace, corePath, fileWorkspace } from '../node/fileWorkspace';
import type { FileEdits } from '../features/changes';
import { completionsAt } from '../features/completion';
import { PydeploySymbol, documentSymbols } from '../features/symbols';
import type { Severity } from '../rules/types';
import type { TextEdit } from '../text/edits';
import { Locale, localeOfTag } from '../l10n/locale';

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

// A client may send anything: params are checked where they come in, so that a malformed request gets an
// InvalidParams error that says what is wrong, rather than a TypeError from deep in a feature (or a wrong answer).
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isUinteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown): boolean => isObject(value) && isUinteger(value.line) && isUinteger(value.character);
const isRange = (value: unknown): boolean => isObject(value) && isPosition(value.start) && isPosition(value.end);

function invalidParams(method: string, what: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${what}`);
}

/** Throws InvalidParams unless `params.textDocument.uri` is a string (and `params.position` a position, when asked). */
function checkDocumentParams(method: string, params: unknown, withPosition: boolean): void {
  if (!isObject(params) || !isObject(params.textDocument) || typeof params.textDocument.uri !== 'string') {
    throw invalidParams(method, '`textDocument.uri` must be a string');
  }
  if (withPosition && !isPosition(params.position)) {
    throw invalidParams(method, '`position` must be { line, character } of non-negative integers');
  }
}

function checkCodeActionParams(params: unknown): void {
  const method = 'textDocument/codeAction';
  checkDocumentParams(method, params, false);
  const { range, context } = params as Record<string, unknown>;
  if (!isRange(range)) throw invalidParams(method, '`range` must be { start, end } positions of non-negative integers');
  if (!isObject(context) || !Array.isArray(context.diagnostics) || !context.diagnostics.every((diagnostic) => isObject(diagnostic) && isRange(diagnostic.range))) {
    throw invalidParams(method, '`context.diagnostics` must be a list of diagnostics with ranges');
  }
  if (context.only !== undefined && !(Array.isArray(context.only) && context.only.every((kind) => typeof kind === 'string'))) {
    throw invalidParams(method, '`context.only` must be a list of code action kinds');
  }
}

/**
 * A position past the end of its line or of the document stands for that end (LSP's rule for characters), so that
 * what the features answer, a completion's edit range included, lies inside the text.
 */
function inside(document: TextDocument, position: Position): Position {
  return document.positionAt(document.offsetAt(position));
}

/** The diagnostic as LSP has it; `rulePage` is the link to its rule's documentation, for a client that shows one. */
function toLspDiagnostic(diagnostic: PydeployDiagnostic, uri: string, rulePage: string | undefined): Diagnostic {
  return {
    range: diagnostic.range,
    severity: LSP_SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    ...(rulePage !== undefined ? { codeDescription: { href: rulePage } } : {}),
    source: diagnostic.source,
    message: diagnostic.message,
    relatedInformation: diagnostic.related?.map((related) => ({ location: { uri: related.path ? pathToFileURL(related.path).href : uri, range: related.range }, message: related.message })),
  };
}

/**
 * How many documents' analyses are kept for hover, completion and code actions (the most recently used of those the
 * editor asked about).
 */
const CACHED_ANALYSES = 50;

/** What one analysis depended on: the files it read, and the values computed over many files (indexes) it used. */
interface Dependencies {
  files: Set<string>;
  computed: Set<string>;
}

/**
 * The workspace as one analysis sees it, noting every file it reads (open in the editor or not) and every value the
 * workspace memoized that it uses: an edit re-checks it when the file changes, or when the value does.
 */
function recordingReads(workspace: WorkspaceView, dependencies: Dependencies): WorkspaceView {
  const view = readingThrough(workspace, (path) => {
    dependencies.files.add(path);
    return workspace.readFile(path);
  });
  if (!workspace.memoized) return view;
  const memoized = workspace.memoized.bind(workspace);
  return {
    ...view,
    memoized<T>(key: string, compute: (workspace: WorkspaceView) => T) {
      dependencies.computed.add(key);
      return memoized(key, compute);
    },
  };
}

export interface ServerOptions {
  /** The URI of a rule's documentation page, which each diagnostic links to (when the client shows such links). */
  rulePageUri?: (ruleId: string, locale: Locale) => string;
}

/** Wires the analysis core to an LSP connection: documents in, diagnostics, code actions and hovers out. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  let versionedEdits = false;
  let linksRulePages = false;
  /** The client's display language (`initialize`'s `locale`): every text the server sends is in it. */
  let locale: Locale = 'en';
  const toLsp = (diagnostic: PydeployDiagnostic, uri: string): Diagnostic =>
    toLspDiagnostic(diagnostic, uri, linksRulePages ? options.rulePageUri?.(diagnostic.code, locale) : undefined);

  /** The open `file:` documents by path, kept on open and close: every file the analysis reads is looked up here. */
  const openByPath = new Map<string, TextDocument>();
  /** Open documents answer before the disk, so an unsaved included file counts as the editor shows it. */
  const openText = (path: string): string | undefined => openByPath.get(path)?.getText();
  let workspace: IndexedWorkspace = fileWorkspace([], openText);
  let roots: string[] = [];
  /** What the client pushed (initializationOptions, didChangeConfiguration): used when it cannot be asked per folder. */
  let pushed: AnalysisSettings = {};
  let validationDelay = readValidationDelay(undefined);
  let pullConfiguration = false;
  let folderUris: string[] = [];
  let followsFolderChanges = false;

  // Settings per workspace folder (`pydeploy.*` is resource-scoped, so two folders may differ), asked with
  // workspace/configuration once and kept until the client says they changed.
  const settingsCache = new Map<string, Promise<AnalysisSettings>>();
  const folderOf = (uri: string): string | undefined =>
    folderUris.filter((folder) => uri === folder || uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`)).sort((a, b) => b.length - a.length)[0];
  const settingsFor = (uri: string): Promise<AnalysisSettings> => {
    if (!pullConfiguration) return Promise.resolve(pushed);
    const folder = folderOf(uri);
    const key = folder ?? '';
    let cached = settingsCache.get(key);
    if (!cached) {
      cached = connection.workspace
        .getConfiguration({ scopeUri: folder ?? uri, section: 'pydeploy' })
        .then(readSettings, (error: unknown) => {
          console.error(`pydeploy: workspace/configuration failed, using the settings sent at start: ${String(error)}`);
          return pushed;
        });
      settingsCache.set(key, cached);
    }
    return cached;
  };

  // Files on disk are read with the workspace around them, as `pydeploy check` reads them; other schemes
  // (untitled:, git:, ...) are checked on their own text. Hover, completion and code actions reuse the analysis
  // of the same text and settings until anything it may depend on changes (any document, file or setting).
  // Each analysis records the files it read, so that an edit re-checks only the documents that read the edited one
  // (an included config, the agent's config, a requirement file) instead of every open document, and the indexes
  // over the workspace it used (the launches, the configs naming the agent's config): those are computed again after
  // an edit of a file they read, and the documents using them re-checked only when they changed (every config uses
  // the index of launches, which reads every `.ini`: re-checking them all for each edit of any `.ini` made typing in
  // a workspace of a thousand open configs take a second per change). Only the analyses of the documents the editor
  // asks about (hover, code actions, ...; the ones on screen) are kept, the most recently used: a workspace may have a
  // thousand open, and keeping the analysis of each one only checked kept the server's memory growing with them (an
  // analysis that lives on is moved to the old generation of the heap, which is collected rarely). What they depend
  // on is kept for all.
  const analyses = new Map<string, { version: number; settings: AnalysisSettings; analysis: Analysis | undefined }>();
  const askedAbout = new Set<string>();
  const dependenciesOf = new Map<string, Dependencies>();
  /** The version and settings whose diagnostics were last sent for each open document, while they still hold. */
  const published = new Map<string, { version: number; settings: AnalysisSettings }>();
  const forgetAnalyses = (): void => {
    analyses.clear();
    published.clear();
  };
  /**
   * Forgets what depends on a file after its text changed in the editor (or went back to the one on disk): its own
   * analysis, those that read it, and those that used a workspace index that changed with it.
   */
  const forgetAnalysesReading = (uri: string): void => {
    analyses.delete(uri);
    published.delete(uri);
    const path = filePathOf(uri);
    if (path === undefined) return;
    const changedIndexes = workspace.refreshComputed(path);
    const usesChangedIndex = (dependencies: Dependencies): boolean => {
      for (const key of changedIndexes) if (dependencies.computed.has(key)) return true;
      return false;
    };
    for (const [other, dependencies] of dependenciesOf) {
      if (!dependencies.files.has(path) && !usesChangedIndex(dependencies)) continue;
      analyses.delete(other);
      published.delete(other);
    }
  };
  const analysisOf = (document: TextDocument, settings: AnalysisSettings): Analysis | undefined => {
    const known = analyses.get(document.uri);
    if (known && known.version === document.version && known.settings === settings) {
      // Used again: it moves to the end of the map, away from eviction.
      analyses.delete(document.uri);
      analyses.set(document.uri, known);
      return known.analysis;
    }
    const text: unknown = document.getText();
    // A client that sent no text (`"text": 5` in didOpen) has opened nothing pydeploy can read.
    if (typeof text !== 'string') return undefined;
    const path = filePathOf(document.uri);
    const dependencies: Dependencies = { files: new Set(), computed: new Set() };
    const analysis =
      path !== undefined
        ? analyze(path, text, settings, recordingReads(workspace, dependencies))
        : analyze(pathOf(document.uri), text, settings, NO_WORKSPACE);
    dependenciesOf.set(document.uri, dependencies);
    analyses.delete(document.uri);
    if (!askedAbout.has(document.uri)) return analysis;
    analyses.set(document.uri, { version: document.version, settings, analysis });
    if (analyses.size > CACHED_ANALYSES) analyses.delete(analyses.keys().next().value as string);
    return analysis;
  };
  /** The analysis of an open document with its folder's settings, for the requests. */
  const analysisFor = async (uri: string) => {
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    if (!document) return undefined;
    // The editor shows it: its analyses are kept for the next requests, until it is closed.
    askedAbout.add(uri);
    return { document, analysis: analysisOf(document, settings) };
  };

  const validate = async (uri: string): Promise<void> => {
    const settings = await settingsFor(uri);
    // The text as it is now (it may have changed while the settings were asked for); a closed one is left alone.
    const document = documents.get(uri);
    if (!document) return;
    // Nothing new to say when nothing it depends on changed since its diagnostics were sent.
    const sent = published.get(document.uri);
    if (sent && sent.version === document.version && sent.settings === settings) return;
    let diagnostics: Diagnostic[];
    try {
      const analysis = analysisOf(document, settings);
      diagnostics = analysis ? diagnosticsOf(analysis, locale).map((diagnostic) => toLsp(diagnostic, document.uri)) : [];
    } catch (error) {
      // Nobody awaits a check: an error thrown here would end the process, and with it every open document's checks.
      console.error(`pydeploy: checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    published.set(document.uri, { version: document.version, settings });
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  };

  // A config's findings depend on the files around it (includes, pinned versions), so any change to one
  // re-checks every open document; the analysis is fast enough for that. Typing is checked once it pauses.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const validateAll = (): void => {
    clearTimeout(timer);
    timer = undefined;
    for (const document of documents.all()) void validate(document.uri);
  };
  const validateSoon = (): void => {
    if (validationDelay === 0) return validateAll();
    clearTimeout(timer);
    timer = setTimeout(validateAll, validationDelay);
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
    diagnostics: action.diagnostics.map((diagnostic) => toLsp(diagnostic, document.uri)),
    edit: workspaceEdit(document, action.edits, action.otherEdits),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // A versioned edit is refused by the editor once the file has changed, so a stale fix can't add a line twice.
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    linksRulePages = params.capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport === true;
    locale = localeOfTag(params.locale) ?? 'en';
    roots = workspaceRoots(params);
    workspace = fileWorkspace(roots, openText);
    pushed = readSettings(params.initializationOptions);
    validationDelay = readValidationDelay(params.initializationOptions);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    followsFolderChanges = params.capabilities.workspace?.workspaceFolders === true;
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
  });

  connection.onCodeAction(async (params: CodeActionParams): Promise<CodeAction[]> => {
    checkCodeActionParams(params);
    const { document, analysis } = (await analysisFor(params.textDocument.uri)) ?? {};
    if (!document || !analysis) return [];
    const wants = (kind: string) => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const seen = new Set<string>();
      for (const requested of [params.range, ...params.context.diagnostics.map((diagnostic) => diagnostic.range)]) {
        const at = { start: inside(document, requested.start), end: inside(document, requested.end) };
        for (const action of quickFixes(analysis, at, locale)) {
          const key = `${action.title}@${JSON.stringify(action.diagnostics[0]?.range)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          actions.push(toLspAction(document, action));
        }
      }
      // Beside a finding's own fixes, as ESLint offers it: not on every line of the file.
      const all = actions.length > 0 ? fixAllQuickFix(analysis, locale) : undefined;
      if (all) actions.push(toLspAction(document, all));
    }
    if (wants(FIX_ALL_KIND)) {
      const all = fixAll(analysis, locale);
      if (all) actions.push(toLspAction(document, all));
    }
    return actions;
  });

  connection.onHover(async (params: HoverParams): Promise<Hover | null> => {
    checkDocumentParams('textDocument/hover', params, true);
    const { document, analysis } = (await analysisFor(params.textDocument.uri)) ?? {};
    const hover = document && analysis && hoverAt(analysis.document, inside(document, params.position), locale, analysis);
    return hover ? { contents: { kind: 'markdown', value: hover.contents }, range: hover.range } : null;
  });

  connection.onRequest(AGENT_STATUS_REQUEST, async (params: unknown): Promise<AgentStatus | null> => {
    checkDocumentParams(AGENT_STATUS_REQUEST, params, false);
    const analysis = (await analysisFor((params as { textDocument: { uri: string } }).textDocument.uri))?.analysis;
    return analysis ? agentStatus(analysis, locale) : null;
  });

  connection.onRequest(PROJECT_AGENTS_REQUEST, async (params: unknown): Promise<ProjectAgent[]> => {
    if (!isObject(params) || typeof params.uri !== 'string') throw invalidParams(PROJECT_AGENTS_REQUEST, '`uri` must be a string');
    const path = filePathOf(params.uri);
    if (path === undefined) return [];
    const settings = effectiveSettings(path, await settingsFor(params.uri), workspace);
    return projectAgents(workspace.rootOf(path), workspace, settings.agents, locale);
  });

  connection.onRequest(RULE_PAGE_REQUEST, (params: unknown): string | null => {
    if (!isObject(params) || typeof params.path !== 'string') throw invalidParams(RULE_PAGE_REQUEST, '`path` must be a string');
    return rulePageAt(RULES, params.path) ?? null;
  });

  connection.onCompletion(async (params: CompletionParams): Promise<CompletionItem[]> => {
    checkDocumentParams('textDocument/completion', params, true);
    const { document, analysis } = (await analysisFor(params.textDocument.uri)) ?? {};
    if (!document || !analysis) return [];
    return completionsAt(analysis.document, inside(document, params.position), locale).map((completion) => ({
      label: completion.label,
      kind: completion.kind === 'value' ? CompletionItemKind.EnumMember : completion.kind === 'hook' ? CompletionItemKind.Function : CompletionItemKind.Property,
      detail: completion.detail,
      documentation: completion.documentation ? { kind: 'markdown', value: completion.documentation } : undefined,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: completion.range, newText: completion.insertText ?? completion.label },
      filterText: completion.label,
    }));
  });

  connection.onDocumentSymbol(async (params: DocumentSymbolParams): Promise<DocumentSymbol[]> => {
    checkDocumentParams('textDocument/documentSymbol', params, false);
    const analysis = (await analysisFor(params.textDocument.uri))?.analysis;
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

  // Any change to `pydeploy.*` (the client synchronises the section): forget what the folders said, and re-check
  // every open document at once. A client that cannot be asked sends the new settings along.
  connection.onDidChangeConfiguration((change) => {
    const section: unknown = change.settings;
    const pydeploy = typeof section === 'object' && section !== null && 'pydeploy' in section ? (section as { pydeploy: unknown }).pydeploy : undefined;
    if (pydeploy !== undefined) {
      pushed = readSettings(pydeploy);
      validationDelay = readValidationDelay(pydeploy);
    }
    settingsCache.clear();
    forgetAnalyses();
    validateAll();
  });

  // The deployment is the whole workspace: index each folder's files once the editor is ready, so that the first
  // check of a config does not wait for the walk; each folder of a multi-root workspace is indexed on its own.
  connection.onInitialized(() => {
    for (const root of roots) workspace.filesUnder?.(root);
    // A folder added to or removed from the workspace later bounds the searches, is indexed and has settings of its own.
    if (followsFolderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        folderUris = [...folderUris.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)];
        roots = folderUris.map(filePathOf).filter((path): path is string => path !== undefined);
        workspace = fileWorkspace(roots, openText);
        for (const root of roots) workspace.filesUnder?.(root);
        settingsCache.clear();
        forgetAnalyses();
        validateAll();
      });
    }
  });

  // A requirement file, an agent config or an app module changed on disk: the open configs that depend on it are
  // checked again. A created or deleted file changes the index as well.
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => change.type !== FileChangeType.Changed)) workspace.invalidate();
    else workspace.forgetComputed();
    forgetAnalyses();
    validateAll();
  });

  connection.onDefinition(async (params: DefinitionParams): Promise<Location | null> => {
    checkDocumentParams('textDocument/definition', params, true);
    const { document, analysis } = (await analysisFor(params.textDocument.uri)) ?? {};
    const target = document && analysis && definitionAt(analysis.document, inside(document, params.position));
    return target ? { uri: pathToFileURL(target.path).href, range: target.range } : null;
  });

  // A document just opened is checked at once; edits wait for a pause in typing (`pydeploy.validationDelay`).
  const justOpened = new Set<string>();
  documents.onDidOpen((event) => {
    justOpened.add(event.document.uri);
    const path = filePathOf(event.document.uri);
    if (path !== undefined) openByPath.set(path, event.document);
  });
  documents.onDidChangeContent((event) => {
    // What was computed from the files' texts (the launches, which configs name the agent's config) is computed again.
    forgetAnalysesReading(event.document.uri);
    if (justOpened.delete(event.document.uri)) validateAll();
    else validateSoon();
  });
  documents.onDidClose((event) => {
    const path = filePathOf(event.document.uri);
    if (path !== undefined && openByPath.get(path) === event.document) openByPath.delete(path);
    // The file on disk now stands for it: whatever included it is read from there again.
    forgetAnalysesReading(event.document.uri);
    dependenciesOf.delete(event.document.uri);
    askedAbout.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  documents.listen(connection);
  connection.listen();
}
