#!/usr/bin/env node
// The command line is bundled with the server: `npm run build` (or `npm pack`, which builds first) makes server/out/cli.js.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'server', 'out', 'cli.js');
if (!existsSync(cli)) {
  // A checkout that was never built (a clone, or an install from git, which packs without building).
  process.stderr.write(`pydeploy: ${cli} is missing: run \`npm run build\` in ${join(__dirname, '..')}, or install a packed tarball (npm pack)\n`);
  process.exitCode = 2;
} else {
  require(cli);
}
