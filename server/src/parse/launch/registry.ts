import type { Launch, LaunchFileKind, LaunchFileReading } from './types';
import { readDockerfile } from './dockerfile';
import { readProcfile } from './procfile';

/** One reader of a launch-file kind: which files it reads (by name), and what it finds in them. */
interface LaunchFileReader {
  kind: LaunchFileKind;
  /** Whether a file is of this kind by its name (a walk reads only these). */
  reads(name: string): boolean;
  read(path: string, text: string): LaunchFileReading;
}

const READERS: readonly LaunchFileReader[] = [
  { kind: 'dockerfile', reads: (name) => /^(dockerfile|containerfile)(\..*)?$|\.(dockerfile|containerfile)$/i.test(name), read: readDockerfile },
  { kind: 'procfile', reads: (name) => /^procfile(\..*)?$/i.test(name), read: readProcfile },
];

function readerFor(path: string): LaunchFileReader | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return READERS.find((reader) => reader.reads(name));
}

/** Whether a file may be a launch file by its name alone. */
export function mayBeLaunchFile(path: string): boolean {
  return readerFor(path) !== undefined;
}

/** The kind of launch file a file is, or undefined. */
export function launchFileKind(path: string): LaunchFileKind | undefined {
  return readerFor(path)?.kind;
}

/** The launches of a launch file; undefined for a file of no launch kind. Never throws. */
export function readLaunchFile(path: string, text: string): Launch[] | undefined {
  return readerFor(path)?.read(path, text).launches;
}
