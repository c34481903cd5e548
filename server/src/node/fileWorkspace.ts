import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { WorkspaceView } from '../model/workspace';

/** Turns a native path into the absolute, `/`-separated form the analysis core speaks. */
export function corePath(path: string): string {
  return resolve(path).split(sep).join('/');
}

/**
 * The file system as the analysis sees it. `roots` bound the upward searches (for requirement files and
 * included configs); a path under none of them is bounded by its own folder. `overlay` answers first,
 * so that an editor's unsaved text wins over what is on disk.
 */
export function fileWorkspace(roots: readonly string[], overlay: (path: string) => string | undefined = () => undefined): WorkspaceView {
  const normalisedRoots = roots.map(corePath).sort((a, b) => b.length - a.length);
  return {
    readFile(path) {
      const open = overlay(path);
      if (open !== undefined) return open;
      try {
        if (!statSync(path).isFile()) return undefined;
        return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      } catch {
        return undefined;
      }
    },
    listFolder(path) {
      try {
        return readdirSync(path);
      } catch {
        return undefined;
      }
    },
    hasByteOrderMark(path) {
      try {
        const descriptor = openSync(path, 'r');
        try {
          const head = Buffer.alloc(3);
          return readSync(descriptor, head, 0, 3, 0) === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
        } finally {
          closeSync(descriptor);
        }
      } catch {
        return false;
      }
    },
    rootOf(path) {
      const root = normalisedRoots.find((candidate) => path === candidate || !relative(candidate, path).startsWith('..'));
      return root ?? dirname(path);
    },
  };
}

/** The nearest folder at or above `start` that holds a `.git`, or undefined. */
export function gitRoot(start: string): string | undefined {
  let folder = resolve(start);
  for (;;) {
    if (existsSync(`${folder}/.git`)) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}
