// Loaded by VS Code's extension host as `extensionTestsPath` (instead of the e2e suite) when the benchmark
// measures activation: times the extension's activate(), which starts the language client and the server,
// before anything else has activated it, and reports the figure on the console the e2e runner forwards.
import * as vscode from 'vscode';

/** scripts/e2e/run-code-server.mjs forwards extension-host console lines that carry this prefix. */
const PREFIX = '[Extension Host]';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension('pydeploy.pydeploy');
  if (!extension) throw new Error('the pydeploy extension is not loaded');
  if (extension.isActive) throw new Error('the extension was already active: nothing to measure');
  const started = performance.now();
  await extension.activate();
  const elapsed = performance.now() - started;
  console.log(`${PREFIX} pydeploy-bench activate-ms=${elapsed.toFixed(2)}`);
}
