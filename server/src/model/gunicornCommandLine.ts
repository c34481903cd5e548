import type { Launch, LaunchWord } from '../parse/launch/types';
import { shlexWords } from '../parse/launch/shellWords';
import type { Range } from '../text/lineIndex';
import { GunicornSettingFacts, allGunicornSettings } from '../knowledge/gunicorn/settings';
import type { CommandLineProblem } from './uwsgiCommandLine';
import { wordPart as part, wordValueRange } from './launchWords';

/**
 * What Gunicorn makes of a launch before it reads any file, in the order it applies them (later wins): the settings
 * its environment gives a default (`PORT`, `WEB_CONCURRENCY`), then, after the config file, `GUNICORN_CMD_ARGS`
 * (split as `shlex.split` does), then the command line. Both are read as Gunicorn's argparse parser reads them:
 * `--name value`, `--name=value`, `-w 4`, `-w4`, store-true flags, and a unique prefix of a long flag; the
 * positional APP_MODULE.
 */

export interface GunicornLaunchSetting {
  facts: GunicornSettingFacts;
  /** The flag as the parser knows it (`--workers`, `-w`), or the variable's name. */
  flag: string;
  /** The value as given, or undefined for a flag that takes none (`--preload`). */
  value?: string;
  keyRange: Range;
  valueRange: Range;
  opaque: boolean;
  /** `env`: `PORT`/`WEB_CONCURRENCY`; `cmd-args`: `GUNICORN_CMD_ARGS`; `cli`: the command line. */
  from: 'env' | 'cmd-args' | 'cli';
}

export interface GunicornCommandLine {
  launch: Launch;
  /** In the order Gunicorn applies them, the config file's place left out (it comes after `env`). */
  settings: GunicornLaunchSetting[];
  /** The config file `-c` names (on the command line, else in `GUNICORN_CMD_ARGS`). */
  configFile?: { file: string; range: Range; opaque: boolean };
  appModule?: LaunchWord;
  problems: CommandLineProblem[];
  incomplete: boolean;
  /** Whether flags added at the end are read as flags: not after `--`, nor where a flag still lacks its value. */
  takesAppendedOptions: boolean;
}

/** Flags argparse adds besides the settings'. */
const EXTRA_FLAGS = new Set(['-h', '--help', '-v', '--version']);

const BY_FLAG = new Map<string, GunicornSettingFacts>(allGunicornSettings().flatMap((facts) => facts.cli.map((flag): [string, GunicornSettingFacts] => [flag, facts])));

const LONG_FLAGS: readonly string[] = [...[...BY_FLAG.keys()].filter((flag) => flag.startsWith('--')), ...[...EXTRA_FLAGS].filter((flag) => flag.startsWith('--'))].sort();

/** Every long flag of Gunicorn's command line, for suggestions and completion. */
export function gunicornLongFlags(): readonly string[] {
  return LONG_FLAGS;
}

/** The long flags a written one stands for: itself when it is one, else every flag it is a prefix of. */
export function gunicornLongMatches(flag: string): string[] {
  if (BY_FLAG.has(flag) || EXTRA_FLAGS.has(flag)) return [flag];
  return LONG_FLAGS.filter((candidate) => candidate.startsWith(flag));
}

/** Whether a setting's flag takes no value: store_true flags, and `--no-sendfile` (store_const). */
export function takesNoValue(facts: GunicornSettingFacts): boolean {
  return facts.action === 'store_true' || facts.action === 'store_const';
}


/** Reads argparse words into settings (appended to `into`), the positional words, and what argparse refuses. */
function readArguments(words: readonly LaunchWord[], from: 'cmd-args' | 'cli', into: GunicornLaunchSetting[], problems: CommandLineProblem[]): { positional: LaunchWord[]; incomplete: boolean; endOfOptions: boolean } {
  const positional: LaunchWord[] = [];
  let incomplete = false;
  let endOfOptions = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const text = word.value;
    if (text === '--') {
      positional.push(...words.slice(i + 1));
      endOfOptions = true;
      break;
    }
    if (word.opaque && text.startsWith('$')) {
      incomplete = true;
      continue;
    }
    if (!text.startsWith('-') || text === '-' || /^-\d/.test(text)) {
      positional.push(word);
      continue;
    }
    const equals = text.indexOf('=');
    let written = equals >= 0 ? text.slice(0, equals) : text;
    let inline = equals >= 0 ? text.slice(equals + 1) : undefined;
    if (!written.startsWith('--') && written.length > 2) {
      // `-w4`: a one-letter flag with its value attached.
      inline = written.slice(2) + (equals >= 0 ? text.slice(equals) : '');
      written = written.slice(0, 2);
    }
    const nameRange = part(word, 0, written.length);
    let flag = written;
    if (written.startsWith('--')) {
      const matches = gunicornLongMatches(written);
      if (matches.length === 0) {
        problems.push({ kind: 'unknown', word, name: written, range: nameRange });
        continue;
      }
      if (matches.length > 1) {
        problems.push({ kind: 'ambiguous', word, name: written, range: nameRange, candidates: matches });
        continue;
      }
      flag = matches[0];
      if (flag !== written) problems.push({ kind: 'prefix', word, name: written, range: nameRange, option: flag });
    } else if (!BY_FLAG.has(written) && !EXTRA_FLAGS.has(written)) {
      problems.push({ kind: 'unknown', word, name: written, range: nameRange });
      continue;
    }
    const facts = BY_FLAG.get(flag);
    if (!facts) continue;
    if (takesNoValue(facts)) {
      if (inline !== undefined) problems.push({ kind: 'unexpected-value', word, name: flag, range: word.range });
      else into.push({ facts, flag, keyRange: nameRange, valueRange: nameRange, opaque: false, from });
      continue;
    }
    if (inline !== undefined) {
      const valueStart = text.length - inline.length;
      into.push({ facts, flag, value: inline, keyRange: nameRange, valueRange: part(word, valueStart, text.length), opaque: word.opaque, from });
      continue;
    }
    const next = words[i + 1];
    // argparse takes a following word that looks like a flag for a flag, not for a value.
    if (!next || (next.value.startsWith('-') && next.value.length > 1 && !/^-\d/.test(next.value))) {
      problems.push({ kind: 'missing-value', word, name: flag, range: nameRange });
      continue;
    }
    i++;
    into.push({ facts, flag, value: next.value, keyRange: nameRange, valueRange: wordValueRange(next), opaque: next.opaque, from });
  }
  return { positional, incomplete, endOfOptions };
}

/** The words of `GUNICORN_CMD_ARGS`, with ranges inside the variable's value where its text maps one to one. */
function commandArgsWords(value: string, valueRange: Range, opaque: boolean): LaunchWord[] {
  const { start, end } = valueRange;
  const width = end.character - start.character;
  const sameLine = start.line === end.line;
  // The value is written as is, or between one pair of quotes.
  const offset = sameLine && width === value.length ? 0 : sameLine && width === value.length + 2 ? 1 : undefined;
  return shlexWords(value).map((word) => ({
    value: word.value,
    opaque: opaque || word.opaque,
    range:
      offset === undefined
        ? valueRange
        : { start: { line: start.line, character: start.character + offset + word.start }, end: { line: start.line, character: start.character + offset + word.end } },
  }));
}

const ENV_SETTINGS: Record<string, string> = { PORT: 'bind', WEB_CONCURRENCY: 'workers' };

/** Reads a Gunicorn launch: its environment's defaults, `GUNICORN_CMD_ARGS` and its command line. */
export function readGunicornCommandLine(launch: Launch): GunicornCommandLine {
  const settings: GunicornLaunchSetting[] = [];
  const problems: CommandLineProblem[] = [];
  let incomplete = false;
  const byName = new Map(allGunicornSettings().map((facts) => [facts.name, facts]));
  for (const variable of launch.env) {
    const name = ENV_SETTINGS[variable.name];
    const facts = name ? byName.get(name) : undefined;
    if (!facts) continue;
    const value = name === 'bind' ? `0.0.0.0:${variable.value}` : variable.value;
    settings.push({ facts, flag: variable.name, value, keyRange: variable.range, valueRange: variable.valueRange, opaque: variable.opaque, from: 'env' });
  }
  const commandArgs = [...launch.env].reverse().find((variable) => variable.name === 'GUNICORN_CMD_ARGS');
  const fromCommandArgs: GunicornLaunchSetting[] = [];
  if (commandArgs) {
    const read = readArguments(commandArgsWords(commandArgs.value, commandArgs.valueRange, commandArgs.opaque), 'cmd-args', fromCommandArgs, problems);
    incomplete ||= read.incomplete;
  }
  const fromCli: GunicornLaunchSetting[] = [];
  const cli = readArguments(launch.args, 'cli', fromCli, problems);
  incomplete ||= cli.incomplete;
  // `-c` is no setting of the file: the command line's wins over GUNICORN_CMD_ARGS', and neither is applied later.
  const configs = [...fromCommandArgs, ...fromCli].filter((setting) => setting.facts.name === 'config');
  const config = configs[configs.length - 1];
  settings.push(...fromCommandArgs.filter((setting) => setting.facts.name !== 'config'), ...fromCli.filter((setting) => setting.facts.name !== 'config'));
  return {
    launch,
    settings,
    ...(config?.value !== undefined ? { configFile: { file: config.value, range: config.valueRange, opaque: config.opaque } } : {}),
    ...(cli.positional[0] ? { appModule: cli.positional[0] } : {}),
    problems,
    incomplete,
    takesAppendedOptions: !cli.endOfOptions && !problems.some((problem) => problem.kind === 'missing-value' && launch.args.includes(problem.word)),
  };
}
