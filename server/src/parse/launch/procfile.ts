import { LineIndex } from '../../text/lineIndex';
import { commandsOfShellText, launchOf, serverCommands, verbatim } from './command';
import type { LaunchFileReading } from './types';
import { dirname } from '../../text/paths';

/**
 * A Procfile (Heroku, Dokku, foreman, honcho): one `type: command` per line, each command run by a shell in the
 * app's root folder (the Procfile's own).
 */
export function readProcfile(path: string, text: string): LaunchFileReading {
  const index = new LineIndex(text);
  const source = { text, index, encode: verbatim };
  const launches = [];
  for (let line = 0; line < index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = index.lineContentEnd(line);
    const match = /^\s*([A-Za-z0-9_-]+)[ \t]*:/.exec(text.slice(start, end));
    if (!match) continue;
    const commands = commandsOfShellText(source, start + match[0].length, end);
    for (const server of serverCommands(commands, source)) {
      launches.push(launchOf(server, { path, fileKind: 'procfile', label: match[1], env: [], cwd: dirname(path) }));
    }
  }
  return { launches, imageRuns: [], notes: [] };
}
