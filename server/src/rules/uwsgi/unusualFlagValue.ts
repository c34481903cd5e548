import { hasExpansion } from '../../model/uwsgiConfig';
import { splitInlineComment } from './inlineComment';
import { Finding, defineRule } from '../types';
import type { IniEntry } from '../../parse/uwsgiIni';
import { quoted } from '../quoted';
import { message } from '../../l10n/message';

/** Spellings people use on purpose; uWSGI reads only the second row as off. */
const USUAL = new Set(['', 'true', 'yes', 'on', '1', 'false', 'no', 'off', '0']);

export const unusualFlagValueRule = defineRule({
  id: 'uwsgi/unusual-flag-value',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'hint',
  docs: {
    summary: 'A flag value that is neither a usual true nor a usual false spelling.',
    details:
      'A flag is off only for `false`, `off`, `no` or `0`; anything else, `ture` and `disabled` included, turns it on. ' +
      'The fixes write `true` or `false` instead.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = disabled'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'master = false'],
    },
    fix: 'The quick fixes write `true` or `false` in place of the value; choose the one you meant, since uWSGI reads the old value as true.',
    silence: 'When the value is on purpose and everyone reading the file knows that it means on.',
  },
  check: (document) => {
    const findings: Finding<IniEntry>[] = [];
    const { options } = document.uwsgi;
    const allFacts = document.uwsgi.optionFacts;
    for (let at = 0; at < options.length; at++) {
      if (allFacts[at]?.valueKind !== 'flag') continue;
      const { entry, local, opaque } = options[at];
      // A usual spelling as written (`true`, `false`...) is most flags' value, and needs nothing else asked of it.
      if (!local || opaque || USUAL.has(entry.value) || hasExpansion(entry.value)) continue;
      // `true  # note` is the inline-comment rule's business (and harmless when it reads as meant).
      const meant = splitInlineComment(entry.value)?.meant ?? entry.value;
      if (USUAL.has(meant.toLowerCase())) continue;
      findings.push({ range: entry.valueRange, message: message('uwsgi/unusual-flag-value.found', { value: entry.value }), data: entry });
    }
    return findings;
  },
  fixes: (_document, finding) =>
    ['true', 'false'].map((value) => ({
      title: message('fix.change-to', { from: quoted(finding.data.value), to: quoted(value) }),
      isPreferred: false,
      changes: [{ kind: 'replace' as const, range: finding.data.valueRange, newText: value }],
    })),
});
