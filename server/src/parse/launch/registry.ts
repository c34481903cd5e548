import type { Launch, LaunchFileKind } from './types';

/** One reader of a launch-file kind: which files it reads (by name, and content when the name is not enough), and its launches. */
export interface LaunchFileReader {
  kind: LaunchFileKind;
  /** Whether a file may be of this kind by its name alone (a walk reads only these). */
  mayRead(path: string): boolean;
  claims(path: string, text: string): boolean;
  read(path: string, text: string): Launch[];
}

const READERS: readonly LaunchFileReader[] = [];

/** Whether a file may be a launch file by its name alone. */
export function mayBeLaunchFile(path: string): boolean {
  return READERS.some((reader) => reader.mayRead(path));
}

/** The kind of launch file a file is, or undefined. */
export function launchFileKind(path: string, text: string): LaunchFileKind | undefined {
  return READERS.find((reader) => reader.claims(path, text))?.kind;
}

/** The launches of a launch file; undefined for a file of no launch kind. Never throws. */
export function readLaunchFile(path: string, text: string): Launch[] | undefined {
  return READERS.find((reader) => reader.claims(path, text))?.read(path, text);
}
