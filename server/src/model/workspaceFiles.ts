import type { WorkspaceView } from './workspace';
import { resolvePath } from '../text/paths';

/**
 * The files of a folder that pydeploy reads: the one folder walk (over a WorkspaceView, or over the disk for the
 * shells' index and the CLI), and where a file a config names is in the workspace. Nothing is run.
 */

/** Folders no project keeps its deployment files in, and that can be huge. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.tox', '.nox', '.venv', 'venv', 'site-packages', '.mypy_cache', '.pytest_cache']);

/** An entry of a folder as a walk reads it (node's `Dirent` is one). */
export interface FolderEntry {
  readonly name: string;
  isDirectory(): boolean;
  isFile(): boolean;
}

/** How a walk reads folders, names what it finds, and how far it goes. */
export interface FolderWalk {
  /** A folder's entries in the order the walk visits them, or undefined when it cannot be listed. */
  list(folder: string): readonly FolderEntry[] | undefined;
  /** The path of a folder's entry; by default `/`-separated, as the analysis core speaks. */
  join?(folder: string, name: string): string;
  /** Whether a file is kept; by default every file is. */
  keep?(path: string): boolean;
  /** How many folders deep below the start the walk goes; by default as deep as there are folders. */
  maxDepth?: number;
  /** How many files it keeps at most; by default all. */
  maxFiles?: number;
}

function childPath(folder: string, name: string): string {
  return `${folder === '/' ? '' : folder}/${name}`;
}

/**
 * The files under a folder, in the order `list` gives the entries, skipping SKIPPED_FOLDERS and virtual environments
 * (a folder holding `pyvenv.cfg`): the one folder walk, over a WorkspaceView or over the disk.
 */
export function walkFiles(root: string, how: FolderWalk): string[] {
  const { list, join = childPath, keep, maxDepth = Infinity, maxFiles = Infinity } = how;
  const found: string[] = [];
  const walk = (folder: string, entries: readonly FolderEntry[], depth: number): void => {
    for (const entry of entries) {
      if (found.length >= maxFiles) return;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth >= maxDepth || SKIPPED_FOLDERS.has(entry.name)) continue;
        const inner = list(path);
        if (inner && !inner.some(({ name }) => name === 'pyvenv.cfg')) walk(path, inner, depth + 1);
      } else if (entry.isFile() && (keep?.(path) ?? true)) found.push(path);
    }
  };
  const entries = list(root);
  if (entries) walk(root, entries, 0);
  return found;
}

/** How deep and how many files the walks of a workspace folder go, so that a huge folder does not stall a check. */
export const WORKSPACE_WALK = { maxDepth: 12, maxFiles: 20_000 };

/**
 * The files under a workspace folder, from the shell's index when it keeps one, else by walking the folder
 * through the view (bounded, skipping virtual environments and tool folders).
 */
export function workspaceFiles(workspace: WorkspaceView, root: string): readonly string[] {
  const indexed = workspace.filesUnder?.(root);
  if (indexed) return indexed;
  // The view lists folders only: an entry is a folder when it can be listed, asked once per entry.
  const entryOf = (folder: string, name: string): FolderEntry => {
    let isFolder: boolean | undefined;
    const isDirectory = () => (isFolder ??= workspace.listFolder(childPath(folder, name)) !== undefined);
    return { name, isDirectory, isFile: () => !isDirectory() };
  };
  const list = (folder: string): FolderEntry[] | undefined => {
    const names = workspace.listFolder(folder);
    return names && [...names].sort().map((name) => entryOf(folder, name));
  };
  return walkFiles(root, { list, ...WORKSPACE_WALK });
}

/**
 * Finds a file a config names in the workspace: as written (absolute, or relative to each of `folders`), then, for
 * an absolute path of the deployment machine (`/srv/app/tingyun.ini`), by its trailing parts under the workspace
 * root (`<root>/app/tingyun.ini`, `<root>/tingyun.ini`).
 */
export function locateInWorkspace(workspace: WorkspaceView, root: string, target: string, folders: readonly string[]): string | undefined {
  const candidates = target.startsWith('/') ? [resolvePath('/', target)] : folders.map((folder) => resolvePath(folder, target));
  if (target.startsWith('/')) {
    const parts = target.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) candidates.push(resolvePath(root, parts.slice(i).join('/')));
  }
  return candidates.find((path) => workspace.readFile(path) !== undefined);
}
