import { readCompose } from './compose';
import { readDockerfile } from './dockerfile';
import { WORKLOAD_KINDS, readKubernetes } from './kubernetes';
import { readAppYaml, readRenderYaml } from './paas';
import { readProcfile } from './procfile';
import { hasShellShebang, readShellScript } from './shellScript';
import { readSupervisord } from './supervisord';
import { readSystemdUnit } from './systemd';
import type { LaunchFileKind, LaunchFileReading } from './types';

/**
 * Which reader reads a launch file: by its name, and for names that do not tell (YAML, ini, extensionless
 * scripts) by a look at its text. A new launch-file kind is a reader plus one entry here.
 */

export interface LaunchReader {
  kind: LaunchFileKind;
  read(path: string, text: string): LaunchFileReading;
}

interface Registration extends LaunchReader {
  /** Whether a file of this name and text is of this kind. */
  matches(name: string, folder: string, text: string): boolean;
}

const WORKLOAD = new RegExp(`^kind:[ \\t]*["']?(${WORKLOAD_KINDS.join('|')})["']?[ \\t]*(#.*)?$`, 'm');
const isYaml = (name: string) => /\.ya?ml$/i.test(name);

/** In order: the first that matches reads the file. */
const REGISTRATIONS: Registration[] = [
  { kind: 'dockerfile', read: readDockerfile, matches: (name) => (/^(Dockerfile|Containerfile)(\..+)?$/i.test(name) && !/\.dockerignore$/i.test(name)) || /\.(Dockerfile|Containerfile)$/i.test(name) },
  { kind: 'compose', read: readCompose, matches: (name) => /^(docker-)?compose([.-].*)?\.ya?ml$/i.test(name) },
  { kind: 'paas', read: readRenderYaml, matches: (name) => name === 'render.yaml' || name === 'render.yml' },
  { kind: 'paas', read: readAppYaml, matches: (name) => name === 'app.yaml' || name === 'app.yml' },
  { kind: 'kubernetes', read: readKubernetes, matches: (name, _folder, text) => isYaml(name) && WORKLOAD.test(text) },
  { kind: 'procfile', read: readProcfile, matches: (name) => /^Procfile(\..+)?$/.test(name) },
  { kind: 'systemd', read: readSystemdUnit, matches: (name) => /\.service$/.test(name) },
  {
    kind: 'supervisord',
    read: readSupervisord,
    matches: (name, folder, text) => /^supervisor(d)?\.conf$/.test(name) || (/\.(conf|ini)$/.test(name) && (/(^|\/)(conf\.d|supervisor(d)?)$/.test(folder) || /^\[program:/m.test(text))),
  },
  { kind: 'shell', read: readShellScript, matches: (name, _folder, text) => /\.(sh|bash)$/.test(name) || (!name.includes('.') && hasShellShebang(text)) },
];

/** The reader of a launch file, or undefined when the file is of no launch kind. `path` is `/`-separated. */
export function launchReaderFor(path: string, text: string): LaunchReader | undefined {
  const slash = path.lastIndexOf('/');
  const name = path.slice(slash + 1);
  const folder = slash < 0 ? '' : path.slice(0, slash);
  const found = REGISTRATIONS.find((registration) => registration.matches(name, folder, text));
  return found && { kind: found.kind, read: found.read };
}

/** Reads a launch file with its reader; a file of no launch kind has nothing to read. */
export function readLaunchFile(path: string, text: string): LaunchFileReading {
  return launchReaderFor(path, text)?.read(path, text) ?? { launches: [], imageRuns: [], notes: [] };
}
