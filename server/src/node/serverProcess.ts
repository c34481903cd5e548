/**
 * The Node.js options the language server's process is started with. V8's young generation grows to its largest
 * while a thousand open documents are checked and never gives the memory back; a 4 MB semi-space keeps the server
 * under 100 MB with 1,000 open documents, with no slower opens or edits (bench/RESULTS.md, issue 14).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];
