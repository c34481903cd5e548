// Paths as the core speaks them: absolute, `/`-separated, never touching the disk. Readers and the model share them.

export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? (path.startsWith('/') ? '/' : '.') : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins and normalises `.` and `..`; an absolute `relative` replaces the base. */
export function resolvePath(base: string, relative: string): string {
  const joined = relative.startsWith('/') ? relative : `${base}/${relative}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}
