// Section 6: what users download and what the editor loads: the packaged .vsix and the bundles in it.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Row, verdict } from './measure';
import { REPO_ROOT } from './processes';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;

export function benchSize(): Row[] {
  const vsix = statSync(join(REPO_ROOT, 'pydeploy.vsix')).size;
  const bundle = (relative: string): Row => {
    const path = join(REPO_ROOT, relative);
    return { section: '6', what: relative, result: `${kb(statSync(path).size)} (${kb(gzipSync(readFileSync(path)).length)} gzipped)`, target: '', verdict: 'n/a' };
  };
  return [
    { section: '6', what: 'pydeploy.vsix', result: kb(vsix), target: '< 400 KB', verdict: verdict(vsix < 400 * 1024) },
    bundle('server/out/server.js'),
    bundle('server/out/lsp.js'),
    bundle('server/out/cli.js'),
    bundle('client/out/extension.js'),
  ];
}
