import type { ImageRun, Launch, LaunchFileReading, LaunchVariable } from '../parse/launch/types';
import { LineIndex } from '../text/lineIndex';
import { WorkspaceView, computedOnce } from './workspace';
import { basename, dirname, resolvePath } from '../text/paths';
import { locateInWorkspace, workspaceFiles } from './workspaceFiles';
import { UwsgiCommandLine, readUwsgiCommandLine } from './uwsgiCommandLine';
import { GunicornCommandLine, readGunicornCommandLine } from './gunicornCommandLine';

/**
 * Launches and the config files they start the servers with: which launches of a workspace folder read a given
 * config file (and from which section), and where a file a launch names is in the workspace.
 */

/** Reads a launch file: its launches, and the services that run an image without naming a server (see parse/launch). */
export type LaunchReader = (path: string, text: string) => Pick<LaunchFileReading, 'launches' | 'imageRuns'>;

/** Whether a file may be a launch file by its name alone; the walk reads only these. */
export type LaunchFileFilter = (path: string) => boolean;

/** The folders a relative path of a launch is read from: its working folder, the launch file's folder, the workspace folder. */
function launchFolders(workspace: WorkspaceView, launch: Launch): string[] {
  const root = workspace.rootOf(launch.path);
  return [...(launch.cwd ? [launch.cwd] : []), dirname(launch.path), root];
}

/**
 * The variables of an env file (`env_file:`, `EnvironmentFile=`): `NAME=value` lines (an `export ` before is allowed),
 * one pair of quotes around the value taken off; `#` lines are comments. Values with `$` are not resolved.
 */
export function readEnvFile(path: string, text: string): LaunchVariable[] {
  const index = new LineIndex(text);
  const variables: LaunchVariable[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const content = index.lineText(line);
    const match = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_]*)=(.*?)\s*$/.exec(content);
    if (!match) continue;
    const [, lead, name, raw] = match;
    const quoted = /^(["']).*\1$/.test(raw) && raw.length >= 2;
    const value = quoted ? raw.slice(1, -1) : raw;
    const valueStart = lead.length + name.length + 1;
    variables.push({
      name,
      value,
      range: { start: { line, character: lead.length }, end: { line, character: valueStart + raw.length } },
      valueRange: { start: { line, character: valueStart + (quoted ? 1 : 0) }, end: { line, character: valueStart + raw.length - (quoted ? 1 : 0) } },
      opaque: value.includes('$'),
      path,
    });
  }
  return variables;
}

/** The launch with the variables of its env files of the workspace, in the order the launcher applies them. */
export function withEnvFiles(workspace: WorkspaceView, launch: Launch): Launch {
  if (!launch.envFiles?.length) return launch;
  let env = launch.env;
  for (const file of launch.envFiles) {
    const text = workspace.readFile(file.path);
    if (text === undefined) continue;
    const variables = readEnvFile(file.path, text);
    env = file.overridesEnv ? [...env, ...variables] : [...variables, ...env];
  }
  return { ...launch, env };
}

/** A file a launch names, found in the workspace (a path of the image, `/app/uwsgi.ini`, by its trailing parts). */
export function locateLaunchFile(workspace: WorkspaceView, launch: Launch, file: string): string | undefined {
  const root = workspace.rootOf(launch.path);
  const folders = launchFolders(workspace, launch);
  const absolute = file.startsWith('/') ? file : resolvePath(folders[0], file);
  return locateInWorkspace(workspace, root, file.startsWith('/') ? file : absolute, []) ?? locateInWorkspace(workspace, root, file, folders);
}

/**
 * A Compose service or Kubernetes container that runs an image built from a Dockerfile of the workspace with its own
 * environment, and no command of its own: the Dockerfile's launch, run with that environment added (it wins).
 */
function launchOfImageRun(run: ImageRun, launches: readonly Launch[]): Launch[] {
  if (!run.image || run.entrypoint || run.command) return [];
  const dockerfile = run.image.dockerfile;
  return launches
    .filter((launch) => launch.path === dockerfile)
    .map((launch) => ({ ...launch, label: `${run.label} (${launch.label})`, env: [...launch.env, ...run.env.map((variable) => ({ ...variable, path: variable.path ?? run.path }))] }));
}

/** Every launch in the launch files of a workspace folder, in path order, then those of services running their images. */
export function workspaceLaunches(workspace: WorkspaceView, root: string, mayLaunch: LaunchFileFilter, read: LaunchReader): Launch[] {
  const launches: Launch[] = [];
  const imageRuns: ImageRun[] = [];
  for (const path of workspaceFiles(workspace, root)) {
    if (!mayLaunch(path)) continue;
    // Each file's launches are kept apart, per text of the file and of its env files, where the shell keeps them: an
    // edit reads its own file again, not every launch file of the folder (a workspace may hold a thousand `.ini`).
    const reading = computedOnce(workspace, `launch-file:${path}`, (view) => launchesOfFile(view, path, read));
    launches.push(...reading.launches);
    imageRuns.push(...reading.imageRuns);
  }
  return [...launches, ...imageRuns.flatMap((run) => launchOfImageRun(run, launches))];
}

/** The launches of one launch file with the variables of their env files (none for a file that cannot be read). */
function launchesOfFile(workspace: WorkspaceView, path: string, read: LaunchReader): Pick<LaunchFileReading, 'launches' | 'imageRuns'> {
  const text = workspace.readFile(path);
  if (text === undefined) return { launches: [], imageRuns: [] };
  const reading = read(path, text);
  return { launches: reading.launches.map((launch) => withEnvFiles(workspace, launch)), imageRuns: reading.imageRuns };
}

/** A uWSGI launch that reads a config file, with the section it reads. */
export interface UwsgiLaunchOfFile {
  commandLine: UwsgiCommandLine;
  section: string;
}

/** The uWSGI launches that name an ini file, each with the section it asks for (the first one naming the file). */
export function uwsgiLaunchesOf(workspace: WorkspaceView, path: string, launches: readonly Launch[]): UwsgiLaunchOfFile[] {
  const found: UwsgiLaunchOfFile[] = [];
  for (const launch of launches) {
    if (launch.server !== 'uwsgi') continue;
    const commandLine = readUwsgiCommandLine(launch);
    const named = commandLine.items.find((item) => item.kind === 'config-file' && item.format === 'ini' && !item.opaque && locateLaunchFile(workspace, launch, item.file) === path);
    if (named?.kind === 'config-file') found.push({ commandLine, section: named.section });
  }
  return found;
}

/** The config file a Gunicorn launch reads: the one `-c` names, else `gunicorn.conf.py` in its working folder. */
export function gunicornConfigOf(workspace: WorkspaceView, commandLine: GunicornCommandLine): string | undefined {
  const { launch, configFile } = commandLine;
  if (configFile) {
    if (configFile.opaque || /^python:/.test(configFile.file)) return undefined;
    return locateLaunchFile(workspace, launch, configFile.file.replace(/^file:/, ''));
  }
  const folder = launch.cwd ?? dirname(launch.path);
  const candidate = resolvePath(folder, 'gunicorn.conf.py');
  return workspace.readFile(candidate) !== undefined ? candidate : locateLaunchFile(workspace, launch, 'gunicorn.conf.py');
}

/** The Gunicorn launches that read a config file. */
export function gunicornLaunchesOf(workspace: WorkspaceView, path: string, launches: readonly Launch[]): GunicornCommandLine[] {
  return launches.filter((launch) => launch.server === 'gunicorn').map(readGunicornCommandLine).filter((commandLine) => gunicornConfigOf(workspace, commandLine) === path);
}

/** Files that a Gunicorn launch names with `-c`: Gunicorn configs whatever their name. */
export function namedGunicornConfigs(workspace: WorkspaceView, launches: readonly Launch[]): Set<string> {
  const named = new Set<string>();
  for (const launch of launches) {
    if (launch.server !== 'gunicorn') continue;
    const commandLine = readGunicornCommandLine(launch);
    const path = commandLine.configFile ? gunicornConfigOf(workspace, commandLine) : undefined;
    if (path && basename(path) !== '') named.add(path);
  }
  return named;
}
