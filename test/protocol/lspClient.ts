/**
 * A minimal LSP client for the protocol tests: it starts the bundled server (`server/out/server.js --stdio`)
 * as a child process and talks JSON-RPC to it over stdin/stdout exactly as an editor does. Every wait is
 * bounded, fails with a message that says what was awaited (with the server's stderr and log messages), and
 * fails at once when the server process dies. `dispose()` kills a server that is still running.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, assertValidRange, linesWithEnds } from '../helpers/documentText';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { SERVER_NODE_OPTIONS } from '../../server/src/node/serverProcess';
import type {
  ClientCapabilities,
  CodeAction,
  CodeActionContext,
  Command,
  Hover,
  InitializeParams,
  InitializeResult,
  LogMessageParams,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextDocumentContentChangeEvent,
  TextEdit,
} from 'vscode-languageserver';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The bundled server; PYDEPLOY_SERVER_JS points the tests at another build (e.g. to check that they catch a bug). */
export const SERVER_JS = process.env.PYDEPLOY_SERVER_JS
  ? path.resolve(process.env.PYDEPLOY_SERVER_JS)
  : path.join(REPO_ROOT, 'server', 'out', 'server.js');

/** The longest any single wait may take before the test fails (PYDEPLOY_WAIT_MS overrides the 10 s). */
export const WAIT_MS = Number(process.env.PYDEPLOY_WAIT_MS) || 10_000;

let scratch: string | undefined;

/** A fresh folder for this test process, removed when it exits, so that no stray file on disk changes a result. */
export function scratchFolder(): string {
  if (!scratch) {
    const created = mkdtempSync(path.join(tmpdir(), 'pydeploy-protocol-'));
    scratch = created;
    process.on('exit', () => rmSync(created, { recursive: true, force: true }));
  }
  return scratch;
}

/**
 * A `file://` URI inside the scratch folder. Nothing is written there: the server reads a document's
 * text from the editor, and finds neither included files nor requirement files beside it.
 */
export function fileUri(relative: string): string {
  return pathToFileURL(path.join(scratchFolder(), relative)).href;
}

/** Writes files (relative path → text) into a new folder of the scratch folder; returns the folder. */
export function writeProject(name: string, files: Record<string, string>): string {
  const folder = path.join(scratchFolder(), name);
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(folder, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  mkdirSync(folder, { recursive: true });
  return folder;
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

// ---------------------------------------------------------------------------------------------------------
// Text edits, applied the way an editor applies them (independent of the server's own edit code).

// Edits are applied as an editor applies them, by the tests' own reading of the specification (never the server's code).
export { applyEdits } from '../helpers/documentText';

/**
 * The same edits as incremental `didChange` content changes: applied one after the other by the server,
 * last edit first, so that every range still refers to text no earlier change has touched.
 */
export function editsToContentChanges(text: string, edits: readonly TextEdit[]): TextDocumentContentChangeEvent[] {
  const lines = linesWithEnds(text);
  for (const edit of edits) assertValidRange(lines, edit.range, 'edit');
  return edits
    .map((edit, order) => ({ start: edit.range.start, edit, order }))
    .sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character || a.order - b.order)
    .reverse()
    .map(({ edit }) => ({ range: edit.range, text: edit.newText }));
}

// ---------------------------------------------------------------------------------------------------------
// The client.

export interface StartOptions {
  /** What the client declares as `workspace.workspaceEdit.documentChanges`. */
  documentChanges: boolean;
  /** The workspace folder the editor has open, if any. */
  workspaceFolder?: string;
  /** More than one workspace folder (instead of workspaceFolder). */
  workspaceFolders?: string[];
  /** Sent as initializationOptions, as VS Code's client sends the `pydeploy` settings at start. */
  initializationOptions?: unknown;
  /**
   * Answers `workspace/configuration` (and declares the capability): the settings for one scope and section,
   * as an editor answers from its settings of the scope's folder.
   */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
  /** Declares that the client tells the server when workspace folders are added or removed. */
  followsWorkspaceFolders?: boolean;
  /** Declares that the client shows a diagnostic's `codeDescription` link (the rule's page), as VS Code does. */
  codeDescriptionSupport?: boolean;
  /** The display language, as `initialize`'s `locale` (VS Code sends e.g. `zh-cn`). */
  locale?: string;
}

export function clientCapabilities(options: StartOptions): ClientCapabilities {
  return {
    workspace: {
      applyEdit: true,
      configuration: options.configuration !== undefined,
      workspaceFolders: options.followsWorkspaceFolders === true,
      workspaceEdit: { documentChanges: options.documentChanges },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false, willSave: false, willSaveWaitUntil: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: options.codeDescriptionSupport === true, dataSupport: true },
      hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
      codeAction: {
        dynamicRegistration: false,
        isPreferredSupport: true,
        codeActionLiteralSupport: {
          codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.organizeImports', 'source.fixAll'] },
        },
      },
    },
  };
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const liveChildren = new Set<ChildProcessWithoutNullStreams>();
// Last resort: a test process that ends for any reason takes its servers with it.
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export class LspClient {
  readonly connection: MessageConnection;
  readonly exited: Promise<ExitStatus>;
  /** Every `window/logMessage` the server sent (console.error in the server ends up here). */
  readonly logMessages: LogMessageParams[] = [];
  initializeResult?: InitializeResult;
  private stderr = '';
  private exitStatus?: ExitStatus;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly diagnosticWaiters = new Map<string, Array<(params: PublishDiagnosticsParams) => void>>();

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    liveChildren.add(child);
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        liveChildren.delete(child);
        this.exitStatus = { code, signal };
        resolve(this.exitStatus);
      });
    });
    child.on('error', (error) => {
      this.stderr += `\n[spawn error] ${error.message}`;
    });
    // A write to a server that died must fail the test through a wait, not crash the test process.
    child.stdin.on('error', () => undefined);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-20_000);
    });
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onError(() => undefined);
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const waiter = this.diagnosticWaiters.get(params.uri)?.shift();
      if (waiter) waiter(params);
      else this.queueOf(params.uri).push(params);
    });
    this.connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logMessages.push(params);
    });
    this.connection.listen();
  }

  /** Spawns the server and runs `initialize` + `initialized`. */
  static async start(options: StartOptions): Promise<LspClient> {
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} does not exist: run \`npm run build\` first`);
    const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, SERVER_JS, '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child);
    try {
      const { configuration } = options;
      if (configuration) {
        client.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
          params.items.map((item) => configuration(item) ?? null),
        );
      }
      const folders = options.workspaceFolders ?? (options.workspaceFolder ? [options.workspaceFolder] : []);
      const rootUri = folders.length > 0 ? pathToFileURL(folders[0]).href : null;
      const params: InitializeParams = {
        processId: process.pid,
        clientInfo: { name: 'pydeploy-protocol-tests' },
        rootUri,
        workspaceFolders: folders.length > 0 ? folders.map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) })) : null,
        capabilities: clientCapabilities(options),
        initializationOptions: options.initializationOptions,
        ...(options.locale !== undefined ? { locale: options.locale } : {}),
      };
      client.initializeResult = await client.request<InitializeResult>('initialize', params);
      await client.notify('initialized', {});
      return client;
    } catch (error) {
      client.dispose();
      throw error;
    }
  }

  /** What the server wrote to stderr and logged, for failure messages. */
  get serverOutput(): string {
    const logs = this.logMessages.map((log) => `[log ${log.type}] ${log.message}`).join('\n');
    const parts = [this.stderr.trim() && `stderr:\n${this.stderr.trim()}`, logs && `log messages:\n${logs}`].filter(Boolean);
    return parts.length > 0 ? `\n${parts.join('\n')}` : '';
  }

  get isRunning(): boolean {
    return this.exitStatus === undefined;
  }

  /** Waits for a promise at most `ms`, failing early and clearly when the server exits meanwhile. */
  async within<T>(what: string, promise: Promise<T>, ms = WAIT_MS): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}${this.serverOutput}`)), ms);
    });
    const died = this.exited.then((status) => {
      throw new Error(`server exited (code ${status.code}, signal ${status.signal}) while waiting for ${what}${this.serverOutput}`);
    });
    try {
      return await Promise.race([promise, timeout, died]);
    } finally {
      clearTimeout(timer);
    }
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.within(`the answer to ${method}`, this.connection.sendRequest<R>(method, params));
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.within(`sending ${method}`, params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params));
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, at: Range, context: CodeActionContext): Promise<(CodeAction | Command)[] | null> {
    return this.request<(CodeAction | Command)[] | null>('textDocument/codeAction', { textDocument: { uri }, range: at, context });
  }

  /** The next `publishDiagnostics` for a URI that the test has not consumed yet, in the order they came. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    const queued = this.queueOf(uri).shift();
    if (queued) return Promise.resolve(queued);
    let waiter!: (params: PublishDiagnosticsParams) => void;
    const arrived = new Promise<PublishDiagnosticsParams>((resolve) => {
      waiter = resolve;
    });
    const waiters = this.diagnosticWaiters.get(uri) ?? [];
    waiters.push(waiter);
    this.diagnosticWaiters.set(uri, waiters);
    return this.within(`textDocument/publishDiagnostics for ${uri}`, arrived).finally(() => {
      // A wait that failed must not swallow a later notification.
      const index = waiters.indexOf(waiter);
      if (index >= 0) waiters.splice(index, 1);
    });
  }

  /** Forgets what was published for a URI so far (say, the clearing after an earlier didClose of it). */
  discardDiagnostics(uri: string): void {
    this.queueOf(uri).length = 0;
  }

  /** Diagnostics that arrived but no test asked for (an extra publish is a bug worth seeing). */
  unconsumedDiagnostics(uri: string): PublishDiagnosticsParams[] {
    return [...this.queueOf(uri)];
  }

  /** `shutdown` then `exit`, as an editor closes a server; resolves with how the process ended. */
  async shutdownAndExit(): Promise<ExitStatus> {
    const answer = await this.request<null>('shutdown', undefined);
    if (answer !== null) throw new Error(`shutdown answered ${JSON.stringify(answer)} instead of null`);
    await this.notify('exit');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server did not exit within ${WAIT_MS} ms of \`exit\`${this.serverOutput}`)), WAIT_MS);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Ends the connection and kills the server if it is still running. Safe to call more than once. */
  dispose(): void {
    this.connection.dispose();
    if (this.isRunning) this.child.kill('SIGKILL');
    // Leave no pipe open behind: an open one keeps the test process alive after its last test.
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream.destroy();
  }

  private queueOf(uri: string): PublishDiagnosticsParams[] {
    let queue = this.diagnostics.get(uri);
    if (!queue) {
      queue = [];
      this.diagnostics.set(uri, queue);
    }
    return queue;
  }
}

/** An open document as the client keeps it: the text, its version, and the notifications that change it. */
export class ClientDocument {
  version = 0;
  private opened = false;

  constructor(
    readonly client: LspClient,
    readonly uri: string,
    public text: string,
    readonly languageId = 'ini',
  ) {}

  /** `didOpen` (version 1); resolves with the diagnostics the server publishes for it. */
  async open(): Promise<PublishDiagnosticsParams> {
    if (this.opened) throw new Error(`${this.uri} is already open`);
    this.opened = true;
    this.version = 1;
    this.client.discardDiagnostics(this.uri);
    await this.client.notify('textDocument/didOpen', {
      textDocument: { uri: this.uri, languageId: this.languageId, version: this.version, text: this.text },
    });
    return this.expectDiagnosticsForCurrentVersion();
  }

  /** An incremental `didChange`; the changes apply one after the other, as LSP says. */
  async change(changes: { range: Range; text: string }[]): Promise<PublishDiagnosticsParams> {
    for (const change of changes) this.text = applyEdits(this.text, [{ range: change.range, newText: change.text }]);
    this.version++;
    await this.client.notify('textDocument/didChange', {
      textDocument: { uri: this.uri, version: this.version },
      contentChanges: changes,
    });
    return this.expectDiagnosticsForCurrentVersion();
  }

  /** Applies text edits to the buffer and sends them to the server as one incremental `didChange`. */
  applyEdits(edits: readonly TextEdit[]): Promise<PublishDiagnosticsParams> {
    const changes = editsToContentChanges(this.text, edits) as { range: Range; text: string }[];
    const expected = applyEdits(this.text, edits);
    return this.change(changes).then((published) => {
      if (this.text !== expected) throw new Error('applying the edits one by one gave a different text than applying them at once');
      return published;
    });
  }

  /** `didClose`, without waiting for what the server publishes after it. */
  async close(): Promise<void> {
    this.opened = false;
    await this.client.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
  }

  /** `didClose`; resolves with the diagnostics the server publishes after it (an editor expects them cleared). */
  async closeAndWaitForDiagnostics(): Promise<PublishDiagnosticsParams> {
    await this.close();
    return this.client.nextDiagnostics(this.uri);
  }

  private async expectDiagnosticsForCurrentVersion(): Promise<PublishDiagnosticsParams> {
    const published = await this.client.nextDiagnostics(this.uri);
    if (published.version !== this.version) {
      throw new Error(`expected diagnostics for version ${this.version} of ${this.uri}, got version ${published.version}`);
    }
    return published;
  }
}
