import { closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { WorkspaceView, readingThrough } from '../model/workspace';
import { SKIPPED_FOLDERS } from '../model/deployment';

/** A file-system view that keeps an index of the files under each workspace folder. */
export interface IndexedWorkspace extends WorkspaceView {
  /** Forgets the index, after files were created or deleted; the next question walks the folder again. */
  invalidate(): void;
  /** Forgets the values computed from the files' texts (see `memoized`), after a text changed on disk or in the editor. */
  forgetComputed(): void;
}

const INDEX_LIMIT = 20_000;

/** Every file under a folder (bounded), skipping tool folders and virtual environments; links to folders are not followed. */
function walkFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (found.length >= INDEX_LIMIT) return;
      const path = `${folder === '/' ? '' : folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (depth < 12 && !SKIPPED_FOLDERS.has(entry.name) && !existsSync(`${path}/pyvenv.cfg`)) walk(path, depth + 1);
      } else if (entry.isFile()) found.push(path);
    }
  };
  walk(root, 0);
  return found.sort();
}

/** Turns a native path into the absolute, `/`-separated form the analysis core speaks. */
export function corePath(path: string): string {
  return resolve(path).split(sep).join('/');
}

/**
 * The file system as the analysis sees it. `roots` bound the upward searches (for requirement files and
 * included configs); a path under none of them is bounded by its own folder. `overlay` answers first,
 * so that an editor's unsaved text wins over what is on disk.
 */
export function fileWorkspace(roots: readonly string[], overlay: (path: string) => string | undefined = () => undefined): IndexedWorkspace {
  const normalisedRoots = roots.map(corePath).sort((a, b) => b.length - a.length);
  const index = new Map<string, string[]>();
  const computed = new Map<string, { value: unknown; reads: readonly string[] }>();
  const view: IndexedWorkspace = {
    invalidate() {
      index.clear();
      computed.clear();
    },
    forgetComputed() {
      computed.clear();
    },
    memoized<T>(key: string, compute: (workspace: WorkspaceView) => T) {
      let entry = computed.get(key);
      if (!entry) {
        const reads: string[] = [];
        const value = compute(
          readingThrough(view, (path) => {
            reads.push(path);
            return view.readFile(path);
          }),
        );
        entry = { value, reads };
        computed.set(key, entry);
      }
      return entry as { value: T; reads: readonly string[] };
    },
    filesUnder(root) {
      // Only the workspace folders are indexed; a file outside them is bounded by its own folder, which is not walked.
      if (!normalisedRoots.includes(root)) {
        try {
          return readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `${root === '/' ? '' : root}/${entry.name}`);
        } catch {
          return [];
        }
      }
      let files = index.get(root);
      if (!files) {
        files = walkFiles(root);
        index.set(root, files);
      }
      return files;
    },
    readFile(path) {
      const open = overlay(path);
      if (open !== undefined) return open;
      try {
        // Most paths asked for do not exist (a pyproject.toml in every folder upward, candidate app modules):
        // an error thrown and caught for each costs more than the whole analysis of a small config.
        if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return undefined;
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
  return view;
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
