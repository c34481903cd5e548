import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TextDocumentFilter, TransportKind } from 'vscode-languageclient/node';
import { DEPLOYMENT_SOLUTIONS, DeploymentSolution, SnippetDefinition, snippetBody } from './solutions';

let client: LanguageClient | undefined;

/** What the extension gives back from activate(): the status bar text, for the VS Code test suite. */
export interface PydeployApi {
  statusBarText(): string | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<PydeployApi> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
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
  };
  client = new LanguageClient('pydeploy', 'pydeploy', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('pydeploy.newDeploymentConfig', (solutionId?: unknown) => newDeploymentConfig(context, solutionId)),
  );
  const status = createStatusBar(context, documentSelector);
  await client.start();
  return { statusBarText: () => status.text() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

// ---------------------------------------------------------------------------------------------------------
// pydeploy: New deployment config…

function readSnippet(context: vscode.ExtensionContext, solution: DeploymentSolution): SnippetDefinition | undefined {
  const file = context.asAbsolutePath(`snippets/${solution.snippetFile}`);
  const snippets = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, SnippetDefinition>;
  return snippets[solution.snippet];
}

/**
 * Offers the deployment solutions in a quick pick (or takes one by id, for key bindings and tests) and opens the
 * chosen snippet in a new untitled editor of the right language, its tab stops live.
 */
async function newDeploymentConfig(context: vscode.ExtensionContext, solutionId?: unknown): Promise<vscode.TextEditor | undefined> {
  let solution = typeof solutionId === 'string' ? DEPLOYMENT_SOLUTIONS.find((each) => each.id === solutionId) : undefined;
  if (!solution) {
    const items = DEPLOYMENT_SOLUTIONS.map((each) => ({
      label: each.label,
      description: each.fileName,
      detail: readSnippet(context, each)?.description,
      solution: each,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'pydeploy: New deployment config',
      placeHolder: 'How does your app run? The config starts agent-ready.',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    solution = picked?.solution;
  }
  if (!solution) return undefined;
  const snippet = readSnippet(context, solution);
  if (!snippet) {
    void vscode.window.showErrorMessage(`pydeploy: the snippet "${solution.snippet}" is missing.`);
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: solution.language, content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(snippetBody(snippet)));
  return editor;
}

// ---------------------------------------------------------------------------------------------------------
// The status bar: is the active deployment config agent-ready?

const UWSGI_HEADER = /^[ \t]*\[uwsgi\][ \t]*$/m;

const TINGYUN_HEADER = /^[ \t]*\[tingyun\][ \t\r]*$/m;

function isDeploymentConfig(document: vscode.TextDocument, selector: vscode.DocumentFilter[]): boolean {
  if (document.languageId === 'uwsgi-ini' || document.languageId === 'tingyun-ini') return true;
  if (document.languageId === 'ini') return UWSGI_HEADER.test(document.getText()) || TINGYUN_HEADER.test(document.getText());
  if (document.languageId !== 'python') return false;
  // Python files the server is sent are all candidates; count only named Gunicorn configs and ones with findings.
  const named = vscode.languages.match(selector.filter((entry) => entry.language === 'python' && entry.pattern !== undefined), document) > 0;
  return named || vscode.languages.getDiagnostics(document.uri).some((diagnostic) => diagnostic.source === 'pydeploy');
}

function createStatusBar(context: vscode.ExtensionContext, selector: vscode.DocumentFilter[]): { text(): string | undefined } {
  const item = vscode.window.createStatusBarItem('pydeploy.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'pydeploy';
  item.command = 'workbench.actions.view.problems';
  let shown: string | undefined;

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isDeploymentConfig(document, selector)) {
      item.hide();
      shown = undefined;
      return;
    }
    const problems = vscode.languages
      .getDiagnostics(document.uri)
      .filter(
        (diagnostic) =>
          diagnostic.source === 'pydeploy' &&
          (diagnostic.severity === vscode.DiagnosticSeverity.Error || diagnostic.severity === vscode.DiagnosticSeverity.Warning),
      ).length;
    item.text = problems === 0 ? '$(check) agent-ready' : `$(warning) ${problems} agent ${problems === 1 ? 'problem' : 'problems'}`;
    item.tooltip =
      problems === 0
        ? 'pydeploy: no errors or warnings in this deployment config'
        : 'pydeploy: errors and warnings in this deployment config — click to show the Problems panel';
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
