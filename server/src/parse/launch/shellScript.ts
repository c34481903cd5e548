import { LineIndex } from '../../text/lineIndex';
import { commandsOfShellText, launchOf, serverCommands, verbatim } from './command';
import type { LaunchFileReading } from './types';

/**
 * A shell script (`entrypoint.sh`, `start.sh`, an extensionless script with a sh/bash shebang): each command
 * that starts uWSGI or Gunicorn, with the variables exported before it and the folder a `cd` before it moved to.
 * Read top to bottom as one path through the script (branches are not told apart); here-documents are skipped.
 */
export function readShellScript(path: string, text: string): LaunchFileReading {
  const index = new LineIndex(text);
  const source = { text, index, encode: verbatim };
  const launches = serverCommands(commandsOfShellText(source, 0, text.length), source).map((server) =>
    launchOf(server, { path, fileKind: 'shell', label: `line ${server.range.start.line + 1}`, env: [] }),
  );
  return { launches, imageRuns: [], notes: [] };
}

/** A first line naming sh or bash (`#!/bin/sh`, `#!/usr/bin/env bash`, `#!/bin/bash -e`). */
export function hasShellShebang(text: string): boolean {
  return /^(\uFEFF)?#!\s*\S*?\/(env\s+)?(sh|bash|dash|ash)(\s|$)/.test(text.slice(0, 200));
}
