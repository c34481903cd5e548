#!/usr/bin/env node
// The command line is bundled with the server: `npm run build` makes server/out/cli.js.
require('../server/out/cli.js');
