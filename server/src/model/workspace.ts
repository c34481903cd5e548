import { dirname } from '../text/paths';

/**
 * What the analysis may see of the files around the one it checks. The shells implement it (the CLI
 * with the file system, the server with open documents first); the core never touches the disk itself.
 * Paths are absolute and use `/`.
 */
export interface WorkspaceView {
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
  /** The entry names of a folder, or undefined when it cannot be listed. */
  listFolder(path: string): readonly string[] | undefined;
  /** The folder above which searches stop: the workspace folder holding the path. */
  rootOf(path: string): string;
  /** Whether the file on disk starts with a UTF-8 byte order mark (which editors hide from the text). */
  hasByteOrderMark?(path: string): boolean;
  /**
   * Every file under a workspace folder, when the shell keeps an index of them (the server refreshes it on
   * watched-file events). Optional: without it the core walks the folder with listFolder.
   */
  filesUnder?(root: string): readonly string[] | undefined;
  /**
   * A value computed from many files of the workspace (an index over them), kept by the shell until a file is
   * created, deleted or changed; a shell tracking what an analysis depends on notes the key (the server computes
   * the value again when a file it read changes). `compute` must read through the view it is given. Optional:
   * without it the value is computed each time (see `computedOnce`).
   */
  memoized?<T>(key: string, compute: (workspace: WorkspaceView) => T): T;
}

/** A value computed from the workspace's files, once per workspace state when the shell keeps it (`memoized`). */
export function computedOnce<T>(workspace: WorkspaceView, key: string, compute: (workspace: WorkspaceView) => T): T {
  return workspace.memoized ? workspace.memoized(key, compute) : compute(workspace);
}

/** A workspace with no other files, for text checked on its own. */
export const NO_WORKSPACE: WorkspaceView = {
  readFile: () => undefined,
  listFolder: () => undefined,
  rootOf: () => '/',
};

/**
 * The same workspace, with its files read through `readFile` (which may call on the workspace's own): what a shell
 * or a fix needs to see differently (texts not on disk yet, a record of what was read) without rewriting the rest.
 * What the workspace memoized is not passed on: it was computed from the files as the workspace reads them.
 */
export function readingThrough(workspace: WorkspaceView, readFile: (path: string) => string | undefined): WorkspaceView {
  const { hasByteOrderMark, filesUnder } = workspace;
  return {
    readFile,
    listFolder: (path) => workspace.listFolder(path),
    rootOf: (path) => workspace.rootOf(path),
    ...(hasByteOrderMark ? { hasByteOrderMark: (path: string) => hasByteOrderMark.call(workspace, path) } : {}),
    ...(filesUnder ? { filesUnder: (root: string) => filesUnder.call(workspace, root) } : {}),
  };
}

/** The folders from a file's own up to its workspace root, nearest first. */
export function foldersUpward(workspace: WorkspaceView, path: string): string[] {
  const root = workspace.rootOf(path);
  const folders: string[] = [];
  let folder = dirname(path);
  for (;;) {
    folders.push(folder);
    if (folder === root || folder === '/' || folder === '.' || !folder.startsWith(root)) break;
    folder = dirname(folder);
  }
  return folders;
}
