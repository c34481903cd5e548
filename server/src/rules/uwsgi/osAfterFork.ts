import { LineIndex, Range } from '../../text/lineIndex';
import { UwsgiOption, readFlag } from '../../model/uwsgiConfig';
import { describePython, projectPythonVersion } from '../../model/pythonVersion';
import { allowsOnlyBelow } from '../../model/projectVersion';
import { compareVersion } from '../../parse/requirements';
import { uwsgiOptionSince } from '../../knowledge/uwsgi/optionVersions';
import type { Change } from '../change';
import { Finding, defineRule } from '../types';
import { quoted } from '../quoted';
import { message } from '../../l10n/message';

/** Python 3.13 changed the interpreter's fork bookkeeping: uWSGI's `py-call-osafterfork` aborts its workers from there on. */
const BREAKS_FROM = [3, 13];
const OPTION = 'py-call-osafterfork';
const REPLACEMENT = 'py-call-uwsgi-fork-hooks';

interface OsAfterForkData {
  option: UwsgiOption;
  /** The option's name as written, where, and the new name written the same way. */
  rename?: { written: string; replacement: string; range: Range };
  /** `py-call-uwsgi-fork-hooks` is already on: the line is to go rather than be renamed. */
  hooksOn: boolean;
  /** The pinned uWSGI has no `py-call-uwsgi-fork-hooks`: there is nothing to rename to. */
  hooksMissing: boolean;
}

/** An option's `UWSGI_*` environment variable. */
function variableOf(option: string): string {
  return `UWSGI_${option.toUpperCase().replaceAll('-', '_')}`;
}

/**
 * The new name written as the old one is (an ini key, a command-line option, a `UWSGI_*` variable, whose range holds
 * its value too: `=1` in a shell or Dockerfile, `: "1"` in YAML), and the part of `range` that holds the name.
 */
function renamed(written: string, range: Range): { written: string; replacement: string; range: Range } | undefined {
  if (written === OPTION || written === `--${OPTION}`) return { written, replacement: written.replace(OPTION, REPLACEMENT), range };
  const variable = variableOf(OPTION);
  if (written.startsWith(variable) && !/^\w/.test(written.slice(variable.length))) {
    return { written: variable, replacement: variableOf(REPLACEMENT), range: { start: range.start, end: { line: range.start.line, character: range.start.character + variable.length } } };
  }
  return undefined;
}

export const osAfterForkRule = defineRule({
  id: 'uwsgi/py-call-osafterfork',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  docs: {
    summary: '`py-call-osafterfork` on Python 3.13 or later: uWSGI\'s workers abort as they start.',
    details:
      'On Python 3.13 and later, a uWSGI worker started with `py-call-osafterfork` dies with "Fatal Python error: ' +
      'PyMutex_Unlock: unlocking mutex that is not locked" (signal 6), as uWSGI issue #2710 and its duplicates show, ' +
      'and no released uWSGI changes it. `py-call-uwsgi-fork-hooks` (uWSGI 2.0.21 and later) does the same work ' +
      'and more: it runs the interpreter\'s before- and after-fork steps, so the `os.register_at_fork` hooks of the ' +
      'app and its agents run too. The Python version is read from the project: the image the launch\'s Dockerfile ' +
      'is built on (`FROM python:3.13-slim`), else the workspace\'s Dockerfiles (the lowest Python among them), else ' +
      '`.python-version`, `runtime.txt` (`python-3.13.1`) or a `requires-python` in pyproject.toml that allows no ' +
      'version below 3.13. The message names the source. Nothing is reported when the project does not say.',
    example: {
      file: 'Dockerfile',
      wrong: ['FROM python:3.13-slim', 'CMD ["uwsgi", "--module", "myapp.wsgi", "--master", "--py-call-osafterfork"]'],
      right: ['FROM python:3.13-slim', 'CMD ["uwsgi", "--module", "myapp.wsgi", "--master", "--py-call-uwsgi-fork-hooks"]'],
    },
    fix:
      'The quick fix renames the option to `py-call-uwsgi-fork-hooks`, keeping its value (on the command line and in a ' +
      '`UWSGI_*` variable too), or removes the line when `py-call-uwsgi-fork-hooks` is already on. None is offered when ' +
      'the pinned uWSGI is older than 2.0.21, which has no `py-call-uwsgi-fork-hooks`.',
    silence: 'When the deployment runs an older Python than the file pydeploy read the version from says.',
  },
  check: (document): Finding<OsAfterForkData>[] => {
    const config = document.uwsgi;
    if (config.flag(OPTION).state !== 'on') return [];
    // Every line of this file that turns it on: each must go for the workers to start.
    const here = config.all(OPTION).filter((option) => option.local && !option.opaque && readFlag(option.entry.value) === 'on');
    if (here.length === 0) return [];
    const python = projectPythonVersion(document.workspace, document, config.launch?.commandLine.launch);
    if (!python || compareVersion(python.lowest, BREAKS_FROM) < 0) return [];
    const since = uwsgiOptionSince(REPLACEMENT);
    const hooksMissing = since !== undefined && allowsOnlyBelow(document.uwsgiVersion, since.version);
    const hooksOn = config.flag(REPLACEMENT).state === 'on';
    const index = new LineIndex(document.text);
    const related = [{ range: python.range, message: message('uwsgi/py-call-osafterfork.python-version', { description: python.description }), ...(python.path !== document.path ? { path: python.path } : {}) }];
    return here.map((option) => {
      const { keyRange } = option.entry;
      const written = keyRange.start.line === keyRange.end.line ? index.lineText(keyRange.start.line).slice(keyRange.start.character, keyRange.end.character) : '';
      const rename = renamed(written, keyRange);
      return {
        range: keyRange,
        message: message('uwsgi/py-call-osafterfork.found', { option: OPTION, python: describePython(python), replacement: REPLACEMENT }),
        data: { option, ...(rename ? { rename } : {}), hooksOn, hooksMissing },
        related,
      };
    });
  },
  fixes: (_document, finding) => {
    const { option, rename, hooksOn, hooksMissing } = finding.data;
    if (hooksMissing) return [];
    if (hooksOn) {
      if (option.origin !== 'ini' || option.viaSet) return [];
      const change: Change = { kind: 'delete-line', line: option.entry.line };
      return [{ title: message('uwsgi/py-call-osafterfork.fix-remove', { option: quoted(OPTION), replacement: quoted(REPLACEMENT) }), isPreferred: true, changes: [change] }];
    }
    if (!rename) return [];
    return [{ title: message('fix.change-to', { from: quoted(rename.written), to: quoted(rename.replacement) }), isPreferred: true, changes: [{ kind: 'replace', range: rename.range, newText: rename.replacement }] }];
  },
});
