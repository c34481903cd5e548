// The entry point VS Code's extension host loads as `extensionTestsPath`: it `require`s this module and awaits
// its exported `run()`. @vscode/test-electron (scripts/e2e/run-electron.mjs) and code-server
// (scripts/e2e/run-code-server.mjs) use the same contract, so one mocha suite serves both.
//
// scripts/e2e/build-suite.mjs bundles this file (with mocha inside, so nothing has to be resolved from
// node_modules at run time) to test/e2e/out/index.js, and each suite/*.test.ts to test/e2e/out/suite/*.test.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * While tests run, code-server's workbench logs the extension host's console among its own log lines; the runner
 * forwards the lines that start with this prefix. The extension host's `console` methods cannot be replaced (it
 * forwards them itself), so the prefix goes on the report's lines: mocha's reporters write through Base.consoleLog.
 */
const PREFIX = '[Extension Host]';
const consoleLog = console.log.bind(console);

function reportLine(...args: unknown[]): void {
  const text = args.length === 0 ? '' : format(...args);
  for (const line of text.split('\n')) consoleLog(`${PREFIX} ${line}`);
}

export function run(): Promise<void> {
  const suiteDir = path.join(__dirname, 'suite');
  const files = fs.existsSync(suiteDir) ? fs.readdirSync(suiteDir).filter((name) => name.endsWith('.test.js')).sort() : [];
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js in ${suiteDir}: run node scripts/e2e/build-suite.mjs`));

  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    // The report reaches the runner as browser console lines (code-server) or VS Code's stdout (Electron).
    color: false,
    timeout: 60_000,
    slow: 5_000,
    grep: process.env.PYDEPLOY_E2E_GREP || undefined,
  });
  for (const file of files) mocha.addFile(path.join(suiteDir, file));

  Mocha.reporters.Base.consoleLog = reportLine;
  return new Promise<void>((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
  });
}
