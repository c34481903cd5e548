import { uwsgiOption } from '../../knowledge/uwsgi/options';
import { hasExpansion } from '../../model/uwsgiConfig';
import { splitInlineComment } from './inlineComment';
import { defineRule } from '../types';
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
  check: (document) =>
    document.uwsgi.options.flatMap(({ entry, local, opaque }) => {
      const facts = uwsgiOption(entry.key);
      if (!local || opaque || facts?.valueKind !== 'flag' || hasExpansion(entry.value)) return [];
      // `true  # note` is the inline-comment rule's business (and harmless when it reads as meant).
      const meant = splitInlineComment(entry.value)?.meant ?? entry.value;
      if (USUAL.has(meant.toLowerCase())) return [];
      return [
        {
          range: entry.valueRange,
          message: message('uwsgi/unusual-flag-value.found', { value: entry.value }),
          data: entry,
        },
      ];
    }),
  fixes: (_document, finding) =>
    ['true', 'false'].map((value) => ({
      title: message('fix.change-to', { from: quoted(finding.data.value), to: quoted(value) }),
      isPreferred: false,
      changes: [{ kind: 'replace' as const, range: finding.data.valueRange, newText: value }],
    })),
});
