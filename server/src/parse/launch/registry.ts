import { readCompose } from './compose';
import { readDockerfile } from './dockerfile';
import { WORKLOAD_KINDS, readKubernetes } from './kubernetes';
import { readAppYaml, readRenderYaml } from './paas';
import { readProcfile } from './procfile';
import { hasShellShebang, readShellScript } from './shellScript';
import { readSupervisord } from './supervisord';
import { readSystemdUnit } from './systemd';
import type { Launch, LaunchFileKind, LaunchFileReading } from './types';

/**
 * Which reader reads a launch file: by its name, and for names that do not tell (YAML, ini, extensionless
 * scripts) by a look at its text. A new launch-file kind is a reader plus one entry here.
 */

interface LaunchFileReader {
  kind: LaunchFileKind;
  /** Whether a file of this name may be of this kind; `byName` when the name alone decides. */
  names(name: string, folder: string): 'byName' | 'byText' | false;
  /** For names that do not decide: whether the text is of this kind. */
  text?(text: string): boolean;
  read(path: string, text: string): LaunchFileReading;
}

const WORKLOAD = new RegExp(`^kind:[ \\t]*["']?(${WORKLOAD_KINDS.join('|')})["']?[ \\t]*(#.*)?$`, 'm');
const PROGRAM_SECTION = /^\[program:/m;

/** In order: the first that matches reads the file. */
const READERS: readonly LaunchFileReader[] = [
  {
    kind: 'dockerfile',
    names: (name) => ((/^(dockerfile|containerfile)(\..+)?$/i.test(name) && !/\.dockerignore$/i.test(name)) || /\.(dockerfile|containerfile)$/i.test(name) ? 'byName' : false),
    read: readDockerfile,
  },
  { kind: 'compose', names: (name) => (/^(docker-)?compose([.-].*)?\.ya?ml$/i.test(name) ? 'byName' : false), read: readCompose },
  { kind: 'paas', names: (name) => (/^render\.ya?ml$/.test(name) ? 'byName' : false), read: readRenderYaml },
  { kind: 'paas', names: (name) => (/^app\.ya?ml$/.test(name) ? 'byName' : false), read: readAppYaml },
  { kind: 'kubernetes', names: (name) => (/\.ya?ml$/i.test(name) ? 'byText' : false), text: (text) => WORKLOAD.test(text), read: readKubernetes },
  { kind: 'procfile', names: (name) => (/^procfile(\..+)?$/i.test(name) ? 'byName' : false), read: readProcfile },
  { kind: 'systemd', names: (name) => (/\.service$/.test(name) ? 'byName' : false), read: readSystemdUnit },
  {
    kind: 'supervisord',
    names: (name, folder) => (/^supervisord?\.conf$/.test(name) || (/\.conf$/.test(name) && /(^|\/)(conf\.d|supervisord?)$/.test(folder)) ? 'byName' : /\.(conf|ini)$/.test(name) ? 'byText' : false),
    text: (text) => PROGRAM_SECTION.test(text),
    read: readSupervisord,
  },
  { kind: 'shell', names: (name) => (/\.(sh|bash)$/.test(name) ? 'byName' : name.includes('.') ? false : 'byText'), text: hasShellShebang, read: readShellScript },
];

function splitPath(path: string): { name: string; folder: string } {
  const slash = path.lastIndexOf('/');
  return { name: path.slice(slash + 1), folder: slash < 0 ? '' : path.slice(0, slash) };
}

/** The reader of a file: by name, or by name and text; without the text, only a name that decides. */
function readerFor(path: string, text?: string): LaunchFileReader | undefined {
  const { name, folder } = splitPath(path);
  return READERS.find((reader) => {
    const byName = reader.names(name, folder);
    return byName === 'byName' || (byName === 'byText' && text !== undefined && reader.text!(text));
  });
}

/**
 * Whether a file may be a launch file by its name alone (a walk reads only these): a name of a launch kind, or one
 * whose text decides (any YAML, `.conf`/`.ini`, an extensionless file that may be a script).
 */
export function mayBeLaunchFile(path: string): boolean {
  const { name, folder } = splitPath(path);
  return READERS.some((reader) => reader.names(name, folder) !== false);
}

/** The kind of launch file a file is: by its name, and by its text when given (YAML, ini, scripts); or undefined. */
export function launchFileKind(path: string, text?: string): LaunchFileKind | undefined {
  return readerFor(path, text)?.kind;
}

/** Everything a launch file holds (launches, image runs, notes); undefined for a file of no launch kind. Never throws. */
export function launchFileReading(path: string, text: string): LaunchFileReading | undefined {
  return readerFor(path, text)?.read(path, text);
}

/** The launches of a launch file; undefined for a file of no launch kind. Never throws. */
export function readLaunchFile(path: string, text: string): Launch[] | undefined {
  return launchFileReading(path, text)?.launches;
}
