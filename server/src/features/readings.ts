import { fingerprint } from '../text/fingerprint';
import type { AnalyzedDocument, DocumentOfKind } from '../model/document';
import type { Launch, LaunchFileReading } from '../parse/launch/types';
import { parseIni } from '../parse/uwsgiIni';
import { parsePython } from '../parse/gunicornPy';
import { UwsgiConfig } from '../model/uwsgiConfig';
import { GunicornConfig } from '../model/gunicornConfig';
import { readUwsgiCommandLine } from '../model/uwsgiCommandLine';
import { readGunicornCommandLine } from '../model/gunicornCommandLine';
import { gunicornConfigOf, gunicornLaunchesOf, locateLaunchFile, uwsgiLaunchesOf, withEnvFiles, workspaceLaunches } from '../model/launches';
import { readLaunchFile } from '../parse/launch/registry';
import { mayBeLaunchFile } from './fileKinds';
import { WorkspaceView, computedOnce } from '../model/workspace';

/**
 * The readings of a checked file that the rules judge, one per launch: a config file as each launch that names it
 * starts the server with it (alone when no launch of the workspace names it), and a launch file as the effective
 * configuration of each of its launches. Each reading knows which values are in the checked file, where its
 * findings land.
 */
export interface Reading {
  document: AnalyzedDocument;
  /** The launch this reading is for, when there is one. */
  launch?: Launch;
  /**
   * The section read as the entry point, for an ini with no `[uwsgi]` that no launch names (`[dev]` and `[prod]`
   * for `uwsgi --ini uwsgi.ini:prod`): each section that loads an app is read as a launch of its own would read it.
   */
  section?: string;
}

/**
 * The readings of launch files by path, while their text stays the same: every config's analysis asks for them all.
 * The text is known by its fingerprint, not kept: a workspace of a thousand configs would hold each twice.
 */
const launchFileReadings = new Map<string, { fingerprint: string; reading: Pick<LaunchFileReading, 'launches' | 'imageRuns'> }>();
const KEPT_LAUNCH_FILE_READINGS = 1000;

function readLaunchFileOnce(path: string, text: string): Pick<LaunchFileReading, 'launches' | 'imageRuns'> {
  const known = launchFileReadings.get(path);
  const print = fingerprint(text);
  if (known?.fingerprint === print) return known.reading;
  // Most YAML and shell files start no server: the words are looked for before anything is parsed (a service that
  // runs an image names no server, but may set its environment, or build one).
  const reading = /uwsgi|gunicorn|build/i.test(text) ? readLaunchFile(path, text) : { launches: [], imageRuns: [] };
  launchFileReadings.delete(path);
  launchFileReadings.set(path, { fingerprint: print, reading });
  if (launchFileReadings.size > KEPT_LAUNCH_FILE_READINGS) launchFileReadings.delete(launchFileReadings.keys().next().value as string);
  return reading;
}

/** Every launch of the checked file's workspace folder. */
export function launchesAround(workspace: WorkspaceView, path: string): Launch[] {
  const root = workspace.rootOf(path);
  // Every config and Python file of the folder asks for them: read once per workspace state where the shell keeps it.
  return computedOnce(workspace, `launches:${root}`, (view) => workspaceLaunches(view, root, mayBeLaunchFile, readLaunchFileOnce));
}

function uwsgiReadings(document: DocumentOfKind<'uwsgi-ini'>): Reading[] {
  const { workspace, path, text } = document;
  const launches = uwsgiLaunchesOf(workspace, path, launchesAround(workspace, path));
  if (launches.length === 0) return entrySectionReadings(document);
  return launches.map(({ commandLine, section }) => ({
    launch: commandLine.launch,
    document: {
      ...document,
      uwsgi: new UwsgiConfig(parseIni(text.replace(/^\uFEFF/, '')), { path, workspace, section, launch: { commandLine, locate: (file) => locateLaunchFile(workspace, commandLine.launch, file) } }),
    },
  }));
}

/** The options that load a Python app: a section that sets one (itself or through its includes) is an entry point. */
const APP_LOADERS = ['module', 'wsgi', 'wsgi-file', 'file', 'mount', 'eval'];

/** The readings of an ini launched by nobody: its `[uwsgi]` section, or else each named section that loads an app. */
function entrySectionReadings(document: DocumentOfKind<'uwsgi-ini'>): Reading[] {
  const { uwsgi, workspace, path } = document;
  if (uwsgi.sections.length > 0) return [{ document }];
  const names = [...new Set(uwsgi.document.sections.flatMap((section) => (section.header ? [section.name] : [])))];
  const readings = names.flatMap((section): Reading[] => {
    const config = new UwsgiConfig(uwsgi.document, { path, workspace, section });
    return APP_LOADERS.some((name) => config.all(name).length > 0) ? [{ section, document: { ...document, uwsgi: config } }] : [];
  });
  return readings.length > 0 ? readings : [{ document }];
}

function gunicornReadings(document: DocumentOfKind<'gunicorn-py'>): Reading[] {
  const { workspace, path } = document;
  const launches = gunicornLaunchesOf(workspace, path, launchesAround(workspace, path));
  if (launches.length === 0) return [{ document }];
  return launches.map((commandLine) => ({ launch: commandLine.launch, document: { ...document, gunicorn: new GunicornConfig(document.gunicorn.module, commandLine) } }));
}

/** The effective configuration of each launch of a launch file, as the document its server's rules judge. */
function launchReadings(document: DocumentOfKind<'launch'>): Reading[] {
  const { workspace, path, text } = document;
  return document.launches.map((read): Reading => {
    const launch = withEnvFiles(workspace, read);
    if (launch.server === 'uwsgi') {
      const commandLine = readUwsgiCommandLine(launch);
      const uwsgi = new UwsgiConfig(parseIni(''), { path, workspace, launch: { commandLine, locate: (file) => locateLaunchFile(workspace, launch, file) } });
      return { launch, document: { kind: 'uwsgi-ini', path, text, uwsgi, uwsgiVersion: document.uwsgiVersion, workspace, agentNames: document.agentNames } };
    }
    const commandLine = readGunicornCommandLine(launch);
    const configPath = gunicornConfigOf(workspace, commandLine);
    const configText = configPath === undefined ? undefined : workspace.readFile(configPath);
    const gunicorn = new GunicornConfig(parsePython(configText ?? ''), commandLine, 'launch');
    return { launch, document: { kind: 'gunicorn-py', path, text, gunicorn, workspace, agentNames: document.agentNames } };
  });
}

/** The readings of a document: see Reading. A launch file's own rules read the document itself, first. */
export function readingsOf(document: AnalyzedDocument): Reading[] {
  switch (document.kind) {
    case 'uwsgi-ini':
      return uwsgiReadings(document);
    case 'gunicorn-py':
      return gunicornReadings(document);
    case 'launch':
      return [{ document }, ...launchReadings(document)];
    default:
      return [{ document }];
  }
}
