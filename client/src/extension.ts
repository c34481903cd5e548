import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const configuration = vscode.workspace.getConfiguration('pydeploy');
  // Extra Python files to read as Gunicorn configs; a change takes effect for new documents after a reload.
  const gunicornConfigFiles = configuration.get<string[]>('gunicornConfigFiles') ?? [];
  const clientOptions: LanguageClientOptions = {
    initializationOptions: {
      uwsgiVersion: configuration.get<string>('uwsgiVersion'),
      gunicornConfigFiles,
      rules: configuration.get<Record<string, string>>('rules'),
    },
    synchronize: {
      configurationSection: 'pydeploy',
      // Findings depend on these files too (included configs, pinned versions, the agent's config, the app module
      // a server loads): re-check when they change on disk, and re-index the workspace when one is created or deleted.
      fileEvents: vscode.workspace.createFileSystemWatcher(
        '**/{*.ini,*.py,requirements*.txt,requirements*.in,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,setup.cfg}',
      ),
    },
    // uwsgi*.ini files get the uwsgi-ini language; any other .ini is sent too, and the server keeps those with a [uwsgi] section.
    documentSelector: [
      { language: 'uwsgi-ini' },
      // The agent's config: tingyun*.ini by name; any other .ini with a [tingyun] section (or named by a server
      // config's TING_YUN_CONFIG_FILE) comes through the `ini` selector below.
      { language: 'tingyun-ini' },
      { language: 'ini', pattern: '**/*.ini' },
      // Requirement files, for the Tornado version they pin (tornado/unsupported-version), whatever language an
      // installed extension gives them.
      { scheme: 'file', pattern: '**/{requirements*.txt,requirements*.in,pyproject.toml,Pipfile,Pipfile.lock,poetry.lock,setup.cfg}' },
      // Gunicorn reads a Python config; the server parses it and never runs it.
      { language: 'python', pattern: '**/gunicorn*.py' },
      ...gunicornConfigFiles.map((pattern) => ({ language: 'python', pattern })),
    ],
  };
  client = new LanguageClient('pydeploy', 'pydeploy', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
