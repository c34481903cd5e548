import { allUwsgiOptions, uwsgiOption } from '../../knowledge/uwsgi/options';
import { didYouMean } from '../../knowledge/suggest';
import { defineRule } from '../types';

const OPTION_NAMES = allUwsgiOptions().map((facts) => facts.name);

/** Keywords uWSGI handles outside its option table. */
const KEYWORDS = new Set(['end']);

export const unknownOptionRule = defineRule({
  id: 'uwsgi/unknown-option',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A key that is no uWSGI option, usually a typo that uWSGI silently ignores.',
    details:
      'uWSGI never rejects an unknown key (unless `strict` is on): it keeps it as a placeholder, so ' +
      '`enable-thread = true` or `proceses = 4` does nothing. Keys used as `%(name)` or declared with ' +
      '`set-placeholder`/`set-ph`/`declare-option` are placeholders on purpose and are not reported. The fixes ' +
      'replace the key with a close option name.',
  },
  check: (document) => {
    const config = document.uwsgi;
    const intended = new Set([...config.referencedNames, ...config.declaredNames]);
    const strict = config.flag('strict').state === 'on';
    return config.options
      .filter(({ entry, local }) => local && entry.key !== '' && !uwsgiOption(entry.key) && !KEYWORDS.has(entry.key) && !intended.has(entry.key))
      .map(({ entry }) => {
        const candidates = didYouMean(entry.key, OPTION_NAMES, '-');
        const consequence = strict ? 'with `strict` on, uWSGI refuses to start' : 'uWSGI silently keeps it as a placeholder, so it has no effect';
        const hint = candidates.length > 0 ? ` Did you mean ${candidates.map((name) => `\`${name}\``).join(', ')}?` : '';
        return { range: entry.keyRange, message: `\`${entry.key}\` is not a uWSGI option: ${consequence}.${hint}`, data: { entry, candidates } };
      });
  },
  fixes: (_document, finding) =>
    finding.data.candidates.map((candidate) => ({
      title: `Change \`${finding.data.entry.key}\` to \`${candidate}\``,
      // Only an unambiguous correction is applied by "fix all".
      isPreferred: finding.data.candidates.length === 1,
      changes: [{ kind: 'replace' as const, range: finding.data.entry.keyRange, newText: candidate }],
    })),
});

