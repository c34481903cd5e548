import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { Analysis, analyze } from '../../server/src/features/analysis';
import type { WorkspaceView } from '../../server/src/model/workspace';
import { memoryWorkspace } from '../helpers/memoryWorkspace';

/** One analysis of up to 20 KB must finish within this: a hang detector, far above any real timing. */
export const HANG_LIMIT_MS = 2000;

export interface Case {
  path: string;
  /** Every file of the workspace, the config under test included. */
  files: Record<string, string>;
}

export function workspaceOf(files: Record<string, string>): WorkspaceView {
  return memoryWorkspace(files);
}

/**
 * Runs `work` with console.error watched: the pipeline swallows a rule that throws and only logs
 * "pydeploy: rule ... failed", so that log line is the failure a property must see.
 */
export function withoutRuleFailures<T>(work: () => T): T {
  const original = console.error;
  const failures: string[] = [];
  console.error = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (/rule \S+ failed/.test(line)) failures.push(line);
    // Other logs (an invalid pyproject.toml of a generated workspace) are expected; keep the output quiet.
  };
  try {
    const result = work();
    assert.deepEqual(failures, [], 'a rule threw');
    return result;
  } finally {
    console.error = original;
  }
}

/** analyze, timed and watched for swallowed rule failures. */
export function analyzeChecked(path: string, text: string, workspace: WorkspaceView): Analysis | undefined {
  return withoutRuleFailures(() => {
    const started = performance.now();
    const analysis = analyze(path, text, {}, workspace);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < HANG_LIMIT_MS, `analysis of ${text.length} characters took ${Math.round(elapsed)} ms`);
    return analysis;
  });
}
