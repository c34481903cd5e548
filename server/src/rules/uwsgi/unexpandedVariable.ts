import type { Range } from '../../text/lineIndex';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

/** `${NAME}`, or `${NAME:-default}` and the like, which only a shell or a template step would replace. */
const SHELL_VARIABLE = /\$\{([^}]*)\}/g;

/** An environment variable's name, which `$(NAME)` can read as well. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Occurrence {
  range: Range;
  name: string;
}

export const unexpandedVariableRule = defineRule({
  id: 'uwsgi/unexpanded-variable',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'information',
  docs: {
    summary: 'A `${VAR}` in a config that no template step renders: uWSGI keeps it as written.',
    details:
      'uWSGI reads `$(VAR)` as an environment variable; `${VAR}` is shell, envsubst or Compose syntax, which uWSGI ' +
      'does not expand in an ini file, so `processes = ${UWSGI_PROCESSES}` starts with 0 processes. Reported once per ' +
      'file, and not at all in a template (a name ending in `.j2`, `.tpl`, `.template`, `.in`..., or a file with ' +
      'Jinja syntax), whose placeholders are rendered before uWSGI reads it, nor in `route*` options, where ' +
      '`${VAR}` is a request variable of uWSGI\'s routing. The fix writes `$(VAR)` instead.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'processes = ${UWSGI_PROCESSES}'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'processes = $(UWSGI_PROCESSES)'],
    },
    fix: 'The quick fix writes `$(VAR)`, which uWSGI expands from its environment. Fix all leaves it alone, since a rendering step pydeploy cannot see may expand the file.',
    silence: 'When the file is rendered before uWSGI reads it (envsubst in an entry point): name it `uwsgi.ini.template` or `.in`, or silence the rule for the file.',
  },
  check: (document) => {
    if (document.uwsgi.isTemplate) return [];
    // A config file's own values are pieces of its text: one search of the text tells when none has a `${`. (A
    // launch's values are words after the shell's quoting, which may join pieces into one.)
    if (!document.uwsgi.launch && !document.text.includes('${')) return [];
    const found: Occurrence[] = [];
    for (const { entry, local } of document.uwsgi.options) {
      if (!local || !entry.value.includes('${') || entry.key.includes('route')) continue;
      for (const match of entry.value.matchAll(SHELL_VARIABLE)) {
        const start = entry.valueRange.start.character + (match.index ?? 0);
        found.push({ range: { start: { line: entry.line, character: start }, end: { line: entry.line, character: start + match[0].length } }, name: match[1] });
      }
    }
    if (found.length === 0) return [];
    const [first, ...others] = found;
    const own = PLAIN_NAME.test(first.name) ? `$(${first.name})` : '$(NAME)';
    return [
      {
        range: first.range,
        message: message('uwsgi/unexpanded-variable.found', {
          variable: `\${${first.name}}`,
          own,
          more: others.length > 0 ? message('uwsgi/unexpanded-variable.more', { count: others.length, pattern: '${...}' }) : message('uwsgi/unexpanded-variable.end'),
        }),
        data: found,
        related: others.map((other) => ({ range: other.range, message: message('uwsgi/unexpanded-variable.either', { variable: `\${${other.name}}` }) })),
      },
    ];
  },
  fixes: (_document, finding) => {
    const plain = finding.data.filter((occurrence) => PLAIN_NAME.test(occurrence.name));
    if (plain.length === 0) return [];
    return [
      {
        title:
          plain.length === 1
            ? message('uwsgi/unexpanded-variable.write-one', { own: `$(${plain[0].name})` })
            : message('uwsgi/unexpanded-variable.write-all', { pattern: '${VAR}', own: '$(VAR)' }),
        // Not for fix all: a file rendered by a step pydeploy cannot see (envsubst in an entry point) is right as it is.
        isPreferred: false,
        changes: plain.map((occurrence) => ({ kind: 'replace' as const, range: occurrence.range, newText: `$(${occurrence.name})` })),
      },
    ];
  },
});
