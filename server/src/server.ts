import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

// The transport (--stdio, --node-ipc, --socket=N) is read from the command line by createConnection.
startServer(createConnection(ProposedFeatures.all));
