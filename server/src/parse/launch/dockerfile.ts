import { DockerfileParser, Instruction, JSONInstruction } from 'dockerfile-ast';
import { LineIndex, Range } from '../../text/lineIndex';
import { resolvePath } from '../../text/paths';
import { ArgvCommand, CommandWord, Encoder, ServerCommand, commandsOfShellText, launchOf, mappedWord, serverCommands, verbatim } from './command';
import { decodeJsonString, insideJsonString } from './jsonString';
import type { Launch, LaunchFileReading, LaunchInsertion, LaunchVariable } from './types';

/**
 * A Dockerfile (or Containerfile): the launch of its last stage, `ENTRYPOINT` and `CMD` in exec (JSON) or shell
 * form combined as Docker does, with the stage's `ENV` (stages it is built `FROM` included) and `WORKDIR`.
 * Read with dockerfile-ast; shell forms are split as `/bin/sh -c` will split them, with Docker's own line joining
 * (escape + line break removed, comment lines inside an instruction dropped) done first.
 */

interface Stage {
  name?: string;
  base: string;
  /** Where the FROM line names its base. */
  baseRange?: Range;
  instructions: Instruction[];
}

/** One of CMD / ENTRYPOINT as the image keeps it. */
interface CommandInstruction {
  keyword: 'CMD' | 'ENTRYPOINT';
  instruction: Instruction;
  /** Exec form: one word per element; shell form: undefined. */
  exec?: CommandWord[];
  /** Exec form: appends elements; shell form: appends words to the command that starts the server. */
  appendElements?: LaunchInsertion;
}

export function readDockerfile(path: string, text: string): LaunchFileReading {
  const index = new LineIndex(text);
  let dockerfile;
  try {
    dockerfile = DockerfileParser.parse(text);
  } catch {
    // The parser is the library's; whatever it does on odd input, a launch file must not crash the server.
    return { launches: [], imageRuns: [], notes: [] };
  }
  const escape = dockerfile.getEscapeCharacter();
  const shellText = joinedForShell(text, index, dockerfile.getInstructions(), escape);
  const stages = stagesOf(dockerfile.getInstructions());
  const chain = stageChain(stages);
  if (chain.length === 0) return { launches: [], imageRuns: [], notes: [] };

  const env: LaunchVariable[] = [];
  let cwd: string | undefined = '/';
  let cmd: CommandInstruction | undefined;
  let entrypoint: CommandInstruction | undefined;
  for (const stage of chain) {
    let cmdSetInStage = false;
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword().toUpperCase();
      if (keyword === 'ENV') env.push(...envOf(instruction, index));
      else if (keyword === 'WORKDIR') {
        const folder = instruction.getArguments().map((argument) => argument.getValue()).join(' ');
        cwd = cwd === undefined || folder.includes('$') || folder === '' ? undefined : resolvePath(cwd, unquoted(folder));
      } else if (keyword === 'CMD') {
        cmd = commandInstruction('CMD', instruction, text, index);
        cmdSetInStage = true;
      } else if (keyword === 'ENTRYPOINT') {
        entrypoint = commandInstruction('ENTRYPOINT', instruction, text, index);
        // Docker drops a CMD inherited from the stage below when a stage sets ENTRYPOINT.
        if (!cmdSetInStage) cmd = undefined;
      }
    }
  }

  const context = { path, fileKind: 'dockerfile' as const, env, ...(cwd !== undefined ? { cwd } : {}) };
  const source = { text, index };
  const shellCommands = (part: CommandInstruction): ArgvCommand[] => {
    const args = part.instruction.getArgumentsRange();
    if (!args) return [];
    return commandsOfShellText({ text: shellText, index, encode: verbatim }, index.offsetAt(args.start), index.offsetAt(args.end));
  };

  let launches: Launch[] = [];
  if (entrypoint && !entrypoint.exec) {
    // Shell-form ENTRYPOINT: `/bin/sh -c` runs it alone, CMD is never seen.
    launches = serverCommands(shellCommands(entrypoint), source).map((server) => launchOf(server, { ...context, label: 'ENTRYPOINT' }));
  } else if (entrypoint?.exec) {
    const label = cmd ? 'ENTRYPOINT + CMD' : 'ENTRYPOINT';
    // A shell-form CMD reaches an exec-form ENTRYPOINT as `/bin/sh -c TEXT`: the server, if any, is in TEXT.
    const cmdCommands = cmd ? (cmd.exec ? [{ words: cmd.exec, ...(cmd.appendElements ? { insertion: cmd.appendElements } : {}) }] : shellCommands(cmd)) : [];
    if (!cmd || cmd.exec) {
      const insertion = cmd ? cmd.appendElements : entrypoint.appendElements;
      const combined: ArgvCommand = { words: [...entrypoint.exec, ...(cmd?.exec ?? [])], ...(insertion ? { insertion } : {}) };
      // A server named in CMD is found there: the finding lands on CMD, not on the lines from ENTRYPOINT down.
      const inCmd = (server: ServerCommand) => cmd?.exec?.some((word) => word.range === server.program.range);
      launches = serverCommands([combined], source).map((server) =>
        launchOf(inCmd(server) ? { ...server, range: { start: server.program.range.start, end: server.range.end } } : server, { ...context, label }),
      );
    }
    if (launches.length === 0 && entrypoint.exec.length > 0) {
      // `ENTRYPOINT ["/docker-entrypoint.sh"]` + `CMD ["gunicorn", …]`: such scripts end with `exec "$@"`, so the
      // server is CMD's, run under the entrypoint (recorded as its wrapper).
      const wrapper = { name: 'ENTRYPOINT', words: entrypoint.exec.map(({ value, range, opaque }) => ({ value, range, opaque })) };
      launches = serverCommands(cmdCommands, source).map((server) => launchOf({ ...server, wrappers: [wrapper, ...server.wrappers] }, { ...context, label }));
    }
  } else if (cmd) {
    const commands = cmd.exec ? [{ words: cmd.exec, ...(cmd.appendElements ? { insertion: cmd.appendElements } : {}) }] : shellCommands(cmd);
    launches = serverCommands(commands, source).map((server) => launchOf(server, { ...context, label: 'CMD' }));
  }
  return { launches, imageRuns: [], notes: [] };
}

/**
 * The image the Dockerfile's last stage is built on, through the stages of the file it names (`FROM base AS app`):
 * the image as written on its FROM line (`python:3.13-slim`), and where.
 */
export function dockerfileBaseImage(text: string): { image: string; range: Range } | undefined {
  let dockerfile;
  try {
    dockerfile = DockerfileParser.parse(text);
  } catch {
    return undefined;
  }
  const first = stageChain(stagesOf(dockerfile.getInstructions()))[0];
  return first?.baseRange && first.base !== '' ? { image: first.base, range: first.baseRange } : undefined;
}

function unquoted(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

function stagesOf(instructions: readonly Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword().toUpperCase() === 'FROM') {
      const flagless = instruction.getArguments().filter((argument) => !argument.getValue().startsWith('--'));
      const args = flagless.map((argument) => argument.getValue());
      const asAt = args.findIndex((arg) => arg.toUpperCase() === 'AS');
      stages.push({
        base: args[0] ?? '',
        ...(flagless[0] ? { baseRange: flagless[0].getRange() } : {}),
        ...(asAt >= 0 && args[asAt + 1] ? { name: args[asAt + 1].toLowerCase() } : {}),
        instructions: [],
      });
    } else stages[stages.length - 1]?.instructions.push(instruction);
  }
  return stages;
}

/** The last stage and the stages of this file it is built FROM, base first. */
function stageChain(stages: readonly Stage[]): Stage[] {
  const chain: Stage[] = [];
  let stage: Stage | undefined = stages[stages.length - 1];
  while (stage && !chain.includes(stage)) {
    chain.unshift(stage);
    const base = stage.base.toLowerCase();
    const at = stages.indexOf(stage);
    stage = stages.slice(0, at).reverse().find((earlier) => earlier.name === base);
  }
  return chain;
}

function envOf(instruction: Instruction, index: LineIndex): LaunchVariable[] {
  const properties = 'getProperties' in instruction ? (instruction as unknown as { getProperties(): import('dockerfile-ast').Property[] }).getProperties() : [];
  return properties.flatMap((property) => {
    const value = property.getValue();
    const valueRange = property.getValueRange();
    const name = property.getName();
    if (value === null || !valueRange || !name) return [];
    return [{ name, value, range: property.getRange(), valueRange: index.rangeOf(index.offsetAt(valueRange.start), index.offsetAt(valueRange.end)), opaque: value.includes('$') }];
  });
}

/**
 * The file's text with Docker's line joining applied in place (same length, so offsets hold): inside an
 * instruction, comment lines become blanks, and with an escape character other than `\` its continuations too.
 */
function joinedForShell(text: string, index: LineIndex, instructions: readonly Instruction[], escape: string): string {
  const chars = text.split('');
  for (const instruction of instructions) {
    const range = instruction.getRange();
    for (let line = range.start.line + 1; line <= range.end.line; line++) {
      const start = index.lineStart(line);
      const content = text.slice(start, index.lineContentEnd(line));
      if (/^\s*#/.test(content)) for (let i = start; i < index.lineEndIncludingBreak(line); i++) chars[i] = ' ';
    }
    if (escape !== '\\') {
      for (let line = range.start.line; line < range.end.line; line++) {
        const end = index.lineContentEnd(line);
        if (text[end - 1] === escape) for (let i = end - 1; i < index.lineEndIncludingBreak(line); i++) chars[i] = ' ';
      }
    }
  }
  return chars.join('');
}

function commandInstruction(keyword: 'CMD' | 'ENTRYPOINT', instruction: Instruction, text: string, index: LineIndex): CommandInstruction {
  const exec = execForm(instruction, text, index);
  return { keyword, instruction, ...(exec ? { exec: exec.words, ...(exec.insertion ? { appendElements: exec.insertion } : {}) } : {}) };
}

const JSON_ENCODER: Encoder = insideJsonString;

/** The elements of an exec form, when the instruction's text is a JSON array of strings as Docker requires. */
function execForm(instruction: Instruction, text: string, index: LineIndex): { words: CommandWord[]; insertion?: LaunchInsertion } | undefined {
  if (!(instruction instanceof JSONInstruction)) return undefined;
  const open = instruction.getOpeningBracket();
  const close = instruction.getClosingBracket();
  const args = instruction.getArgumentsRange();
  if (!open || !close || !args) return undefined;
  // Docker parses the joined text as JSON; whatever does not parse is shell form.
  const raw = text.slice(index.offsetAt(args.start), index.offsetAt(args.end)).replace(/\\\r?\n|\\\r/g, '');
  try {
    const parsed: unknown = JSON.parse(raw.replace(/^\s*#.*$/gm, ''));
    if (!Array.isArray(parsed) || !parsed.every((element) => typeof element === 'string')) return undefined;
  } catch {
    return undefined;
  }
  const elements = instruction.getJSONStrings();
  const words: CommandWord[] = [];
  for (const element of elements) {
    const range = element.getRange();
    const start = index.offsetAt(range.start);
    const end = index.offsetAt(range.end);
    const mapped = decodeJsonString(text, start, end);
    if (!mapped) return undefined;
    words.push(mappedWord(mapped, start, end, index, JSON_ENCODER, false));
  }
  const last = words[words.length - 1];
  if (!last) return { words };
  const previous = words[words.length - 2];
  const between = previous ? text.slice(previous.end, last.start) : '';
  // The separator the array already uses, continuation lines included; `, ` for a one-element array.
  const separator = /^\s*,(\s|\\\r?\n)*$/.test(between) ? between : ', ';
  return {
    words,
    insertion: { insertAt: index.positionAt(last.end), argumentsText: (added) => added.map((argument) => separator + JSON.stringify(argument)).join('') },
  };
}
