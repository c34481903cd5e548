import type { DocumentOfKind } from './document';
import type { Range } from '../text/lineIndex';
import type { Launch, LaunchWrapper } from '../parse/launch/types';
import { AGENT_PROFILES, AgentProfile, UNNAMED_AGENT, agentName, agentProfile } from '../knowledge/agents';
import { Message, message } from '../l10n/message';
import { WorkspaceView, computedOnce, foldersUpward } from './workspace';
import { findRequirementPins, requirementFileKind } from '../parse/requirements';
import { workspaceFiles } from './workspaceFiles';
import type { UwsgiConfig, UwsgiOption } from './uwsgiConfig';
import { ScannedModule, appModulesOf, pythonCode } from './appModules';
import { EnvironmentEntry, readingLaunch, serverEnvironment } from './serverEnvironment';
import { LineIndex } from '../text/lineIndex';
import { basename } from '../text/paths';

/**
 * Which APM agents a deployment uses, and what shows it: the project's requirement files, the agents' own config
 * files, the launch's environment and wrapper, uWSGI's `env`/`import` lines, Gunicorn's `raw_env`, and the code of
 * the app's modules. Everything is read as text; nothing is run.
 */

/** One thing in the project that shows an agent is used, with where it is. */
export interface AgentSignal {
  path: string;
  range: Range;
  /** What it is, for a message or a hover, in the reader's language: `ddtrace in requirements.txt`. */
  description: Message;
}

export interface DeploymentAgent {
  profile: AgentProfile;
  /** Empty for an agent named in the settings and seen nowhere. */
  signals: AgentSignal[];
}

export interface DeploymentAgents {
  /** `named`: the `agents` setting lists them; `detected`: the project shows them; `none`: neither (see UNNAMED_AGENT). */
  how: 'named' | 'detected' | 'none';
  agents: DeploymentAgent[];
}

/**
 * What agents are looked for around: a server config or a launch's reading, or a requirement file (which sees the
 * project's files only: no launch, no app module).
 */
export type AgentScope = DocumentOfKind<'uwsgi-ini' | 'gunicorn-py' | 'requirements'>;

const known = new WeakMap<object, DeploymentAgents>();

/**
 * The agents of a reading. With the `agents` setting (a list of ids) those replace detection; else every profile
 * with a signal; else the unnamed agent, which keeps pydeploy's first requirements.
 */
export function deploymentAgents(document: AgentScope): DeploymentAgents {
  // One reading is checked by every agent rule: detect once per config object (each launch's reading has its own).
  const key = document.kind === 'uwsgi-ini' ? document.uwsgi : document.kind === 'gunicorn-py' ? document.gunicorn : document;
  const cached = known.get(key);
  if (cached) return cached;
  const signals = agentSignals(document);
  const named = document.agentNames;
  let result: DeploymentAgents;
  if (named !== undefined) {
    const profiles = named.flatMap((id) => agentProfile(id) ?? []);
    result = { how: 'named', agents: profiles.map((profile) => ({ profile, signals: signals.get(profile.id) ?? [] })) };
  } else {
    const agents = AGENT_PROFILES.flatMap((profile) => {
      const found = signals.get(profile.id);
      return found && found.length > 0 ? [{ profile, signals: found }] : [];
    });
    result = agents.length > 0 ? { how: 'detected', agents } : { how: 'none', agents: [{ profile: UNNAMED_AGENT, signals: [] }] };
  }
  known.set(key, result);
  return result;
}

/** The signals of every profile, by profile id. */
function agentSignals(document: AgentScope): Map<string, AgentSignal[]> {
  const { workspace, path } = document;
  const found = new Map<string, AgentSignal[]>();
  // A signal seen twice (a launch's variable that the config sets too) is kept once. Looked up by place, not compared
  // with each one kept: a long config may set the agent's variables on thousands of lines.
  const seen = new Set<string>();
  const add = (profile: AgentProfile, signal: AgentSignal) => {
    const { start, end } = signal.range;
    const place = `${profile.id}\0${signal.path}\0${start.line}:${start.character}-${end.line}:${end.character}`;
    if (seen.has(place)) return;
    seen.add(place);
    const list = found.get(profile.id);
    if (list) list.push(signal);
    else found.set(profile.id, [signal]);
  };
  // The project's files first: each package pin and each config file is one place, found once, so they need no
  // look-up (a workspace may hold hundreds of the agent's config files, each a signal for every config).
  for (const profile of AGENT_PROFILES) {
    const ofProject = [...requirementSignals(workspace, path, profile), ...configFileSignals(workspace, path, profile)];
    if (ofProject.length > 0) found.set(profile.id, ofProject);
  }
  if (document.kind === 'requirements') return found;
  const environment = serverEnvironment(document);
  const launch = readingLaunch(document);
  for (const [profile, signal] of environmentSignals(environment.filter(({ via }) => via === 'launch'), launch)) add(profile, signal);
  if (launch) for (const [profile, signal] of wrapperSignals(launch)) add(profile, signal);
  for (const [profile, signal] of environmentSignals(environment.filter(({ via }) => via !== 'launch'), launch)) add(profile, signal);
  for (const [profile, signal] of uwsgiImportSignals(document)) add(profile, signal);
  for (const [profile, signal] of codeSignals(document)) add(profile, signal);
  return found;
}

/** The agents' packages in the requirement and lock files from the config's folder up to the workspace folder. */
function requirementSignals(workspace: WorkspaceView, path: string, profile: AgentProfile): AgentSignal[] {
  return foldersUpward(workspace, path).flatMap((folder) => requirementSignalsIn(workspace, folder).get(profile.id) ?? []);
}

/** The agents' packages in the requirement and lock files of one folder, by profile id: each folder is read once. */
function requirementSignalsIn(workspace: WorkspaceView, folder: string): ReadonlyMap<string, AgentSignal[]> {
  return computedOnce(workspace, `agent-requirements:${folder}`, (view) => {
    const signals = new Map<string, AgentSignal[]>();
    for (const name of view.listFolder(folder) ?? []) {
      const kind = requirementFileKind(name);
      if (!kind) continue;
      const file = `${folder === '/' ? '' : folder}/${name}`;
      const text = view.readFile(file);
      if (text === undefined) continue;
      for (const profile of AGENT_PROFILES) {
        for (const packageName of profile.signals.packages) {
          const pin = findRequirementPins(kind, text, packageName)[0];
          if (!pin) continue;
          const signal = { path: file, range: pin.range, description: message('agent.signal.requirement', { package: packageName, file: name }) };
          signals.set(profile.id, [...(signals.get(profile.id) ?? []), signal]);
        }
      }
    }
    return signals;
  });
}

/** The agents' own config files anywhere in the workspace folder. */
function configFileSignals(workspace: WorkspaceView, path: string, profile: AgentProfile): AgentSignal[] {
  if (profile.signals.configFiles.length === 0) return [];
  const root = workspace.rootOf(path);
  return computedOnce(workspace, `agent-config-files:${profile.id}:${root}`, (view) =>
    workspaceFiles(view, root)
      .filter((file) => profile.signals.configFiles.some((pattern) => pattern.test(basename(file).toLowerCase())))
      .map((file) => ({ path: file, range: START, description: message('agent.signal.config-file', { file: basename(file), agent: agentName(profile) }) })),
  );
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The profiles each agent variable names, and those each prefix does: asked for every `env` line of a config. */
const PROFILES_BY_VARIABLE = new Map<string, AgentProfile[]>();
const PROFILE_PREFIXES: [string, AgentProfile][] = [];
for (const profile of AGENT_PROFILES) {
  for (const variable of profile.signals.environment) PROFILES_BY_VARIABLE.set(variable, [...(PROFILES_BY_VARIABLE.get(variable) ?? []), profile]);
  for (const prefix of profile.signals.environmentPrefixes) PROFILE_PREFIXES.push([prefix, profile]);
}

const NO_PROFILES: readonly AgentProfile[] = [];

function profilesOfVariable(name: string): readonly AgentProfile[] {
  const named = PROFILES_BY_VARIABLE.get(name) ?? NO_PROFILES;
  // Asked for every `env` line: most variables are no agent's, and are told apart without building a list.
  if (!PROFILE_PREFIXES.some(([prefix]) => name.startsWith(prefix))) return named;
  const prefixed = PROFILE_PREFIXES.filter(([prefix, profile]) => name.startsWith(prefix) && !named.includes(profile));
  if (prefixed.length === 0) return named;
  // In the order of AGENT_PROFILES, as the profiles are reported.
  return AGENT_PROFILES.filter((profile) => named.includes(profile) || prefixed.some(([, other]) => other === profile));
}

/** How a signal names where a variable is set: the launch's environment, a uWSGI `env` line, a `raw_env` entry. */
function variableDescription(entry: EnvironmentEntry, launch: Launch | undefined): Message {
  if (entry.via === 'uwsgi-env') return message('agent.signal.uwsgi-env', { name: entry.name, file: basename(entry.path) });
  if (entry.via === 'raw-env') return message('agent.signal.raw-env', { name: entry.name, file: basename(entry.path) });
  return launch
    ? message('agent.signal.launch-env', { name: entry.name, launch: launch.label, file: basename(launch.path) })
    : message('agent.signal.file-env', { name: entry.name, file: basename(entry.path) });
}

/** The agents' variables among those the reading sets. */
function* environmentSignals(entries: readonly EnvironmentEntry[], launch: Launch | undefined): Generator<[AgentProfile, AgentSignal]> {
  for (const entry of entries) {
    for (const profile of profilesOfVariable(entry.name)) yield [profile, { path: entry.path, range: entry.range, description: variableDescription(entry, launch) }];
  }
}

/** The wrappers a launch runs the server under. */
function* wrapperSignals(launch: Launch): Generator<[AgentProfile, AgentSignal]> {
  for (const wrapper of launch.wrappers) {
    for (const profile of AGENT_PROFILES.filter((candidate) => candidate.signals.wrappers.includes(wrapper.name))) yield [profile, wrapperSignal(launch, wrapper)];
  }
}

/** A wrapper program on a launch line, as the signal of its agent: its words, options included. */
export function wrapperSignal(launch: Launch, wrapper: LaunchWrapper): AgentSignal {
  const first = wrapper.words[0];
  const last = wrapper.words[wrapper.words.length - 1];
  const range = first && last ? { start: first.range.start, end: last.range.end } : launch.range;
  return { path: launch.path, range, description: message('agent.signal.wrapper', { wrapper: wrapper.name, launch: launch.label, file: basename(launch.path) }) };
}

/** uWSGI's `import = module` lines that start an agent. */
function* uwsgiImportSignals(document: DocumentOfKind<'uwsgi-ini' | 'gunicorn-py'>): Generator<[AgentProfile, AgentSignal]> {
  if (document.kind !== 'uwsgi-ini') return;
  for (const profile of AGENT_PROFILES) {
    for (const option of agentImportLines(document.uwsgi, profile)) {
      const module = option.entry.value.trim();
      yield [profile, { path: option.source.path, range: option.entry.valueRange, description: message('agent.signal.uwsgi-import', { key: option.entry.key, module, file: basename(option.source.path) }) }];
    }
  }
}

/** The agents the app's modules (and a Gunicorn config's own code) import or start. */
function* codeSignals(document: DocumentOfKind<'uwsgi-ini' | 'gunicorn-py'>): Generator<[AgentProfile, AgentSignal]> {
  const modules: ScannedModule[] = [];
  if (document.kind === 'gunicorn-py' && document.gunicorn.checksFile) {
    const { text } = document.gunicorn.module;
    modules.push({ path: document.path, text, code: pythonCode(text) });
  }
  modules.push(...(appModulesOf(document) ?? []));
  for (const { path, text, code } of modules) {
    let index: LineIndex | undefined;
    for (const profile of AGENT_PROFILES) {
      for (const pattern of [...profile.signals.code, ...profile.startCalls]) {
        const match = pattern.exec(code);
        if (!match) continue;
        index ??= new LineIndex(text);
        const range = { start: index.positionAt(match.index), end: index.positionAt(match.index + match[0].length) };
        yield [profile, { path, range, description: message('agent.signal.code', { code: match[0].trim(), file: basename(path) }) }];
        break;
      }
    }
  }
}

/** uWSGI options that import a module as the app's interpreter starts: `import`, its aliases, and the `shared-` ones. */
const UWSGI_IMPORT_OPTIONS = ['import', 'pyimport', 'python-import', 'py-import', 'shared-import', 'shared-pyimport', 'shared-python-import', 'shared-py-import'];

/** Whether a module is `name` itself or one of its submodules (`ddtrace.auto` for `ddtrace`). */
function isModuleOrSubmodule(module: string, name: string): boolean {
  return module.startsWith(name) && (module.length === name.length || module.charCodeAt(name.length) === 0x2e);
}

/** The profiles that name modules for uWSGI's `import =`: the others need no line read for them. */
const IMPORTING_PROFILES = AGENT_PROFILES.filter((profile) => profile.signals.uwsgiImports.length > 0);

const importLinesOf = new WeakMap<UwsgiConfig, ReadonlyMap<AgentProfile, readonly UwsgiOption[]>>();

/** The config's `import =` lines (and their aliases) that load a module starting the agent (its `uwsgiImports`). */
export function agentImportLines(config: UwsgiConfig, profile: AgentProfile): readonly UwsgiOption[] {
  let byProfile = importLinesOf.get(config);
  if (!byProfile) {
    byProfile = importLinesByProfile(config);
    importLinesOf.set(config, byProfile);
  }
  return byProfile.get(profile) ?? [];
}

/** Every profile's import lines, in one pass over the config's import lines: detection and the rules ask per profile. */
function importLinesByProfile(config: UwsgiConfig): Map<AgentProfile, UwsgiOption[]> {
  const found = new Map<AgentProfile, UwsgiOption[]>();
  for (const key of UWSGI_IMPORT_OPTIONS) {
    for (const option of config.all(key)) {
      const module = option.entry.value.trim();
      for (const profile of IMPORTING_PROFILES) {
        if (!profile.signals.uwsgiImports.some((name) => isModuleOrSubmodule(module, name))) continue;
        const lines = found.get(profile);
        if (lines) lines.push(option);
        else found.set(profile, [option]);
      }
    }
  }
  return found;
}

/** Whether the app's modules start the agent themselves (one of its `startCalls`); undefined when the app is not found. */
export function appStartsAgent(document: DocumentOfKind<'uwsgi-ini' | 'gunicorn-py'>, profile: AgentProfile): boolean | undefined {
  return appModulesOf(document)?.some(({ code }) => profile.startCalls.some((pattern) => pattern.test(code)));
}
