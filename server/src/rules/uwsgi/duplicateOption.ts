import { allUwsgiOptions, uwsgiOption } from '../../knowledge/uwsgi/options';
import type { UwsgiOption } from '../../model/uwsgiConfig';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

/** Setters that store one value, so that a later line replaces an earlier one. */
const STORING_SETTERS = new Set([
  'uwsgi_opt_set_str',
  'uwsgi_opt_set_int',
  'uwsgi_opt_set_64bit',
  'uwsgi_opt_set_16bit',
  'uwsgi_opt_set_rawint',
  'uwsgi_opt_set_megabytes',
  'uwsgi_opt_true',
  'uwsgi_opt_false',
]);

/**
 * Options where only the last line counts. Other setters act on every line (`print` prints, `route` adds a
 * route), and IMMEDIATE options run while the file is read, so each of their lines counts.
 */
export function isSingleValued(key: string): boolean {
  return SINGLE_VALUED.has(key);
}

/** The names of those options (with the facts of the stable releases), found once: the rules ask of every line. */
const SINGLE_VALUED: ReadonlySet<string> = new Set(
  allUwsgiOptions()
    .map(({ name }) => name)
    .filter((name) => {
      const facts = uwsgiOption(name);
      return facts !== undefined && STORING_SETTERS.has(facts.setter) && !facts.repeatable && !facts.flags.includes('IMMEDIATE');
    }),
);

export const duplicateOptionRule = defineRule({
  id: 'uwsgi/duplicate-option',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A single-valued option set more than once: only the last line counts.',
    details:
      'For options that hold one value, uWSGI keeps the last line and drops the others without a word. Options that ' +
      'may repeat (`env`, `socket`, `route`, `static-map`, `import`, `mount`, ...) are not reported, nor lines inside ' +
      '`if-*`/`for` blocks. The fix removes the line that has no effect.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'processes = 4', 'processes = 8'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'processes = 8'],
    },
    fix: 'The quick fix removes the line that has no effect; or keep that line and remove the later one, if it holds the value you meant.',
    silence: 'When an override is intended, for example a later line that deliberately replaces a default written above it.',
  },
  check: (document) => {
    const byKey = new Map<string, UwsgiOption[]>();
    const { options } = document.uwsgi;
    const allFacts = document.uwsgi.optionFacts;
    for (let at = 0; at < options.length; at++) {
      const facts = allFacts[at];
      const option = options[at];
      if (!facts || !isSingleValued(facts.name) || option.conditional) continue;
      // A command line or environment overriding a config file is uwsgi/overridden-option's finding. An option's
      // name (the line's key, read from the facts) has no blank, so it alone is the group of a config file's lines.
      const group = option.origin === 'ini' ? facts.name : `${facts.name} ${option.origin}`;
      const sameGroup = byKey.get(group);
      if (sameGroup) sameGroup.push(option);
      else byKey.set(group, [option]);
    }
    const findings = [];
    for (const options of byKey.values()) {
      const key = options[0].entry.key;
      const winner = options[options.length - 1];
      for (const overridden of options.slice(0, -1)) {
        if (!overridden.local) continue;
        const where = winner.local ? message('uwsgi/duplicate-option.line', { line: winner.entry.line + 1 }) : winner.source.path;
        findings.push({
          range: overridden.entry.keyRange,
          message: message('uwsgi/duplicate-option.found', { key, where }),
          data: overridden,
          related: winner.local ? [{ range: winner.entry.keyRange, message: message('uwsgi/duplicate-option.winner', { key }) }] : undefined,
        });
      }
    }
    return findings;
  },
  fixes: (_document, finding) =>
    finding.data.origin === 'ini' ? [{ title: message('fix.remove-line'), isPreferred: false, changes: [{ kind: 'delete-line' as const, line: finding.data.entry.line }] }] : [],
});
