import type { DocumentOfKind } from './document';
import type { Range } from '../text/lineIndex';
import type { Launch } from '../parse/launch/types';
import { gunicornConfigOf } from './launches';
import type { UwsgiOption } from './uwsgiConfig';

/**
 * The environment variables a server's reading sets, each with how it gets there, because when it is set matters:
 * the launch's environment exists before the server starts; uWSGI's `env` option is put in the environment as uWSGI
 * reads its options, before Python starts; Gunicorn's `raw_env` is applied by the master only after it has run the
 * config file (arbiter.py, Gunicorn 20.1), so what that file imported saw the variable unset.
 */
export interface EnvironmentEntry {
  readonly name: string;
  readonly value: string;
  /** The value holds an expansion the files alone cannot resolve. */
  readonly opaque: boolean;
  readonly via: 'launch' | 'uwsgi-env' | 'raw-env';
  readonly path: string;
  /** The `NAME=value` text as written (a Python string with its quotes). */
  readonly range: Range;
  /** In the checked file: a finding can land on it. */
  readonly local: boolean;
}

/**
 * A uWSGI `env` line as an entry: only the name is taken out as the line is read; the rest is read from the line
 * when asked, since a long config may have thousands of `env` lines and few are ever reported.
 */
class UwsgiEnvLine implements EnvironmentEntry {
  readonly via = 'uwsgi-env';

  constructor(
    readonly name: string,
    private readonly option: UwsgiOption,
  ) {}

  get value(): string {
    return variableValue(this.option.entry.value);
  }

  get opaque(): boolean {
    return this.option.opaque ?? false;
  }

  get path(): string {
    return this.option.source.path;
  }

  get range(): Range {
    return this.option.entry.valueRange;
  }

  get local(): boolean {
    return this.option.local;
  }
}

/** The launch a reading is for, when it has one. */
export function readingLaunch(document: DocumentOfKind<'uwsgi-ini' | 'gunicorn-py'>): Launch | undefined {
  return document.kind === 'uwsgi-ini' ? document.uwsgi.launch?.commandLine.launch : document.gunicorn.launch?.launch;
}

/** The name `NAME=value` sets, trimmed. */
function variableName(assignment: string): string {
  const equals = assignment.indexOf('=');
  return (equals < 0 ? assignment : assignment.slice(0, equals)).trim();
}

/** The value `NAME=value` sets: what follows the first `=`, empty without one. */
function variableValue(assignment: string): string {
  const equals = assignment.indexOf('=');
  return equals < 0 ? '' : assignment.slice(equals + 1);
}

/** Every variable the launch, uWSGI's `env` lines or Gunicorn's `raw_env` set, in that order. */
export function serverEnvironment(document: DocumentOfKind<'uwsgi-ini' | 'gunicorn-py'>): EnvironmentEntry[] {
  const entries: EnvironmentEntry[] = [];
  const launch = readingLaunch(document);
  for (const variable of launch?.env ?? []) {
    const path = variable.path ?? launch?.path ?? document.path;
    entries.push({ name: variable.name, value: variable.value, opaque: variable.opaque, via: 'launch', path, range: variable.range, local: path === document.path });
  }
  if (document.kind === 'uwsgi-ini') {
    for (const option of document.uwsgi.all('env')) entries.push(new UwsgiEnvLine(variableName(option.entry.value), option));
    return entries;
  }
  const config = document.gunicorn;
  const state = config.state('raw_env');
  if (state.state !== 'literal') return entries;
  const { binding } = state.binding;
  const local = config.isLocal(binding);
  // Read for a launch, the config file is not the checked file: its path is the one the launch names.
  const configPath = config.checksFile || !config.launch ? document.path : gunicornConfigOf(document.workspace, config.launch) ?? document.path;
  const path = binding.source === 'launch' ? config.launch?.launch.path ?? document.path : configPath;
  const items = state.value.kind === 'list' || state.value.kind === 'tuple' ? state.value.items : [state.value];
  for (const item of items) {
    if (item.kind !== 'str') continue;
    entries.push({ name: variableName(item.value), value: variableValue(item.value), opaque: false, via: 'raw-env', path, range: item.range, local });
  }
  return entries;
}
