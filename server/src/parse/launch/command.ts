import { LineIndex, Range } from '../../text/lineIndex';
import { dirname, resolvePath } from '../../text/paths';
import type { Launch, LaunchEnvFile, LaunchFileKind, LaunchImage, LaunchInsertion, LaunchVariable, LaunchWord, LaunchWrapper, ServerProgram } from './types';
import { ShellDialect, ShellWord, SplitOptions, splitShell } from './shellWords';
import type { MappedString } from './jsonString';

/**
 * From the words of a command to the server it starts: through the programs that run it for it (`sh -c "…"`,
 * `exec`, APM wrappers, `python -m`, `poetry run`, `gosu USER`, `tini --`, `env X=1`, ...), which are recorded,
 * and through `&&`/`;` inside a `sh -c` string. Shared by every launch-file reader: a reader turns its syntax (a
 * shell line, an exec-form JSON array, a YAML list) into `ArgvCommand`s and gets `ServerCommand`s back.
 */

/**
 * How literal text is written at some place of a file (inside a JSON string, a YAML scalar, a systemd line, ...).
 * `backslashes`: a shell word written there must escape its special characters one by one, as quotes would not
 * keep it valid (a plain YAML scalar must not get `: ` or ` #`).
 */
export interface Encoder {
  (text: string): string;
  backslashes?: boolean;
}

export const verbatim: Encoder = (text) => text;

/** An encoder for a place where shell words are written with backslashes, not quotes. */
export function withBackslashes(encode: Encoder): Encoder {
  return Object.assign((text: string) => encode(text), { backslashes: true });
}

/** A word of a command, with what is needed to read it again as shell text when it is handed to `sh -c`. */
export interface CommandWord extends LaunchWord {
  /** Offsets of the word in its file. */
  start: number;
  end: number;
  /** For each character of `value`, the file offsets [start, end) that produced it (absent: not mappable). */
  charStarts?: readonly number[];
  charEnds?: readonly number[];
  /** How text inserted at a file offset inside this word must be written there. */
  encodeAt?: (offset: number) => Encoder;
  /** The word is a shell assignment prefix (`X=1 gunicorn`): only words of shell text can be. */
  assignment?: { name: string; valueStart: number };
}

/** One command as a program would receive it. */
export interface ArgvCommand {
  words: CommandWord[];
  /** Appends arguments after the command's last word. */
  insertion?: LaunchInsertion;
}

/** The server a command starts, with everything between the command's start and the server. */
export interface ServerCommand {
  server: ServerProgram;
  program: LaunchWord;
  args: LaunchWord[];
  /** `X=1` prefixes and `env X=1` of the command, in order. */
  env: LaunchVariable[];
  wrappers: LaunchWrapper[];
  insertion?: LaunchInsertion;
  /** From the command's first word (wrappers and assignments included) to its last argument. */
  range: Range;
  /** `env -C DIR` / `cd DIR &&` before the server: the folder it starts in, as written. */
  cwd?: LaunchWord;
}

// ---------- writing arguments ----------

/**
 * An argument as one shell word: bare when nothing in it is special to a shell, else single-quoted, or with each
 * special character backslash-escaped.
 */
export function shellQuote(argument: string, backslashes = false): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(argument)) return argument;
  if (backslashes && argument !== '') return argument.replace(/[^A-Za-z0-9_@%+=:,./-]/g, '\\$&');
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** Text after a command's last word that adds arguments to it, written through `encode` for where it goes. */
function appendedShellArguments(encode: Encoder): LaunchInsertion['argumentsText'] {
  return (args) => encode(args.map((argument) => ` ${shellQuote(argument, encode.backslashes)}`).join(''));
}

function compose(outer: Encoder, inner: Encoder): Encoder {
  return Object.assign((text: string) => outer(inner(text)), { backslashes: Boolean(outer.backslashes || inner.backslashes) });
}

const insideSingleQuotes: Encoder = (text) => text.replace(/'/g, `'\\''`);
/** Inside double quotes a shell unescapes `\\ " $ \``; shlex only `\\ "`. */
const insideDoubleQuotes: Record<ShellDialect, Encoder> = {
  sh: (text) => text.replace(/[\\"$`]/g, '\\$&'),
  shlex: (text) => text.replace(/[\\"]/g, '\\$&'),
};

/** Whether an offset inside a shell word (read from its start) lies within single quotes, double quotes or neither. */
function shellQuoteStateAt(text: string, from: number, offset: number): 'none' | 'single' | 'double' {
  let state: 'none' | 'single' | 'double' = 'none';
  for (let i = from; i < offset; i++) {
    const c = text[i];
    if (state === 'single') {
      if (c === "'") state = 'none';
    } else if (c === '\\') i++;
    else if (c === '"') state = state === 'double' ? 'none' : 'double';
    else if (c === "'" && state === 'none') state = 'single';
  }
  return state;
}

// ---------- commands from shell text ----------

/** Where a piece of shell text lives: its file, and how text is written there (a systemd line doubles `%`, ...). */
export interface ShellTextSource {
  text: string;
  index: LineIndex;
  encode: Encoder;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * A word of shell text `shellText` (the file's text, or the value of a word handed to `sh -c`, whose characters
 * `map` places in the file) as a CommandWord with file offsets.
 */
function wordFromShell(word: ShellWord, shellText: string, source: ShellTextSource, dialect: ShellDialect, map?: CharMap): CommandWord {
  const mapped = map ? mapWord(word, map) : { start: word.start, end: word.end, charStarts: word.charStarts, charEnds: word.charEnds };
  // Only a shell reads `X=1 program` as an assignment.
  const assignment = dialect === 'sh' ? ASSIGNMENT.exec(shellText.slice(word.start, word.end)) : null;
  const encodeAt = (offset: number): Encoder => {
    // The quote state is read in the shell text itself; the layers around it (an outer word, the file) come from the map.
    const local = map ? localPosition(map, offset) : offset;
    const state = shellQuoteStateAt(shellText, word.start, local);
    const here = state === 'single' ? insideSingleQuotes : state === 'double' ? insideDoubleQuotes[dialect] : verbatim;
    return compose(map ? map.encodeAt(offset) : source.encode, here);
  };
  return {
    value: word.value,
    range: source.index.rangeOf(mapped.start, mapped.end),
    opaque: word.opaque,
    start: mapped.start,
    end: mapped.end,
    charStarts: mapped.charStarts,
    charEnds: mapped.charEnds,
    encodeAt,
    ...(assignment && word.value.startsWith(assignment[0]) ? { assignment: { name: assignment[1], valueStart: assignment[0].length } } : {}),
  };
}

/** The first character of a mapped value whose source starts at or after a file offset. */
function localPosition(map: CharMap, offset: number): number {
  let position = 0;
  while (position < map.charStarts.length && map.charStarts[position] < offset) position++;
  return position;
}

/** The character map of a word whose value is read again as shell text. */
interface CharMap {
  charStarts: readonly number[];
  charEnds: readonly number[];
  /** Where the word ends in the file (for positions at the end of its value). */
  end: number;
  start: number;
  encodeAt: (offset: number) => Encoder;
}

function mapWord(word: ShellWord, map: CharMap): { start: number; end: number; charStarts: number[]; charEnds: number[] } {
  const at = (position: number) => (position < map.charStarts.length ? map.charStarts[position] : map.end);
  const endAt = (position: number) => (position > 0 ? map.charEnds[position - 1] : map.start);
  const start = at(word.start);
  const end = Math.max(start, endAt(word.end));
  return {
    start,
    end,
    charStarts: word.charStarts.map(at),
    charEnds: word.charEnds.map(endAt),
  };
}

/**
 * The commands of shell text `text[from, to)` (a Dockerfile shell form, a Procfile line, a script), each with an
 * insertion after its last word.
 */
export function commandsOfShellText(source: ShellTextSource, from: number, to: number, options: SplitOptions = { dialect: 'sh' }): ArgvCommand[] {
  const split = splitShell(source.text, from, to, options);
  return split.commands.map((command) => {
    const words = command.words.map((word) => wordFromShell(word, source.text, source, options.dialect));
    const last = words[words.length - 1];
    return {
      words,
      ...(last ? { insertion: { insertAt: source.index.positionAt(last.end), argumentsText: appendedShellArguments(source.encode) } } : {}),
    };
  });
}

/** The commands of a word's value read as shell text (`sh -c VALUE`), mapped back into the file; none when unmappable. */
export function commandsOfWord(word: CommandWord, source: { text: string; index: LineIndex }, options: SplitOptions = { dialect: 'sh' }): ArgvCommand[] {
  const { charStarts, charEnds, encodeAt } = word;
  if (!charStarts || !charEnds || !encodeAt || charStarts.length !== word.value.length) return [];
  const map: CharMap = { charStarts, charEnds, start: word.start, end: word.end, encodeAt };
  const textSource: ShellTextSource = { ...source, encode: verbatim };
  const split = splitShell(word.value, 0, word.value.length, options);
  return split.commands.map((command) => {
    const words = command.words.map((inner) => wordFromShell(inner, word.value, textSource, options.dialect, map));
    const last = words[words.length - 1];
    // After the last word the inner text is outside its own quotes; what the outer word needs there comes from the map.
    return {
      words,
      // The encoder is found when a fix asks: finding it walks the word's map.
      ...(last ? { insertion: { insertAt: source.index.positionAt(last.end), argumentsText: (args: readonly string[]) => appendedShellArguments(encodeAt(last.end))(args) } } : {}),
    };
  });
}

/** A word whose value was decoded from a string literal (JSON, YAML) with a map back to its source characters. */
export function mappedWord(mapped: MappedString, start: number, end: number, index: LineIndex, encode: Encoder, opaque: boolean): CommandWord {
  return {
    value: mapped.value,
    range: index.rangeOf(start, end),
    opaque,
    start,
    end,
    charStarts: mapped.charStarts,
    charEnds: mapped.charEnds,
    encodeAt: () => encode,
  };
}

/**
 * A word read after a stage that writes a literal character doubled (`%%` in supervisord and systemd, `$$` in
 * systemd): the doubled pair is one character of the value, mapped to both source characters.
 */
export function collapseDoubled(word: CommandWord, doubled: string): CommandWord {
  const { charStarts, charEnds } = word;
  if (!charStarts || !charEnds || ![...doubled].some((c) => word.value.includes(c + c))) return word;
  let value = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < word.value.length; i++) {
    const c = word.value[i];
    const pair = doubled.includes(c) && word.value[i + 1] === c;
    value += c;
    starts.push(charStarts[i]);
    ends.push(charEnds[pair ? i + 1 : i]);
    if (pair) i++;
  }
  return { ...word, value, charStarts: starts, charEnds: ends };
}

// ---------- from a command to its server ----------

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'busybox-sh']);
const PYTHON = /^(python|pypy)(\d+(\.\d+)?)?$/;
/** Program names of the servers, Debian's included (`gunicorn3`, `uwsgi_python3` with its Python plugin built in). */
const SERVERS: Record<string, ServerProgram> = { uwsgi: 'uwsgi', uwsgi_python3: 'uwsgi', uwsgi_python: 'uwsgi', gunicorn: 'gunicorn', gunicorn3: 'gunicorn' };

function baseName(value: string): string {
  const slash = value.lastIndexOf('/');
  return value.slice(slash + 1);
}

/** The server a program word names: `gunicorn`, `/venv/bin/uwsgi`, `${VENV}/bin/gunicorn`. */
function serverNamed(word: LaunchWord): ServerProgram | undefined {
  const base = baseName(word.value);
  return base.includes('$') || !Object.hasOwn(SERVERS, base) ? undefined : SERVERS[base];
}

/** How a wrapper takes its words: the options it accepts before the program it runs. */
interface WrapperSyntax {
  name: string;
  /** Words after the first that belong to the wrapper's name (`run-program`, `run`, `-m`). */
  subcommand?: readonly string[];
  /** Options that take the next word as their value. */
  valued?: readonly string[];
  /** Every option takes a value unless written `--x=v` (opentelemetry-instrument). */
  allValued?: boolean;
  /** Positional words before the program (`gosu USER`). */
  positional?: number;
  /** Words of the form `X=1` set the environment (`env`). */
  assignments?: boolean;
  /** Everything up to `--` is the wrapper's (`wait-for-it.sh db:5432 -t 60 -- gunicorn …`). */
  untilDoubleDash?: boolean;
}

const WRAPPERS: Record<string, WrapperSyntax> = {
  exec: { name: 'exec', valued: ['-a'] },
  env: { name: 'env', valued: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'], assignments: true },
  nice: { name: 'nice', valued: ['-n', '--adjustment'] },
  nohup: { name: 'nohup' },
  'newrelic-admin': { name: 'newrelic-admin run-program', subcommand: ['run-program', 'run-python'] },
  'ddtrace-run': { name: 'ddtrace-run' },
  'opentelemetry-instrument': { name: 'opentelemetry-instrument', allValued: true },
  'elasticapm-run': { name: 'elasticapm-run', allValued: true },
  'tingyun-admin': { name: 'tingyun-admin run-program', subcommand: ['run-program', 'run-python'] },
  pyagent: { name: 'pyagent run', subcommand: ['run'] },
  poetry: { name: 'poetry run', subcommand: ['run'], valued: ['-C', '--directory', '-P', '--project'] },
  pipenv: { name: 'pipenv run', subcommand: ['run'] },
  uv: { name: 'uv run', subcommand: ['run'], valued: ['--with', '--with-requirements', '--env-file', '--project', '--directory', '--python', '-p', '--extra', '--group', '--package', '--index', '--index-url', '-w'] },
  pdm: { name: 'pdm run', subcommand: ['run'] },
  hatch: { name: 'hatch run', subcommand: ['run'] },
  bundle: { name: 'bundle exec', subcommand: ['exec'] },
  gosu: { name: 'gosu', positional: 1 },
  'su-exec': { name: 'su-exec', positional: 1 },
  setuidgid: { name: 'setuidgid', positional: 1 },
  's6-setuidgid': { name: 's6-setuidgid', positional: 1 },
  chpst: { name: 'chpst', valued: ['-u', '-U', '-e', '-/', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c'] },
  sudo: { name: 'sudo', valued: ['-u', '--user', '-g', '--group', '-C', '-D', '--chdir'] },
  runuser: { name: 'runuser', valued: ['-u', '--user', '-g', '--group'] },
  tini: { name: 'tini', valued: ['-p', '-e'] },
  'dumb-init': { name: 'dumb-init', valued: ['-r', '--rewrite'] },
  time: { name: 'time' },
  setuser: { name: 'setuser', positional: 1 },
  'wait-for-it': { name: 'wait-for-it', untilDoubleDash: true },
  'wait-for-it.sh': { name: 'wait-for-it', untilDoubleDash: true },
  dockerize: { name: 'dockerize', allValued: true },
  doppler: { name: 'doppler run', subcommand: ['run'], untilDoubleDash: true },
  dotenv: { name: 'dotenv run', subcommand: ['run'], valued: ['-f', '--file'] },
};

interface Walk {
  env: LaunchVariable[];
  wrappers: LaunchWrapper[];
  cwd?: LaunchWord;
}

function plainWord(word: CommandWord): LaunchWord {
  return { value: word.value, range: word.range, opaque: word.opaque };
}

function variableOf(word: CommandWord, index: LineIndex, valueStart: number): LaunchVariable {
  // The value's source starts just after the `=` (quotes around the value included).
  const valueFrom = word.charEnds?.[valueStart - 1] ?? word.end;
  return {
    name: word.value.slice(0, valueStart - 1),
    value: word.value.slice(valueStart),
    range: word.range,
    valueRange: index.rangeOf(Math.min(valueFrom, word.end), word.end),
    opaque: word.opaque,
  };
}

/**
 * The servers the commands start, read through wrappers; a command that starts none is skipped. Commands before
 * a server count as a shell runs them one after the other: `cd DIR` gives its folder, `export X=1` (or `X=1`
 * then `export X`) its environment.
 */
export function serverCommands(commands: readonly ArgvCommand[], source: { text: string; index: LineIndex }): ServerCommand[] {
  return serversInSequence(commands, { env: [], wrappers: [] }, source, 0);
}

function serversInSequence(commands: readonly ArgvCommand[], outer: Walk, source: { text: string; index: LineIndex }, depth: number): ServerCommand[] {
  const found: ServerCommand[] = [];
  let cwd = outer.cwd;
  // By name, in the order first exported: exporting a name again replaces its value where it stands.
  const exported = new Map<string, LaunchVariable>();
  const assigned = new Map<string, LaunchVariable>();
  for (const command of commands) {
    const [first, ...rest] = command.words;
    if (!first) continue;
    if (first.value === 'cd' && rest.length <= 1) {
      cwd = rest[0] ? plainWord(rest[0]) : undefined;
    } else if (first.value === 'export' && !first.assignment) {
      for (const word of rest) {
        if (word.assignment) exported.set(word.assignment.name, variableOf(word, source.index, word.assignment.valueStart));
        else if (assigned.has(word.value)) exported.set(word.value, assigned.get(word.value)!);
      }
    } else if (command.words.every((word) => word.assignment)) {
      for (const word of command.words) assigned.set(word.assignment!.name, variableOf(word, source.index, word.assignment!.valueStart));
    } else {
      const servers = serverOf(command, { env: [...outer.env, ...exported.values()], wrappers: outer.wrappers, ...(cwd ? { cwd } : {}) }, source, depth);
      if (servers) found.push(...servers);
    }
  }
  return found;
}

function serverOf(command: ArgvCommand, outer: Walk, source: { text: string; index: LineIndex }, depth: number): ServerCommand[] | undefined {
  const { words } = command;
  const walk: Walk = { env: [...outer.env], wrappers: [...outer.wrappers], ...(outer.cwd ? { cwd: outer.cwd } : {}) };
  let i = 0;
  while (i < words.length && words[i].assignment) {
    walk.env.push(variableOf(words[i], source.index, words[i].assignment!.valueStart));
    i++;
  }
  // Shell reserved words that may open a command (`if`, `then`, `do`, `!`, `{`).
  while (i < words.length && ['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{'].includes(words[i].value)) i++;
  while (i < words.length) {
    const word = words[i];
    const base = baseName(word.value);
    const server = serverNamed(word);
    if (server) {
      const args = words.slice(i + 1);
      // Words of one argv may come from two places in either order (a CMD above its ENTRYPOINT).
      let start = Infinity;
      let end = -Infinity;
      for (const used of words) {
        start = Math.min(start, used.start);
        end = Math.max(end, used.end);
      }
      return [
        {
          server,
          program: plainWord(word),
          args: args.map(plainWord),
          env: walk.env,
          wrappers: walk.wrappers,
          ...(command.insertion ? { insertion: command.insertion } : {}),
          range: source.index.rangeOf(start, end),
          ...(walk.cwd ? { cwd: walk.cwd } : {}),
        },
      ];
    }
    if (word.opaque) return undefined;
    if (SHELLS.has(base)) return depth < 8 ? shellCommandString(command, i, walk, source, depth) : undefined;
    if (PYTHON.test(base)) return pythonModule(command, i, walk, source);
    // Own names only: a word such as `constructor` is no wrapper.
    const syntax = Object.hasOwn(WRAPPERS, base) ? WRAPPERS[base] : undefined;
    if (!syntax) return undefined;
    const start = i;
    i++;
    if (syntax.subcommand) {
      // Options of the tool itself may come before its subcommand (`uv --no-cache run`, `poetry -C dir run`).
      while (i < words.length && words[i].value.startsWith('-') && !syntax.subcommand.includes(words[i].value)) i += syntax.valued?.includes(words[i].value) ? 2 : 1;
      if (i >= words.length || !syntax.subcommand.includes(words[i].value)) return undefined;
      i++;
    }
    if (syntax.untilDoubleDash) {
      const dashes = words.findIndex((word, at) => at >= i && word.value === '--');
      if (dashes < 0) return undefined;
      i = dashes;
    }
    while (i < words.length) {
      const value = words[i].value;
      if (value === '--') {
        i++;
        break;
      }
      if (syntax.assignments && ASSIGNMENT.test(value)) {
        walk.env.push(variableOf(words[i], source.index, ASSIGNMENT.exec(value)![0].length));
        i++;
        continue;
      }
      if (!value.startsWith('-') || value === '-') break;
      const takesValue = !value.includes('=') && (syntax.allValued || syntax.valued?.includes(value));
      if (base === 'env' && (value === '-C' || value === '--chdir') && words[i + 1]) walk.cwd = plainWord(words[i + 1]);
      if (base === 'nice' && /^-\d+$/.test(value)) {
        i++;
        continue;
      }
      i += takesValue ? 2 : 1;
    }
    i = Math.min(i + (syntax.positional ?? 0), words.length);
    walk.wrappers.push({ name: syntax.name, words: words.slice(start, i).map(plainWord) });
  }
  return undefined;
}

/** `sh -c "…"` (options such as `-e`, `-ec`, `-lc` before it): the servers the string starts. */
function shellCommandString(command: ArgvCommand, at: number, walk: Walk, source: { text: string; index: LineIndex }, depth: number): ServerCommand[] | undefined {
  const { words } = command;
  let i = at + 1;
  let hasC = false;
  while (i < words.length && /^[-+][A-Za-z]+$/.test(words[i].value)) {
    if (words[i].value.startsWith('-') && words[i].value.includes('c')) hasC = true;
    i++;
    if (hasC) break;
  }
  const string = words[i];
  if (!hasC || !string) return undefined;
  const wrapper: LaunchWrapper = { name: 'sh -c', words: words.slice(at, i + 1).map(plainWord) };
  const found = serversInSequence(commandsOfWord(string, source), { ...walk, wrappers: [...walk.wrappers, wrapper] }, source, depth + 1);
  return found.length > 0 ? found : undefined;
}

/** `python [options] -m gunicorn|uwsgi …`: the word after `-m` names the server. */
function pythonModule(command: ArgvCommand, at: number, walk: Walk, source: { text: string; index: LineIndex }): ServerCommand[] | undefined {
  const { words } = command;
  let i = at + 1;
  while (i < words.length && words[i].value.startsWith('-') && words[i].value !== '-m') i += ['-W', '-X', '-c'].includes(words[i].value) ? 2 : 1;
  if (words[i]?.value !== '-m') return undefined;
  const module = words[i + 1];
  if (!module || !Object.hasOwn(SERVERS, module.value)) return undefined;
  const wrapper: LaunchWrapper = { name: 'python -m', words: words.slice(at, i + 1).map(plainWord) };
  const rest: ArgvCommand = { words: words.slice(i + 1), ...(command.insertion ? { insertion: command.insertion } : {}) };
  const servers = serverOf(rest, { ...walk, wrappers: [...walk.wrappers, wrapper] }, source, 0);
  return servers?.map((server) => ({ ...server, range: source.index.rangeOf(Math.min(words[0].start, source.index.offsetAt(server.range.start)), source.index.offsetAt(server.range.end)) }));
}

// ---------- launches ----------

/** What the launch file says around a command: where it is, what it is called, the environment and folder it sets. */
export interface LaunchContext {
  path: string;
  fileKind: LaunchFileKind;
  label: string;
  env: LaunchVariable[];
  /** The folder the command starts in, absolute, when the file says. */
  cwd?: string;
  envFiles?: LaunchEnvFile[];
  image?: LaunchImage;
}

/** `cd "$(dirname "$0")"`: the script's own folder. */
const SCRIPT_FOLDER = /^"?\$\(dirname\s+"?\$(0|\{0\}|\{BASH_SOURCE(\[0\])?\})"?\)"?$/;

/** The folder a `cd WORD` moves to, absolute, when the word and the starting folder say; otherwise unknown. */
function folderAfterCd(word: LaunchWord, context: LaunchContext, scriptFolder: string): string | undefined {
  if (SCRIPT_FOLDER.test(word.value)) return scriptFolder;
  if (word.opaque) return undefined;
  if (word.value.startsWith('/')) return resolvePath('/', word.value);
  return context.cwd === undefined ? undefined : resolvePath(context.cwd, word.value);
}

/** The Launch of a server command found in a launch file. */
export function launchOf(server: ServerCommand, context: LaunchContext): Launch {
  const cwd = server.cwd ? folderAfterCd(server.cwd, context, dirname(context.path)) : context.cwd;
  return {
    path: context.path,
    fileKind: context.fileKind,
    label: context.label,
    range: server.range,
    server: server.server,
    program: server.program,
    args: server.args,
    env: [...context.env, ...server.env],
    ...(cwd !== undefined ? { cwd } : {}),
    wrappers: server.wrappers,
    ...(server.insertion ? { insertion: server.insertion } : {}),
    ...(context.envFiles && context.envFiles.length > 0 ? { envFiles: context.envFiles } : {}),
    ...(context.image ? { image: context.image } : {}),
  };
}
