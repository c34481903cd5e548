import { LineIndex } from '../../text/lineIndex';
import { resolvePath } from '../../text/paths';
import { Encoder, collapseDoubled, commandsOfShellText, launchOf, serverCommands, withBackslashes } from './command';
import type { Launch, LaunchFileReading, LaunchVariable } from './types';

/**
 * supervisord's ini (Python ConfigParser as Supervisor sets it up): per `[program:NAME]` section, `command=`
 * (split with shlex after `%(ENV_X)s` expansion, so such words are opaque), `environment=` (`K="v",K2=v2`) and
 * `directory=`. `key=value` or `key: value`, indented lines continue a value, `;`/`#` start a comment at the start
 * of a line or after a blank.
 */

interface IniValue {
  section: string;
  key: string;
  start: number;
  end: number;
}

function iniValues(text: string, index: LineIndex): IniValue[] {
  const values: IniValue[] = [];
  let section = '';
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const content = text.slice(start, index.lineContentEnd(line));
    if (content.trim() === '' || /^[#;]/.test(content.trim())) continue;
    const header = /^\[([^\]]*)\]/.exec(content);
    if (header) {
      section = header[1].trim();
      continue;
    }
    const separator = /^([^=:\s][^=:]*?)\s*[=:]\s*/.exec(content);
    if (!separator || /^\s/.test(content)) continue;
    const valueStart = start + separator[0].length;
    let end = withoutInlineComment(text, valueStart, index.lineContentEnd(line));
    // Indented lines that follow continue the value.
    while (line + 1 < index.lineCount) {
      const next = text.slice(index.lineStart(line + 1), index.lineContentEnd(line + 1));
      if (!/^\s+\S/.test(next) || /^\s*[#;]/.test(next)) break;
      line++;
      end = withoutInlineComment(text, index.lineStart(line), index.lineContentEnd(line));
    }
    values.push({ section, key: separator[1].trim().toLowerCase(), start: valueStart, end });
  }
  return values;
}

/** The end of a line's value before a `;` or `#` comment that follows a blank, trailing blanks trimmed. */
function withoutInlineComment(text: string, start: number, end: number): number {
  let stop = end;
  for (let i = start; i < end; i++) {
    if ((text[i] === ';' || text[i] === '#') && i > start && /\s/.test(text[i - 1])) {
      stop = i;
      break;
    }
  }
  while (stop > start && /\s/.test(text[stop - 1])) stop--;
  return stop;
}

/**
 * Supervisor expands `%(name)s` in command lines: a literal `%` is written `%%`; and a blank before `;` or `#`
 * starts a comment even inside quotes, so shell words escape their blanks with backslashes.
 */
const supervisorEncoder: Encoder = withBackslashes((text) => text.replace(/%/g, '%%'));
const holdsInterpolation = (value: string) => /%\(/.test(value);

export function readSupervisord(path: string, text: string): LaunchFileReading {
  const index = new LineIndex(text);
  const values = iniValues(text, index);
  const launches: Launch[] = [];
  const programs = [...new Set(values.filter((value) => value.section.startsWith('program:')).map((value) => value.section))];
  for (const program of programs) {
    const entries = values.filter((value) => value.section === program);
    const last = (key: string) => entries.filter((entry) => entry.key === key).pop();
    const command = last('command');
    if (!command) continue;
    const directory = last('directory');
    const folder = directory ? text.slice(directory.start, directory.end) : undefined;
    const cwd = folder && folder.startsWith('/') && !holdsInterpolation(folder) ? resolvePath('/', folder) : undefined;
    const environment = last('environment');
    const env = environment ? environmentOf(text, index, environment) : [];
    const commands = commandsOfShellText({ text, index, encode: supervisorEncoder }, command.start, command.end, { dialect: 'shlex' }).map((argv) => ({
      ...argv,
      words: argv.words.map((word) => collapseDoubled({ ...word, opaque: word.opaque || holdsInterpolation(text.slice(word.start, word.end)) }, '%')),
    }));
    const context = { path, fileKind: 'supervisord' as const, label: program, env, ...(cwd ? { cwd } : {}) };
    launches.push(...serverCommands(commands, { text, index }).map((server) => launchOf(server, context)));
  }
  return { launches, imageRuns: [], notes: [] };
}

/** `KEY="value",KEY2=value2`: names, then a quoted or bare value up to the next comma. */
function environmentOf(text: string, index: LineIndex, entry: IniValue): LaunchVariable[] {
  const variables: LaunchVariable[] = [];
  let i = entry.start;
  while (i < entry.end) {
    while (i < entry.end && /[\s,]/.test(text[i])) i++;
    const nameStart = i;
    while (i < entry.end && text[i] !== '=' && text[i] !== ',') i++;
    const name = text.slice(nameStart, i).trim();
    if (text[i] !== '=' || !name) {
      i++;
      continue;
    }
    i++;
    const valueStart = i;
    let value = '';
    while (i < entry.end && text[i] !== ',') {
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        const stop = close < 0 || close > entry.end ? entry.end : close;
        value += text.slice(i + 1, stop);
        i = Math.min(stop + 1, entry.end);
      } else {
        value += text[i];
        i++;
      }
    }
    const valueEnd = i;
    variables.push({
      name,
      value: value.trim(),
      range: index.rangeOf(nameStart, valueEnd),
      valueRange: index.rangeOf(valueStart, valueEnd),
      opaque: holdsInterpolation(text.slice(valueStart, valueEnd)),
    });
  }
  return variables;
}
