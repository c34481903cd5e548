import { Dirent, closeSync, existsSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { WorkspaceView, readingThrough } from '../model/workspace';
import { WORKSPACE_WALK, walkFiles } from '../model/workspaceFiles';

/** A file-system view that keeps an index of the files under each workspace folder. */
export interface IndexedWorkspace extends WorkspaceView {
  /** Forgets the index, after files were created or deleted; the next question walks the folder again. */
  invalidate(): void;
  /** Forgets the values computed from the files' texts (see `memoized`), after texts changed on disk. */
  forgetComputed(): void;
  /**
   * After the text of one file changed in the editor: computes again the values that read it, and returns the keys
   * of those whose value is not what it was. A value that stayed the same (an edit of a config that starts no
   * server leaves the index of launches as it was) needs no re-check of the analyses that used it.
   */
  refreshComputed(path: string): ReadonlySet<string>;
  memoized<T>(key: string, compute: (workspace: WorkspaceView) => T): T;
}

interface ComputedValue {
  value: unknown;
  /** The files the computation read, each with a hash of the text it read (see textHash). */
  reads: ReadonlyMap<string, number>;
  /**
   * The other computed values it used (an index over the launch files uses one value per launch file): it is computed
   * again when one of them changes. A value is entered after those it used (when its computation returns).
   */
  uses: ReadonlySet<string>;
  /** The value's content, to tell whether computing it again changed it. */
  fingerprint: string;
  compute: (workspace: WorkspaceView) => unknown;
}

/**
 * A 53-bit hash of a text (cyrb53), -1 for a file that could not be read: whether a file still has the text a value
 * was computed from, without keeping the text (an index reads every `.ini` of the workspace).
 */
function textHash(text: string | undefined): number {
  if (text === undefined) return -1;
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A value's content as text: plain data, with sets and maps as lists (functions are left out, as JSON does). */
function fingerprintOf(value: unknown): string {
  return JSON.stringify(value, (_key, part: unknown) => (part instanceof Set || part instanceof Map ? [...part] : part)) ?? '';
}

/** A folder's entries on disk in the order the file system gives them, or undefined when it cannot be listed. */
export function folderEntries(folder: string): Dirent[] | undefined {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return undefined;
  }
}

/** Every file under a workspace folder (bounded, see walkFiles), sorted; links are not followed. */
function indexFiles(root: string): string[] {
  return walkFiles(root, { list: folderEntries, ...WORKSPACE_WALK }).sort();
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
  const computed = new Map<string, ComputedValue>();
  const computeValue = (compute: (workspace: WorkspaceView) => unknown): ComputedValue => {
    const reads = new Map<string, number>();
    const uses = new Set<string>();
    const reading = readingThrough(view, (path) => {
      const text = view.readFile(path);
      reads.set(path, textHash(text));
      return text;
    });
    const value = compute({
      ...reading,
      memoized<T>(key: string, computeUsed: (workspace: WorkspaceView) => T) {
        uses.add(key);
        return view.memoized(key, computeUsed);
      },
    });
    return { value, reads, uses, fingerprint: fingerprintOf(value), compute };
  };
  const view: IndexedWorkspace = {
    invalidate() {
      index.clear();
      computed.clear();
    },
    forgetComputed() {
      computed.clear();
    },
    refreshComputed(path) {
      const changed = new Set<string>();
      const usesChanged = (value: ComputedValue): boolean => {
        for (const key of value.uses) if (changed.has(key)) return true;
        return false;
      };
      // Opening a file, or closing it unsaved, most often leaves its text as the values read it. The values are in the
      // order they were entered, each after those it used: one pass sees a used value's change before its users.
      let hash: number | undefined;
      for (const [key, before] of computed) {
        const read = before.reads.get(path);
        const readChanged = read !== undefined && read !== (hash ??= textHash(view.readFile(path)));
        if (!readChanged && !usesChanged(before)) continue;
        const after = computeValue(before.compute);
        if (after.fingerprint === before.fingerprint) {
          // The same content: the value the analyses hold stays, with what was read for it this time.
          computed.set(key, { ...after, value: before.value });
        } else {
          computed.set(key, after);
          changed.add(key);
        }
      }
      return changed;
    },
    memoized<T>(key: string, compute: (workspace: WorkspaceView) => T) {
      let entry = computed.get(key);
      if (!entry) {
        entry = computeValue(compute);
        computed.set(key, entry);
      }
      return entry.value as T;
    },
    filesUnder(root) {
      // Only the workspace folders are indexed; a file outside them is bounded by its own folder, which is not walked.
      if (!normalisedRoots.includes(root)) {
        return (folderEntries(root) ?? []).filter((entry) => entry.isFile()).map((entry) => `${root === '/' ? '' : root}/${entry.name}`);
      }
      let files = index.get(root);
      if (!files) {
        files = indexFiles(root);
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
