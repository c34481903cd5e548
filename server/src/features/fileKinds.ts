import type { FileKind } from '../model/document';

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A line that is exactly a `[uwsgi]` header, the way uWSGI recognises it. */
const UWSGI_HEADER = /^[ \t]*\[uwsgi\][ \t\r]*$/m;

/**
 * Which kind of file this is, or undefined for files pydeploy leaves alone: `uwsgi*.ini` by name
 * (even before it has a section), any other `.ini` only when it holds a `[uwsgi]` section.
 */
export function detectFileKind(path: string, text: string): FileKind | undefined {
  const name = baseName(path).toLowerCase();
  if (!name.endsWith('.ini')) return undefined;
  if (name.startsWith('uwsgi')) return 'uwsgi-ini';
  return UWSGI_HEADER.test(text) ? 'uwsgi-ini' : undefined;
}

/** Whether a file name alone could be one pydeploy reads (the CLI's walk uses it before reading). */
export function mayBeHandled(path: string): boolean {
  return baseName(path).toLowerCase().endsWith('.ini');
}
