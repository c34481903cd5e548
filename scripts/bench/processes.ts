// Running the built programs as a user does: whole processes, timed from spawn to exit.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { now } from './measure';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SERVER_JS = join(REPO_ROOT, 'server', 'out', 'server.js');
export const CLI_JS = join(REPO_ROOT, 'server', 'out', 'cli.js');

/** Milliseconds from spawn to exit; throws when the program fails (a broken run must not look fast). */
export function timeProcess(command: string, args: readonly string[], cwd: string, okCodes: readonly number[] = [0]): number {
  const started = now();
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const elapsed = now() - started;
  if (result.error) throw result.error;
  if (result.status === null || !okCodes.includes(result.status)) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stderr.slice(-2000)}`);
  }
  return elapsed;
}

export function runPydeploy(args: readonly string[], cwd: string): number {
  return timeProcess(process.execPath, [CLI_JS, 'check', '--exit-zero', ...args], cwd);
}

/** The first of the paths that exists, or undefined: where an optional program is installed. */
export function findProgram(...candidates: string[]): string | undefined {
  return candidates.find((candidate) => existsSync(candidate));
}

const temporaryFolders: string[] = [];

/** A fresh temporary folder, removed when the benchmark exits. */
export function temporaryFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `pydeploy-bench-${name}-`));
  temporaryFolders.push(folder);
  return folder;
}

process.on('exit', () => {
  for (const folder of temporaryFolders) rmSync(folder, { recursive: true, force: true });
});
