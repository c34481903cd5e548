import { allUwsgiOptions, uwsgiOption } from '../../knowledge/uwsgi/options';
import { didYouMean } from '../../knowledge/suggest';
import { defineRule } from '../types';
import { quoted } from '../quoted';

const OPTION_NAMES = allUwsgiOptions().map((facts) => facts.name);

const MAX_KEYS_WITH_SUGGESTIONS = 500;

/** Keywords uWSGI handles outside its option table. */
const KEYWORDS = new Set(['end']);

export const unknownOptionRule = defineRule({
  id: 'uwsgi/unknown-option',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A key that is no uWSGI option (usually a typo), or one only the unreleased 2.1 line has: uWSGI silently ignores it.',
    details:
      'uWSGI never rejects an unknown key (unless `strict` is on): it keeps it as a placeholder, so ' +
      '`enable-thread = true` or `proceses = 4` does nothing. Keys used as `%(name)` or declared with ' +
      '`set-placeholder`/`set-ph`/`declare-option` are placeholders on purpose and are not reported. The fixes ' +
      'replace the key with a close option name. Options that exist only in uWSGI 2.1 (its development line, which ' +
      'no release has; `cheaper-idle`, `reload-on-pss`, ...) are unknown to every 2.0.x release and reported too.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'proceses = 4'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'processes = 4'],
    },
    fix: 'The quick fixes replace the key with the option names closest to it; pick the one you meant.',
    silence: 'When the key is a placeholder read in a way pydeploy does not see, or an option of a uWSGI plugin pydeploy does not know.',
  },
  check: (document) => {
    const config = document.uwsgi;
    const intended = new Set([...config.referencedNames, ...config.declaredNames]);
    const strict = config.flag('strict').state === 'on';
    // Suggestions cost a scan of every option name: compute each key's once, and stop suggesting in files
    // made of thousands of unknown keys (generated or binary), where they would not help anyway.
    const suggestions = new Map<string, string[]>();
    const suggest = (key: string): string[] => {
      let candidates = suggestions.get(key);
      if (!candidates) {
        candidates = suggestions.size < MAX_KEYS_WITH_SUGGESTIONS ? didYouMean(key, OPTION_NAMES, '-') : [];
        suggestions.set(key, candidates);
      }
      return candidates;
    };
    return config.options
      .filter(({ entry, local, origin }) => local && origin === 'ini' && entry.key !== '' && !uwsgiOption(entry.key)?.inStable && !KEYWORDS.has(entry.key) && !intended.has(entry.key))
      .map(({ entry }) => {
        if (uwsgiOption(entry.key)) {
          const consequence = strict ? 'with `strict` on, 2.0.x refuses to start' : '2.0.x ignores it';
          return { range: entry.keyRange, message: `\`${entry.key}\` exists only in uWSGI 2.1, which no release has; ${consequence}.`, data: { entry, candidates: [] } };
        }
        const candidates = suggest(entry.key);
        const consequence = strict ? 'with `strict` on, uWSGI refuses to start' : 'uWSGI silently keeps it as a placeholder, so it has no effect';
        const hint = candidates.length > 0 ? ` Did you mean ${candidates.map((name) => `\`${name}\``).join(', ')}?` : '';
        return { range: entry.keyRange, message: `\`${entry.key}\` is not a uWSGI option: ${consequence}.${hint}`, data: { entry, candidates } };
      });
  },
  fixes: (_document, finding) =>
    finding.data.candidates.map((candidate) => ({
      title: `Change ${quoted(finding.data.entry.key)} to ${quoted(candidate)}`,
      // Only an unambiguous correction is applied by "fix all".
      isPreferred: finding.data.candidates.length === 1,
      changes: [{ kind: 'replace' as const, range: finding.data.entry.keyRange, newText: candidate }],
    })),
});

