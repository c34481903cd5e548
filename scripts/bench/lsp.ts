// The bundled language server (server/out/server.js --stdio) driven over JSON-RPC as an editor drives it, with the
// protocol tests' client. Validation delay 0, so that a change is checked as soon as it arrives.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { PublishDiagnosticsParams, Range } from 'vscode-languageserver';
import { LspClient } from '../../test/protocol/lspClient';

export const BENCH_SETTINGS = { validationDelay: 0 };

export interface Session {
  client: LspClient;
  /** Opens a document and resolves with its first diagnostics. */
  open(path: string, text: string, languageId?: string): Promise<PublishDiagnosticsParams>;
  /** Sends one incremental change and resolves with the diagnostics of the new version. */
  change(path: string, range: Range, text: string): Promise<PublishDiagnosticsParams>;
  /** The server's resident set size in bytes, from /proc. */
  rss(): number;
  close(): Promise<void>;
}

export async function startSession(workspaceFolder?: string): Promise<Session> {
  const client = await LspClient.start({ documentChanges: true, workspaceFolder, initializationOptions: BENCH_SETTINGS });
  const versions = new Map<string, number>();
  const awaitVersion = async (uri: string, version: number): Promise<PublishDiagnosticsParams> => {
    // Other documents' re-checks come too; only this document's publish for this version ends the wait.
    for (;;) {
      const published = await client.nextDiagnostics(uri);
      if (published.version === version) return published;
    }
  };
  return {
    client,
    async open(path, text, languageId = 'ini') {
      const uri = pathToFileURL(path).href;
      versions.set(uri, 1);
      void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return awaitVersion(uri, 1);
    },
    async change(path, range, text) {
      const uri = pathToFileURL(path).href;
      const version = (versions.get(uri) ?? 1) + 1;
      versions.set(uri, version);
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      return awaitVersion(uri, version);
    },
    rss() {
      const status = readFileSync(join('/proc', String(client.child.pid), 'status'), 'utf8');
      const kilobytes = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
      if (!kilobytes) throw new Error('no VmRSS in /proc/PID/status');
      return Number(kilobytes) * 1024;
    },
    async close() {
      try {
        await client.shutdownAndExit();
      } finally {
        client.dispose();
      }
    },
  };
}
