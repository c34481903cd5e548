import type { Diagnostic } from 'vscode-languageserver/node';
import { diagnosticsOf } from '../features/diagnostics';
import { readValidationDelay } from '../features/settings';
import type { ServerState } from './serverState';

/**
 * When the open documents are checked and their diagnostics sent. A config's findings depend on the files around it
 * (includes, pinned versions), so any change to one re-checks every open document; the analysis is fast enough for
 * that. Typing is checked once it pauses.
 */
export class DocumentChecks {
  /** How long typing must pause before a check (`pydeploy.validationDelay`, ms); 0 checks at every change. */
  delay = readValidationDelay(undefined);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A document just opened is checked at once; edits wait for a pause in typing (`pydeploy.validationDelay`). */
  private readonly justOpened = new Set<string>();

  constructor(private readonly state: ServerState) {}

  /** Checks every open document now (a pending check after a pause is dropped: this is it). */
  checkAllNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const document of this.state.documents.all()) void this.check(document.uri);
  }

  /** Checks every open document once typing pauses. */
  checkAllSoon(): void {
    if (this.delay === 0) return this.checkAllNow();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.checkAllNow(), this.delay);
  }

  /** A document was opened: its first change (its text) is checked at once. */
  opened(uri: string): void {
    this.justOpened.add(uri);
  }

  /** A document's text changed: checked at once when it was just opened, else once typing pauses. */
  changed(uri: string): void {
    if (this.justOpened.delete(uri)) this.checkAllNow();
    else this.checkAllSoon();
  }

  private async check(uri: string): Promise<void> {
    const { state } = this;
    const settings = await state.settings.for(uri);
    // The text as it is now (it may have changed while the settings were asked for); a closed one is left alone.
    const document = state.documents.get(uri);
    if (!document) return;
    if (state.analyses.isPublished(document, settings)) return;
    let diagnostics: Diagnostic[];
    try {
      const analysis = state.analyses.analysisOf(document, settings, state.workspace);
      diagnostics = analysis ? diagnosticsOf(analysis, state.locale).map((diagnostic) => state.lspDiagnostic(diagnostic, document.uri)) : [];
    } catch (error) {
      // Nobody awaits a check: an error thrown here would end the process, and with it every open document's checks.
      console.error(`pydeploy: checking ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    state.analyses.notePublished(document, settings);
    void state.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }
}
