#!/usr/bin/env node
// Builds everything the extension and the CLI ship: the esbuild bundles of the language server, the command line
// and the VS Code client, the rule pages (from the rule registry) and the extension's icon (from its SVG).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { Resvg } from '@resvg/resvg-js';

// charset utf8: the Chinese texts as they are (3 bytes a character) rather than as \uXXXX escapes (6).
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, minify: true, keepNames: true, charset: 'utf8', logLevel: 'warning' };

// The client and the language server both speak LSP through vscode-languageserver-protocol (with vscode-jsonrpc and
// vscode-languageserver-types inside): it is bundled once, to server/out/lsp.js, and both bundles load that file.
// The CLI has no client beside it and stays a single file.
const sharedLsp = (path) => ({
  name: 'shared-lsp',
  setup(build) {
    build.onResolve({ filter: /^vscode-(languageserver-protocol|jsonrpc|languageserver-types)(\/.*)?$/ }, () => ({ path, external: true }));
  },
});

await Promise.all([
  build({ ...common, entryPoints: ['node_modules/vscode-languageserver-protocol/node.js'], outfile: 'server/out/lsp.js' }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', plugins: [sharedLsp('./lsp.js')] }),
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'server/out/cli.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'], plugins: [sharedLsp('../../server/out/lsp.js')] }),
]);

// The rule pages each diagnostic links to (as `file:` URIs, for editors other than VS Code, whose client asks the server
// for them instead), written from the registry on every build so that they never go stale.
const pages = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-rule-pages.ts'], { stdio: 'inherit' });
if (pages.status !== 0) throw new Error(`scripts/generate-rule-pages.ts failed (exit ${pages.status ?? pages.signal})`);

// The marketplace wants a PNG icon of at least 128×128 pixels; the drawing is kept as SVG.
mkdirSync('out', { recursive: true });
const icon = new Resvg(readFileSync('images/icon.svg'), { fitTo: { mode: 'width', value: 128 } }).render();
writeFileSync('out/icon.png', icon.asPng());
