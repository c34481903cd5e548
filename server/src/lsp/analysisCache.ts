import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, AnalysisSettings, analyze } from '../features/analysis';
import { NO_WORKSPACE, WorkspaceView, readingThrough } from '../model/workspace';
import type { IndexedWorkspace } from '../node/fileWorkspace';
import { filePathOf, pathOf } from './uris';

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

/**
 * The analyses of the open documents, kept while nothing they depend on changed, and what each one read.
 *
 * Files on disk are read with the workspace around them, as `pydeploy check` reads them; other schemes
 * (untitled:, git:, ...) are checked on their own text. Hover, completion and code actions reuse the analysis
 * of the same text and settings until anything it may depend on changes (any document, file or setting).
 * Each analysis records the files it read, so that an edit re-checks only the documents that read the edited one
 * (an included config, the agent's config, a requirement file) instead of every open document, and the indexes
 * over the workspace it used (the launches, the configs naming the agent's config): those are computed again after
 * an edit of a file they read, and the documents using them re-checked only when they changed (every config uses
 * the index of launches, which reads every `.ini`: re-checking them all for each edit of any `.ini` made typing in
 * a workspace of a thousand open configs take a second per change). Only the analyses of the documents the editor
 * asks about (hover, code actions, ...; the ones on screen) are kept, the most recently used: a workspace may have a
 * thousand open, and keeping the analysis of each one only checked kept the server's memory growing with them (an
 * analysis that lives on is moved to the old generation of the heap, which is collected rarely). What they depend
 * on is kept for all.
 */
export class AnalysisCache {
  private readonly analyses = new Map<string, { version: number; settings: AnalysisSettings; analysis: Analysis | undefined }>();
  private readonly askedAbout = new Set<string>();
  private readonly dependenciesOf = new Map<string, Dependencies>();
  /** The version and settings whose diagnostics were last sent for each open document, while they still hold. */
  private readonly published = new Map<string, { version: number; settings: AnalysisSettings }>();

  /** The analysis of a document's text with these settings: the kept one while it holds, else a new one. */
  analysisOf(document: TextDocument, settings: AnalysisSettings, workspace: IndexedWorkspace): Analysis | undefined {
    const known = this.analyses.get(document.uri);
    if (known && known.version === document.version && known.settings === settings) {
      // Used again: it moves to the end of the map, away from eviction.
      this.analyses.delete(document.uri);
      this.analyses.set(document.uri, known);
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
    this.dependenciesOf.set(document.uri, dependencies);
    this.analyses.delete(document.uri);
    if (!this.askedAbout.has(document.uri)) return analysis;
    this.analyses.set(document.uri, { version: document.version, settings, analysis });
    if (this.analyses.size > CACHED_ANALYSES) this.analyses.delete(this.analyses.keys().next().value as string);
    return analysis;
  }

  /** Its analyses are kept from now on (the most recent ones), until it is closed. */
  noteAskedAbout(uri: string): void {
    this.askedAbout.add(uri);
  }

  /** Nothing new to say when nothing it depends on changed since its diagnostics were sent. */
  isPublished(document: TextDocument, settings: AnalysisSettings): boolean {
    const sent = this.published.get(document.uri);
    return sent !== undefined && sent.version === document.version && sent.settings === settings;
  }

  /** Its diagnostics for this version and these settings were sent. */
  notePublished(document: TextDocument, settings: AnalysisSettings): void {
    this.published.set(document.uri, { version: document.version, settings });
  }

  /** A setting, the workspace's folders or a file on disk changed: every analysis may have. */
  forgetAll(): void {
    this.analyses.clear();
    this.published.clear();
  }

  /**
   * Forgets what depends on a file after its text changed in the editor (or went back to the one on disk): its own
   * analysis, those that read it, and those that used a workspace index that changed with it.
   */
  forgetReading(uri: string, workspace: IndexedWorkspace): void {
    this.forget(uri);
    const path = filePathOf(uri);
    if (path === undefined) return;
    const changedIndexes = workspace.refreshComputed(path);
    const usesChangedIndex = (dependencies: Dependencies): boolean => {
      for (const key of changedIndexes) if (dependencies.computed.has(key)) return true;
      return false;
    };
    for (const [other, dependencies] of this.dependenciesOf) {
      if (!dependencies.files.has(path) && !usesChangedIndex(dependencies)) continue;
      this.forget(other);
    }
  }

  /** A closed document: the file on disk now stands for it, and nothing of its own is kept. */
  closed(uri: string, workspace: IndexedWorkspace): void {
    this.forgetReading(uri, workspace);
    this.dependenciesOf.delete(uri);
    this.askedAbout.delete(uri);
  }

  private forget(uri: string): void {
    this.analyses.delete(uri);
    this.published.delete(uri);
  }
}
