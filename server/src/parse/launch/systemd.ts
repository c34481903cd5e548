import { LineIndex } from '../../text/lineIndex';
import { dirname, resolvePath } from '../../text/paths';
import { Encoder, collapseDoubled, commandsOfShellText, launchOf, serverCommands } from './command';
import { holdsExpansion, shlexWords } from './shellWords';
import type { Launch, LaunchEnvFile, LaunchFileReading, LaunchVariable } from './types';

/**
 * A systemd unit: in `[Service]`, the last `ExecStart=` (an empty one resets the list) with its prefixes
 * (`-@:+!`), `Environment=`, `EnvironmentFile=` and `WorkingDirectory=`. Lines ending in `\` go on (the backslash
 * reads as a blank), `#`/`;` lines are comments, also inside a continued value. Words are split as systemd does
 * (quotes and backslashes, no shell operators); `$X`, `${X}` and `%` specifiers are opaque.
 */

interface UnitEntry {
  section: string;
  key: string;
  /** The value's offsets in the text, continuation lines included. */
  start: number;
  end: number;
}

/** A text to split: the file's text with continuations and comment lines inside values blanked (same offsets). */
function unitEntries(text: string, index: LineIndex): { entries: UnitEntry[]; blanked: string } {
  const chars = text.split('');
  const entries: UnitEntry[] = [];
  let section = '';
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const content = text.slice(start, index.lineContentEnd(line));
    const trimmed = content.trim();
    if (trimmed === '' || /^[#;]/.test(trimmed)) continue;
    if (/^\[.*\]$/.test(trimmed)) {
      section = trimmed.slice(1, -1);
      continue;
    }
    const equals = content.indexOf('=');
    if (equals < 0) continue;
    const key = content.slice(0, equals).trim();
    let valueStart = start + equals + 1;
    while (text[valueStart] === ' ' || text[valueStart] === '\t') valueStart++;
    let end = index.lineContentEnd(line);
    while (text[end - 1] === '\\' && line + 1 < index.lineCount) {
      for (let i = end - 1; i < index.lineEndIncludingBreak(line); i++) chars[i] = ' ';
      line++;
      // Comment lines inside a continued value are skipped, as systemd does.
      while (line + 1 < index.lineCount && /^\s*[#;]/.test(text.slice(index.lineStart(line), index.lineContentEnd(line)))) {
        for (let i = index.lineStart(line); i < index.lineEndIncludingBreak(line); i++) chars[i] = ' ';
        line++;
      }
      end = index.lineContentEnd(line);
    }
    while (end > valueStart && /\s/.test(text[end - 1])) end--;
    entries.push({ section, key, start: valueStart, end });
  }
  return { entries, blanked: chars.join('') };
}

/** systemd expands `%x` specifiers and `$`-variables in command lines: inserted text doubles both. */
const systemdEncoder: Encoder = (text) => text.replace(/[%$]/g, '$&$&');
const expandsInUnit = (value: string) => holdsExpansion(value) || /%[A-Za-z]/.test(value.replace(/%%/g, ''));

export function readSystemdUnit(path: string, text: string): LaunchFileReading {
  const index = new LineIndex(text);
  const { entries, blanked } = unitEntries(text, index);
  const service = entries.filter((entry) => entry.section === 'Service');
  const env: LaunchVariable[] = [];
  const envFiles: LaunchEnvFile[] = [];
  let cwd: string | undefined;
  let execStarts: UnitEntry[] = [];
  for (const entry of service) {
    if (entry.key === 'Environment') env.push(...environmentOf(blanked, index, entry));
    else if (entry.key === 'EnvironmentFile') {
      const value = text.slice(entry.start, entry.end);
      const optional = value.startsWith('-');
      const file = optional ? value.slice(1) : value;
      if (file && !expandsInUnit(file)) envFiles.push({ path: resolvePath(dirname(path), file), range: index.rangeOf(entry.start, entry.end), required: !optional, overridesEnv: true });
    } else if (entry.key === 'WorkingDirectory') {
      const value = text.slice(entry.start, entry.end).replace(/^-/, '');
      cwd = value.startsWith('/') && !expandsInUnit(value) ? resolvePath('/', value) : undefined;
    } else if (entry.key === 'ExecStart') execStarts = entry.start === entry.end ? [] : [...execStarts, entry];
  }
  const launches: Launch[] = [];
  const source = { text: blanked, index, encode: systemdEncoder };
  for (const entry of execStarts) {
    // Prefixes: `-` (failure ignored), `@` (argv[0] given apart), `:`, `+`, `!`, `!!`.
    let start = entry.start;
    while (start < entry.end && '-@:+!'.includes(text[start])) start++;
    const commands = commandsOfShellText(source, start, entry.end, { dialect: 'shlex' }).map((command) => ({
      ...command,
      words: command.words.map((word) => collapseDoubled({ ...word, opaque: word.opaque || expandsInUnit(text.slice(word.start, word.end)) }, '%$')),
    }));
    const context = { path, fileKind: 'systemd' as const, label: 'ExecStart', env, ...(cwd ? { cwd } : {}), envFiles };
    launches.push(...serverCommands(commands, { text, index }).map((server) => launchOf(server, context)));
  }
  return { launches, imageRuns: [], notes: [] };
}

/** `Environment="A=1" B=2`: words as systemd splits them, each `NAME=value`. */
function environmentOf(blanked: string, index: LineIndex, entry: UnitEntry): LaunchVariable[] {
  return shlexWords(blanked, entry.start, entry.end).flatMap((word): LaunchVariable[] => {
    const equals = word.value.indexOf('=');
    if (equals <= 0) return [];
    const valueStart = word.charEnds[equals];
    return [
      {
        name: word.value.slice(0, equals),
        value: word.value.slice(equals + 1),
        range: index.rangeOf(word.start, word.end),
        valueRange: index.rangeOf(valueStart, word.end),
        opaque: expandsInUnit(blanked.slice(valueStart, word.end)),
      },
    ];
  });
}
