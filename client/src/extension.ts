import * as fs from 'node:fs';
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';
import {
  CodeActionRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TextDocumentFilter,
  TransportKind,
} from 'vscode-languageclient/node';
import { DEPLOYMENT_SOLUTIONS, DeploymentSolution, SnippetDefinition, agentSnippetBody } from './solutions';
import { rulePagePath } from '../../server/src/rules/rulePages';
import { localeOfTag } from '../../server/src/l10n/locale';
import { SERVER_NODE_OPTIONS } from '../../server/src/node/serverProcess';
import { AGENT_PROFILES, AgentProfile } from '../../server/src/knowledge/agents';
import { AGENT_STATUS_REQUEST, AgentStatus, PROJECT_AGENTS_REQUEST, ProjectAgent, RULE_PAGE_REQUEST } from '../../server/src/lsp/requests';

let client: LanguageClient | undefined;

/** What the extension gives back from activate(): the status bar text, for the VS Code test suite. */
export interface PydeployApi {
  statusBarText(): string | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<PydeployApi> {
  // VS Code loads l10n/bundle.l10n.<locale>.json for the display language; without one, l10n.t() keeps the English.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] } },
  };
  const configuration = vscode.workspace.getConfiguration('pydeploy');
  // Extra Python files to read as Gunicorn configs; a change takes effect for new documents after a reload.
  const gunicornConfigFiles = configuration.get<string[]>('gunicornConfigFiles') ?? [];
  const documentSelector: TextDocumentFilter[] = [
    { language: 'uwsgi-ini' },
    // The agent's config: tingyun*.ini by name; any other .ini with a [tingyun] section (or named by a server
    // config's TING_YUN_CONFIG_FILE) comes through the `ini` selector below.
    { language: 'tingyun-ini' },
    // Any other .ini is sent too, and the server keeps those with a [uwsgi] or [tingyun] section.
    { language: 'ini', pattern: '**/*.ini' },
    // Templates of a uWSGI config (uwsgi.ini.j2...), whatever language a templating extension gives them.
    { scheme: 'file', pattern: '**/*.ini.{j2,jinja,jinja2,tpl,tmpl,template,in}' },
    // Requirement files, for the Tornado version they pin (tornado/unsupported-version), whatever language an
    // installed extension gives them.
    { scheme: 'file', pattern: '**/{requirements*.txt,requirements*.in,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,setup.cfg}' },
    // Gunicorn reads a Python config; the server parses it and never runs it. Python files on disk all go to the
    // server, which keeps gunicorn*.py and the files pyproject.toml's [tool.pydeploy] or the setting names.
    { language: 'python', pattern: '**/gunicorn*.py' },
    { language: 'python', scheme: 'file' },
    ...gunicornConfigFiles.map((pattern) => ({ language: 'python', pattern })),
    ...LAUNCH_FILES,
  ];
  const clientOptions: LanguageClientOptions = {
    // Used until the server asks for each folder's settings (workspace/configuration).
    initializationOptions: {
      uwsgiVersion: configuration.get<string>('uwsgiVersion'),
      gunicornConfigFiles,
      rules: configuration.get<Record<string, string>>('rules'),
      validationDelay: configuration.get<number>('validationDelay'),
    },
    synchronize: {
      configurationSection: 'pydeploy',
      // Findings depend on these files too (included configs, pinned versions, [tool.pydeploy], the agent's config, the
      // app module a server loads): re-check when they change on disk, and re-index the workspace when one is created or deleted.
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{*.ini,*.py,requirements*.txt,requirements*.in,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,setup.cfg}',
      ),
    },
    documentSelector,
    middleware: {
      // The server links each diagnostic to its rule's page as a file (which the .vsix leaves out); VS Code would
      // open that as Markdown source.
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(linkToRulePage)),
    },
  };
  client = new LanguageClient('pydeploy', 'pydeploy', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('pydeploy.newDeploymentConfig', (solutionId?: unknown, agentId?: unknown) => newDeploymentConfig(context, solutionId, agentId)),
    vscode.commands.registerCommand(SHOW_RULE_PAGE, (ruleId?: unknown) => showRulePage(ruleId)),
    vscode.workspace.registerFileSystemProvider(RULE_PAGES_SCHEME, new RulePages(client), { isCaseSensitive: true, isReadonly: true }),
    vscode.commands.registerCommand('pydeploy.fixAll', () => fixAllProblems()),
  );
  await client.start();
  const status = createStatusBar(context, documentSelector, client);
  return { statusBarText: () => status.text() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Rule pages: the link of every diagnostic opens its rule's page in a Markdown preview. The server writes the
// pages from its rule registry (the .vsix ships none); they are read-only files of their own scheme, so that the
// preview follows the links between them.

const SHOW_RULE_PAGE = 'pydeploy.showRulePage';
const RULE_PAGES_SCHEME = 'pydeploy-rules';

/**
 * A `command:` link in place of the server's `file:` link: the Problems panel and the hover open command links
 * (they are trusted there), and the command shows the page rendered, offline, beside the config.
 */
function linkToRulePage(diagnostic: vscode.Diagnostic): vscode.Diagnostic {
  if (diagnostic.source !== 'pydeploy' || typeof diagnostic.code !== 'object') return diagnostic;
  const ruleId = String(diagnostic.code.value);
  diagnostic.code = { value: ruleId, target: vscode.Uri.from({ scheme: 'command', path: SHOW_RULE_PAGE, query: JSON.stringify([ruleId]) }) };
  return diagnostic;
}

/** `pydeploy-rules:/out/rules/uwsgi/lazy-apps.md` and the like: the pages, asked of the server, read-only. */
class RulePages implements vscode.FileSystemProvider {
  // The pages never change while the server runs.
  readonly onDidChangeFile = new vscode.EventEmitter<vscode.FileChangeEvent[]>().event;

  /** The pages read so far, by path: VS Code asks `stat` (for the size) and then `readFile` of each page it opens. */
  private readonly read = new Map<string, Uint8Array>();

  constructor(private readonly languageClient: LanguageClient) {}

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const known = this.read.get(uri.path);
    if (known) return known;
    const page = await this.languageClient.sendRequest<string | null>(RULE_PAGE_REQUEST, { path: uri.path.slice(1) });
    if (page === null) throw vscode.FileSystemError.FileNotFound(uri);
    const bytes = new TextEncoder().encode(page);
    this.read.set(uri.path, bytes);
    return bytes;
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const size = (await this.readFile(uri)).length;
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size, permissions: vscode.FilePermission.Readonly };
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  readDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.FileNotADirectory(uri);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** Opens a rule's page in a Markdown preview beside the editor; resolves to the page's URI, undefined for no rule. */
async function showRulePage(ruleId: unknown): Promise<vscode.Uri | undefined> {
  if (typeof ruleId !== 'string' || !/^[a-z]+\/[a-z-]+$/.test(ruleId)) return undefined;
  // The page in VS Code's display language when there is one, else the English page.
  const candidates = [...new Set([localeOfTag(vscode.env.language) ?? 'en', 'en' as const])].map((locale) =>
    vscode.Uri.from({ scheme: RULE_PAGES_SCHEME, path: `/${rulePagePath(ruleId, locale)}` }),
  );
  let page: vscode.Uri | undefined;
  for (const candidate of candidates) {
    page ??= await vscode.workspace.fs.stat(candidate).then(
      () => candidate,
      () => undefined,
    );
  }
  if (!page) {
    void vscode.window.showErrorMessage(l10n.t('pydeploy: there is no page for the rule {ruleId}.', { ruleId }));
    return undefined;
  }
  // The preview comes with VS Code's built-in Markdown extension (activated by the command, so not asked for
  // beforehand: getCommands() lists only the commands of active extensions); without it, the page opens as text.
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
  } catch {
    await vscode.window.showTextDocument(page, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
  return page;
}

// ---------------------------------------------------------------------------------------------------------
// pydeploy: Fix all problems — the edit of source.fixAll.pydeploy, asked of the server for the active editor.

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('pydeploy');

/** Applies fix all to the active editor's document; resolves to whether anything was changed. */
async function fixAllProblems(): Promise<boolean> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || !client) {
    void vscode.window.showInformationMessage(l10n.t('pydeploy: open a deployment config to fix its problems.'));
    return false;
  }
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const answer = await client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    range: client.code2ProtocolConverter.asRange(whole),
    context: { diagnostics: [], only: [FIX_ALL_KIND.value] },
  });
  const actions = await client.protocol2CodeConverter.asCodeActionResult(answer ?? []);
  const fix = actions.find((action): action is vscode.CodeAction => action instanceof vscode.CodeAction && action.kind?.value === FIX_ALL_KIND.value);
  if (!fix?.edit) {
    void vscode.window.showInformationMessage(l10n.t('pydeploy: nothing to fix in this file.'));
    return false;
  }
  return vscode.workspace.applyEdit(fix.edit);
}

// ---------------------------------------------------------------------------------------------------------
// pydeploy: New deployment config…

/**
 * A snippet's description in the display language. VS Code has no localization for snippet files
 * (microsoft/vscode#82838), so the quick pick looks the English description up in the l10n bundle, which carries it.
 */
function snippetDescription(snippet: SnippetDefinition | undefined): string | undefined {
  return snippet?.description === undefined ? undefined : l10n.t(snippet.description);
}

function readSnippet(context: vscode.ExtensionContext, solution: DeploymentSolution): SnippetDefinition | undefined {
  const file = context.asAbsolutePath(`snippets/${solution.snippetFile}`);
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, SnippetDefinition>;
  return snippets[solution.snippet];
}

/** No agent picked: the snippet as it is. */
const ANY_AGENT = 'none';

/**
 * The agent a new server config is for: taken by id (`"none"` for none), else picked, the agents the project shows
 * first; undefined when the pick is dismissed.
 */
async function pickAgent(agentId: unknown): Promise<{ profile: AgentProfile | undefined } | undefined> {
  if (agentId === ANY_AGENT) return { profile: undefined };
  const named = typeof agentId === 'string' ? AGENT_PROFILES.find((profile) => profile.id === agentId) : undefined;
  if (named) return { profile: named };
  const folder = vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const found =
    folder && client ? await client.sendRequest<ProjectAgent[]>(PROJECT_AGENTS_REQUEST, { uri: client.code2ProtocolConverter.asUri(folder) }).catch(() => []) : [];
  const byId = new Map(found.map((agent) => [agent.id, agent]));
  const items = [
    ...found.flatMap((agent) => AGENT_PROFILES.filter((profile) => profile.id === agent.id)),
    ...AGENT_PROFILES.filter((profile) => !byId.has(profile.id)),
  ].map((profile) => ({ label: profile.name, description: byId.has(profile.id) ? l10n.t('found: {evidence}', { evidence: byId.get(profile.id)?.evidence ?? '' }) : profile.id, profile }));
  const picked = await vscode.window.showQuickPick([...items, { label: l10n.t('No agent yet'), description: l10n.t('what APM agents commonly need'), profile: undefined }], {
    title: l10n.t('pydeploy: New deployment config'),
    placeHolder: l10n.t('Which APM agent does the app use? The config starts ready for it.'),
    matchOnDescription: true,
  });
  return picked && { profile: picked.profile };
}

/**
 * Offers the deployment solutions in a quick pick (or takes one by id, for key bindings and tests), then, for a
 * server config, the agent (or takes its id), and opens the chosen snippet, written for that agent, in a new untitled
 * editor of the right language, its tab stops live.
 */
async function newDeploymentConfig(context: vscode.ExtensionContext, solutionId?: unknown, agentId?: unknown): Promise<vscode.TextEditor | undefined> {
  let solution = typeof solutionId === 'string' ? DEPLOYMENT_SOLUTIONS.find((each) => each.id === solutionId) : undefined;
  if (!solution) {
    const items = DEPLOYMENT_SOLUTIONS.map((each) => ({
      label: each.label(),
      description: each.fileName,
      detail: snippetDescription(readSnippet(context, each)),
      solution: each,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: l10n.t('pydeploy: New deployment config'),
      placeHolder: l10n.t('How does your app run? The config starts agent-ready.'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    solution = picked?.solution;
  }
  if (!solution) return undefined;
  const snippet = readSnippet(context, solution);
  if (!snippet) {
    void vscode.window.showErrorMessage(l10n.t('pydeploy: the snippet "{snippet}" is missing.', { snippet: solution.snippet }));
    return undefined;
  }
  const agent = solution.agents === 'any' ? await pickAgent(agentId) : { profile: undefined };
  if (!agent) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: solution.language, content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(agentSnippetBody(solution, snippet, agent.profile)));
  return editor;
}

// ---------------------------------------------------------------------------------------------------------
// The status bar: is the active deployment config agent-ready?

const UWSGI_HEADER = /^[ \t]*\[uwsgi\][ \t]*$/m;

const TINGYUN_HEADER = /^[ \t]*\[tingyun\][ \t\r]*$/m;

/** Files that launch the servers: the server publishes diagnostics only on those that start uWSGI or Gunicorn. */
const LAUNCH_FILES: TextDocumentFilter[] = [
  { language: 'dockerfile' },
  { scheme: 'file', pattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile,Containerfile.*,*.Containerfile,Procfile,Procfile.*}' },
  { language: 'yaml', scheme: 'file' },
  { language: 'dockercompose' },
  { language: 'shellscript', scheme: 'file' },
  { scheme: 'file', pattern: '**/*.{service,conf}' },
  { language: 'procfile' },
  { language: 'systemd-unit-file' },
];

function isDeploymentConfig(document: vscode.TextDocument, selector: vscode.DocumentFilter[]): boolean {
  if (document.languageId === 'uwsgi-ini' || document.languageId === 'tingyun-ini') return true;
  if (document.languageId === 'ini') return UWSGI_HEADER.test(document.getText()) || TINGYUN_HEADER.test(document.getText());
  // A launch file counts when it starts a server (the server publishes nothing on the others).
  if (document.languageId !== 'python') return vscode.languages.match(LAUNCH_FILES, document) > 0 && /\b(uwsgi|gunicorn)\b/.test(document.getText());
  // Python files the server is sent are all candidates; count only named Gunicorn configs and ones with findings.
  const named = vscode.languages.match(selector.filter((entry) => entry.language === 'python' && entry.pattern !== undefined), document) > 0;
  return named || vscode.languages.getDiagnostics(document.uri).some((diagnostic) => diagnostic.source === 'pydeploy');
}

/** The status bar item; the server says what it shows for the active config (pydeploy/agentStatus). */
function createStatusBar(context: vscode.ExtensionContext, selector: vscode.DocumentFilter[], languageClient: LanguageClient): { text(): string | undefined } {
  const item = vscode.window.createStatusBarItem('pydeploy.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'pydeploy';
  item.command = 'workbench.actions.view.problems';
  let shown: string | undefined;
  const hide = (): void => {
    item.hide();
    shown = undefined;
  };

  const update = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isDeploymentConfig(document, selector)) return hide();
    const uri = languageClient.code2ProtocolConverter.asUri(document.uri);
    const status = await languageClient.sendRequest<AgentStatus | null>(AGENT_STATUS_REQUEST, { textDocument: { uri } }).catch(() => null);
    // Another editor may have become active while the server answered: its own update shows it.
    if (document !== vscode.window.activeTextEditor?.document) return;
    if (!status) return hide();
    item.text = `${status.ready ? '$(check)' : '$(warning)'} ${status.text}`;
    item.tooltip = new vscode.MarkdownString(status.tooltip);
    item.show();
    shown = item.text;
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) update();
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) update();
    }),
  );
  update();
  return { text: () => shown };
}
