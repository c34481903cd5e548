import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // uwsgi*.ini files get the uwsgi-ini language; any other .ini is sent too, and the server keeps those with a [uwsgi] section.
    documentSelector: [
      { language: 'uwsgi-ini' },
      { language: 'ini', pattern: '**/*.ini' },
    ],
  };
  client = new LanguageClient('pydeploy', 'pydeploy', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
