import type { Launch, LaunchWord } from '../parse/launch/types';
import type { Range } from '../text/lineIndex';
import { UwsgiOptionFacts, allUwsgiOptions, uwsgiOption } from '../knowledge/uwsgi/options';
import { wordPart as slice, wordValueRange } from './launchWords';

/**
 * What uWSGI makes of a launch's words and environment, before any file is read: the options in the order uWSGI
 * collects them (`UWSGI_*` variables first, then the command line, as `uwsgi_setup` reads them), the config files it
 * names, and the words it refuses. The command line is read as glibc's `getopt_long` reads it against uWSGI's option
 * table: `--name value`, `--name=value`, flags, the table's one-letter shortcuts (grouped as `-Mp4` too), and a unique
 * prefix of a long name.
 */

/** Where a value of the effective configuration comes from. */
export type ValueOrigin = 'ini' | 'cli' | 'env' | 'conf.py';

/** An option the launch itself sets. */
export interface LaunchOption {
  kind: 'option';
  key: string;
  value: string;
  origin: 'cli' | 'env';
  /** The option's name as written (`--enable-threads`, `-M`, `UWSGI_THREADS`), and its value (empty after the name when none). */
  keyRange: Range;
  valueRange: Range;
  hasValue: boolean;
  /** The value holds a shell expansion the file alone cannot resolve. */
  opaque: boolean;
  /** The variable comes from another file than the launch file (an env file). */
  path?: string;
}

/** A config file the launch names: `--ini file[:section]`, `file.ini`, `--yaml file`, ... */
export interface LaunchConfigFile {
  kind: 'config-file';
  format: 'ini' | 'yaml' | 'json' | 'xml' | 'other';
  file: string;
  section: string;
  range: Range;
  opaque: boolean;
}

export type UwsgiLaunchItem = LaunchOption | LaunchConfigFile;

/** A word uWSGI refuses at start-up, or reads differently than it looks. */
export type CommandLineProblem =
  | { kind: 'unknown'; word: LaunchWord; name: string; range: Range }
  | { kind: 'ambiguous'; word: LaunchWord; name: string; range: Range; candidates: string[] }
  | { kind: 'missing-value'; word: LaunchWord; name: string; range: Range }
  | { kind: 'unexpected-value'; word: LaunchWord; name: string; range: Range }
  /** A word that is no option and names no config file uWSGI can load by its extension (`app.py`, `uwsgi.ini:prod`). */
  | { kind: 'unloadable'; word: LaunchWord; name: string; range: Range }
  /** A unique prefix of a long option: accepted, as that option. */
  | { kind: 'prefix'; word: LaunchWord; name: string; range: Range; option: string };

export interface UwsgiCommandLine {
  launch: Launch;
  items: UwsgiLaunchItem[];
  problems: CommandLineProblem[];
  /** A word the file cannot resolve stands where an option name should be (`$UWSGI_FLAGS`): more may be set. */
  incomplete: boolean;
  /** Whether an option added at the end is read as one: not after `--`, nor where an option still lacks its value. */
  takesAppendedOptions: boolean;
}

/** `UWSGI_*` names uWSGI keeps for its own machinery and never reads as options. */
const RESERVED_VARIABLES = new Set([
  'UWSGI_RELOADS',
  'UWSGI_VASSALS_DIR',
  'UWSGI_EMPEROR_FD',
  'UWSGI_BROODLORD_NUM',
  'UWSGI_EMPEROR_FD_CONFIG',
  'UWSGI_EMPEROR_PROXY',
  'UWSGI_JAIL_PID',
  'UWSGI_ORIGINAL_PROC_NAME',
]);

/**
 * The names a prefix is matched against: the stable line's (2.0.x), which deployments run; an option only the
 * development line has would make a prefix look ambiguous that 2.0 reads as one option (`--max-req`).
 */
/** The wrapper a reader records for a Dockerfile `ENTRYPOINT` script that runs the server after it (`exec "$@"`). */
const ENTRYPOINT_SCRIPT = 'ENTRYPOINT';

const LONG_NAMES: readonly string[] = allUwsgiOptions()
  .filter((facts) => facts.inStable)
  .map((facts) => facts.name)
  .sort();

/** The option of each one-letter shortcut: the first in the table that has it (`-p` is `processes`, not its alias `workers`). */
const BY_SHORTCUT = new Map<string, UwsgiOptionFacts>();
for (const facts of allUwsgiOptions()) if (facts.shortcut && !BY_SHORTCUT.has(facts.shortcut)) BY_SHORTCUT.set(facts.shortcut, uwsgiOption(facts.name) as UwsgiOptionFacts);

/** The options a long name stands for: itself when it is one, else every option it is a prefix of. */
export function uwsgiLongMatches(name: string): string[] {
  if (uwsgiOption(name)) return [name];
  return LONG_NAMES.filter((candidate) => candidate.startsWith(name));
}

/** The format uWSGI picks for a config file named on the command line, by its extension. */
function configFormat(file: string): LaunchConfigFile['format'] {
  if (/\.ini$/i.test(file)) return 'ini';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/\.js(on)?$/i.test(file)) return 'json';
  if (/\.xml$/i.test(file)) return 'xml';
  return 'other';
}

function configFile(format: LaunchConfigFile['format'], word: LaunchWord, value: string, range: Range): LaunchConfigFile {
  const colon = value.lastIndexOf(':');
  // `file.ini:section`; a Windows drive letter or a scheme (`http://`) is no section.
  const hasSection = colon > 0 && !value.slice(colon + 1).includes('/');
  return {
    kind: 'config-file',
    format,
    file: hasSection ? value.slice(0, colon) : value,
    section: hasSection ? value.slice(colon + 1) : 'uwsgi',
    range,
    opaque: word.opaque,
  };
}

const LOADERS: Record<string, LaunchConfigFile['format']> = { ini: 'ini', yaml: 'yaml', yml: 'yaml', json: 'json', js: 'json', xml: 'xml' };


function afterWord(word: LaunchWord): Range {
  return { start: word.range.end, end: word.range.end };
}

/** Reads a uWSGI launch: its environment's `UWSGI_*` variables, then its words. */
export function readUwsgiCommandLine(launch: Launch): UwsgiCommandLine {
  const items: UwsgiLaunchItem[] = [];
  const problems: CommandLineProblem[] = [];
  // An image's entrypoint script runs first and may export `UWSGI_*` variables of its own.
  let incomplete = launch.wrappers.some((wrapper) => wrapper.name === ENTRYPOINT_SCRIPT);
  for (const variable of launch.env) {
    if (!variable.name.startsWith('UWSGI_') || RESERVED_VARIABLES.has(variable.name) || variable.name.length === 6) continue;
    const key = variable.name.slice(6).toLowerCase().replace(/_/g, '-');
    items.push({ kind: 'option', key: uwsgiOption(key)?.name ?? key, value: variable.value, origin: 'env', keyRange: variable.range, valueRange: variable.valueRange, hasValue: true, opaque: variable.opaque, ...(variable.path ? { path: variable.path } : {}) });
  }

  const words = launch.args;
  const bare: LaunchWord[] = [];
  let endOfOptions = false;
  const option = (facts: UwsgiOptionFacts, keyRange: Range, value: string, valueRange: Range, hasValue: boolean, opaque: boolean): void => {
    const loader = facts.role === 'config-include' ? LOADERS[facts.name] : undefined;
    if (loader) {
      items.push(configFile(loader, { value, range: valueRange, opaque }, value, valueRange));
      return;
    }
    items.push({ kind: 'option', key: facts.name, value, origin: 'cli', keyRange, valueRange, hasValue, opaque });
  };

  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const text = word.value;
    if (text === '--') {
      bare.push(...words.slice(i + 1));
      endOfOptions = true;
      break;
    }
    if (word.opaque && /^\$/.test(text)) {
      // `$FLAGS` may stand for any number of options.
      incomplete = true;
      continue;
    }
    if (text.startsWith('--')) {
      const equals = text.indexOf('=');
      const name = equals >= 0 ? text.slice(2, equals) : text.slice(2);
      const nameRange = slice(word, 0, equals >= 0 ? equals : text.length);
      const matches = uwsgiLongMatches(name);
      if (matches.length === 0 || name === '') {
        problems.push({ kind: 'unknown', word, name, range: nameRange });
        continue;
      }
      if (matches.length > 1) {
        problems.push({ kind: 'ambiguous', word, name, range: nameRange, candidates: matches });
        continue;
      }
      const facts = uwsgiOption(matches[0]) as UwsgiOptionFacts;
      if (matches[0] !== name) problems.push({ kind: 'prefix', word, name, range: nameRange, option: facts.name });
      if (equals >= 0) {
        if (facts.argument === 'none') {
          problems.push({ kind: 'unexpected-value', word, name: facts.name, range: word.range });
          continue;
        }
        option(facts, nameRange, text.slice(equals + 1), slice(word, equals + 1, text.length), true, word.opaque);
      } else if (facts.argument === 'required') {
        const next = words[i + 1];
        if (!next) {
          problems.push({ kind: 'missing-value', word, name: facts.name, range: nameRange });
          continue;
        }
        i++;
        option(facts, nameRange, next.value, wordValueRange(next), true, next.opaque);
      } else {
        option(facts, nameRange, '', afterWord(word), false, false);
      }
      continue;
    }
    if (text.startsWith('-') && text.length > 1) {
      // Grouped shortcuts: `-Mp4`, `-M -p 4`.
      for (let at = 1; at < text.length; at++) {
        const letter = text[at];
        const facts = BY_SHORTCUT.get(letter);
        const letterRange = slice(word, at, at + 1);
        if (!facts) {
          problems.push({ kind: 'unknown', word, name: letter, range: letterRange });
          break;
        }
        if (facts.argument === 'none') {
          option(facts, letterRange, '', afterWord(word), false, false);
          continue;
        }
        if (at + 1 < text.length) {
          option(facts, letterRange, text.slice(at + 1), slice(word, at + 1, text.length), true, word.opaque);
        } else if (facts.argument === 'required') {
          const next = words[i + 1];
          if (!next) problems.push({ kind: 'missing-value', word, name: facts.name, range: letterRange });
          else {
            i++;
            option(facts, letterRange, next.value, wordValueRange(next), true, next.opaque);
          }
        } else option(facts, letterRange, '', afterWord(word), false, false);
        break;
      }
      continue;
    }
    bare.push(word);
  }
  // getopt_long moves the words that are no options to the end; uWSGI then loads each as a config file.
  // The format is picked by the word's ending alone: `file.ini:section` works only after `--ini`.
  for (const word of bare) {
    if (word.value.startsWith('[')) continue;
    const format = configFormat(word.value);
    if (format === 'other' && !word.opaque) problems.push({ kind: 'unloadable', word, name: word.value, range: word.range });
    else items.push({ kind: 'config-file', format, file: word.value, section: 'uwsgi', range: word.range, opaque: word.opaque });
  }
  const takesAppendedOptions = !endOfOptions && !problems.some((problem) => problem.kind === 'missing-value');
  return { launch, items, problems, incomplete, takesAppendedOptions };
}
