import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, inspect } from 'node:util';
import { Connection, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { ServerOptions, startServer } from './lsp/server';
import { rulePagePath } from './rules/rulePages';
import { ResyncingFrameStream } from './lsp/framing';

/**
 * With stdio, stdout carries the protocol: whatever the server prints goes to the client's log instead (what
 * vscode-languageserver does for `--stdio` itself, which it cannot here because the streams are passed in).
 */
function logToClient(connection: Connection): void {
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.debug = console.trace = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.dir = console.table = (item: unknown) => connection.console.log(inspect(item));
  console.assert = (condition?: unknown, ...args: unknown[]) => {
    if (!condition) connection.console.error(`Assertion failed${args.length > 0 ? `: ${format(...args)}` : ''}`);
  };
}

/**
 * The rule pages the build writes beside the bundles (server/out/server.js, two folders below the root of the
 * repository or package): links any editor can open offline. The .vsix leaves them out: the VS Code client turns
 * each link into a command that asks this server for the page (RULE_PAGE_REQUEST).
 */
const options: ServerOptions = { rulePageUri: (ruleId, locale) => pathToFileURL(join(__dirname, '..', '..', rulePagePath(ruleId, locale))).href };

if (process.argv.includes('--stdio')) {
  // The input passes through a check of its framing, so that one malformed message cannot deafen the server for
  // good (see ResyncingFrameStream). The server still exits when stdin ends, as vscode-languageserver's own stdio does.
  let connection: Connection | undefined;
  const input = process.stdin.pipe(new ResyncingFrameStream((reason) => connection?.console.warn(`pydeploy: malformed JSON-RPC input: ${reason}`)));
  connection = createConnection(ProposedFeatures.all, input, process.stdout);
  logToClient(connection);
  startServer(connection, options);
} else {
  // The other transports (--node-ipc, --socket=N, --pipe) are read from the command line by createConnection.
  startServer(createConnection(ProposedFeatures.all), options);
}
