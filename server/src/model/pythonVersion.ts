import type { Launch } from '../parse/launch/types';
import type { Range } from '../text/lineIndex';
import { Version, allowedVersions, compareVersion, findRequiresPython } from '../parse/requirements';
import { readPythonVersionFile, readRuntimeTxt } from '../parse/pythonVersionFiles';
import { dockerfileBaseImage } from '../parse/launch/dockerfile';
import { launchReaderFor } from '../parse/launch/registry';
import { WorkspaceView, computedOnce, foldersUpward } from './workspace';
import { workspaceFiles } from './workspaceFiles';
import { basename } from '../text/paths';

/**
 * The Python version a deployment runs, read from what the project says: the image its launch's Dockerfile is built
 * on (`FROM python:3.13-slim`), else the workspace's Dockerfiles, else `.python-version`, `runtime.txt` or
 * `requires-python` in pyproject.toml, nearest folder first. Read as text; nothing is run.
 */
export interface PythonVersion {
  /** The lowest version the source allows: the version itself for an exact one (`3.13`, `3.13.1`). */
  lowest: Version;
  /** The source names a version (a Dockerfile, `.python-version`, `runtime.txt`), not only a lower bound. */
  exact: boolean;
  path: string;
  range: Range;
  /** The source as a message names it: `Dockerfile FROM python:3.13-slim`. */
  description: string;
}

/** The Python of an image: `python:3.13-slim`, `docker.io/library/python:3.13.1`, `ghcr.io/astral-sh/uv:python3.13-bookworm`. */
function imagePython(image: string): Version | undefined {
  if (image.includes('$')) return undefined;
  const withoutDigest = image.split('@')[0];
  const colon = withoutDigest.lastIndexOf(':');
  if (colon < 0 || withoutDigest.indexOf('/', colon) >= 0) return undefined;
  const name = withoutDigest.slice(0, colon).toLowerCase();
  const tag = withoutDigest.slice(colon + 1);
  const pattern = name === 'python' || name.endsWith('/python') ? /^(\d+)\.(\d+)(?:\.(\d+))?(?=$|[-a-z])/ : /^python(\d+)\.(\d+)(?:\.(\d+))?(?=$|-)/;
  const match = pattern.exec(tag);
  return match ? [Number(match[1]), Number(match[2]), ...(match[3] !== undefined ? [Number(match[3])] : [])] : undefined;
}

function fromDockerfile(path: string, text: string | undefined): PythonVersion | undefined {
  const base = text === undefined ? undefined : dockerfileBaseImage(text);
  const lowest = base && imagePython(base.image);
  return base && lowest ? { lowest, exact: true, path, range: base.range, description: `${basename(path)} FROM ${base.image}` } : undefined;
}

/** The Dockerfile a launch runs in: its own file, or the one a Compose service builds. */
function launchDockerfile(launch: Launch | undefined): string | undefined {
  if (!launch) return undefined;
  return launch.fileKind === 'dockerfile' ? launch.path : launch.image?.dockerfile;
}

/** Of the workspace's Dockerfiles built on a Python image, the lowest Python: only a version every image has is sure. */
function workspaceDockerfiles(workspace: WorkspaceView, path: string): PythonVersion | undefined {
  const root = workspace.rootOf(path);
  return computedOnce(workspace, `python-dockerfiles:${root}`, (view) => {
    const found = workspaceFiles(view, root)
      .filter((file) => launchReaderFor(file, '')?.kind === 'dockerfile')
      .flatMap((file) => fromDockerfile(file, view.readFile(file)) ?? []);
    return found.sort((a, b) => compareVersion(a.lowest, b.lowest))[0];
  });
}

function inFolder(workspace: WorkspaceView, folder: string): PythonVersion | undefined {
  const names = workspace.listFolder(folder) ?? [];
  const file = (name: string) => `${folder === '/' ? '' : folder}/${name}`;
  for (const [name, read] of [['.python-version', readPythonVersionFile], ['runtime.txt', readRuntimeTxt]] as const) {
    const text = names.includes(name) ? workspace.readFile(file(name)) : undefined;
    const named = text === undefined ? undefined : read(text);
    if (named) return { lowest: named.version, exact: true, path: file(name), range: named.range, description: `${name} ${named.text}` };
  }
  const pyproject = names.includes('pyproject.toml') ? workspace.readFile(file('pyproject.toml')) : undefined;
  const requires = pyproject === undefined ? undefined : findRequiresPython(pyproject);
  const lowest = requires && allowedVersions({ specifier: requires.specifier, flavor: 'pep440' }).min;
  if (requires && lowest) return { lowest, exact: false, path: file('pyproject.toml'), range: requires.range, description: `pyproject.toml requires-python ${requires.specifier}` };
  return undefined;
}

/**
 * The Python version the deployment of a checked file (read for `launch`, when one starts it) runs, when the project
 * says. The checked file's own text wins over the workspace's copy (an editor's unsaved changes).
 */
export function projectPythonVersion(workspace: WorkspaceView, checked: { path: string; text: string }, launch?: Launch): PythonVersion | undefined {
  const dockerfile = launchDockerfile(launch);
  const fromLaunch = dockerfile === undefined ? undefined : fromDockerfile(dockerfile, dockerfile === checked.path ? checked.text : workspace.readFile(dockerfile));
  if (fromLaunch) return fromLaunch;
  const configPath = checked.path;
  const fromWorkspace = workspaceDockerfiles(workspace, configPath);
  if (fromWorkspace) return fromWorkspace;
  for (const folder of foldersUpward(workspace, configPath)) {
    const found = inFolder(workspace, folder);
    if (found) return found;
  }
  return undefined;
}

/** How a message names it: `Python 3.13 (Dockerfile FROM python:3.13-slim)`, `Python 3.13 or later (pyproject.toml ...)`. */
export function describePython(python: PythonVersion): string {
  const [major, minor, patch] = python.lowest;
  const version = patch !== undefined && patch > 0 && python.exact ? `${major}.${minor}.${patch}` : `${major}.${minor}`;
  return `Python ${version}${python.exact ? '' : ' or later'} (${python.description})`;
}
