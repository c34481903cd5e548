import { allUwsgiOptions, uwsgiOption } from '../../knowledge/uwsgi/options';
import { didYouMean } from '../../knowledge/suggest';
import type { IniEntry } from '../../parse/uwsgiIni';
import type { Range } from '../../text/lineIndex';
import { Finding, defineRule } from '../types';
import { quoted } from '../quoted';
import { uwsgiOptionSince } from '../../knowledge/uwsgi/optionVersions';
import { allowsOnlyBelow, describePin } from '../../model/projectVersion';
import { message } from '../../l10n/message';

interface UnknownKey {
  entry: IniEntry;
  candidates: string[];
  /** `static-map /static`: the blank between the option and its value, where the missing `=` goes. */
  equalsAt?: Range;
}

const OPTION_NAMES = allUwsgiOptions().map((facts) => facts.name);

const MAX_KEYS_WITH_SUGGESTIONS = 500;

/** Keywords uWSGI handles outside its option table. */
const KEYWORDS = new Set(['end']);

export const unknownOptionRule = defineRule({
  id: 'uwsgi/unknown-option',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A key that is no uWSGI option (usually a typo), or one the pinned uWSGI (or every 2.0.x) lacks: uWSGI silently ignores it.',
    details:
      'uWSGI never rejects an unknown key (unless `strict` is on): it keeps it as a placeholder, so ' +
      '`enable-thread = true` or `proceses = 4` does nothing. Keys used as `%(name)` or declared with ' +
      '`set-placeholder`/`set-ph`/`declare-option` are placeholders on purpose and are not reported; when an included ' +
      'file cannot be read, only keys close to an option name are (the unread file may use the others). The fixes ' +
      'replace the key with a close option name. Options that exist only in uWSGI 2.1 (its development line, which ' +
      'no release has; `cheaper-idle`, `reload-on-pss`, ...) are unknown to every 2.0.x release and reported too, and ' +
      'so are options newer than the uWSGI the project pins (`py-call-uwsgi-fork-hooks` before 2.0.21, ' +
      '`harakiri-graceful-timeout` before 2.0.22, ...). The release that first has an option is read from uWSGI\'s own ' +
      'option tables, tag by tag from 2.0.15 to 2.0.30; Debian\'s uWSGI 2.0.21 shows what an option missing from the ' +
      'running release does: kept as a placeholder in a config file, refused on the command line.',
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
    const pinned = document.uwsgiVersion;
    // An option added in a later 2.0.x release than every version the project pins allows.
    const tooNew = (key: string) => {
      // Without an upper bound no option is too new: the option's release is not even looked up.
      if (pinned?.below === undefined) return undefined;
      const since = uwsgiOptionSince(key);
      return since && allowsOnlyBelow(pinned, since.version) ? since : undefined;
    };
    const findingFor = (entry: IniEntry): Finding<UnknownKey> | undefined => {
      const since = tooNew(entry.key);
      if (since && pinned) {
        const said = message(strict ? 'uwsgi/unknown-option.too-new-strict' : 'uwsgi/unknown-option.too-new', { pin: describePin('uWSGI', pinned), key: entry.key, since: since.text });
        return { range: entry.keyRange, message: said, data: { entry, candidates: [] } };
      }
      if (uwsgiOption(entry.key)) {
        const said = message(strict ? 'uwsgi/unknown-option.only-2.1-strict' : 'uwsgi/unknown-option.only-2.1', { key: entry.key });
        return { range: entry.keyRange, message: said, data: { entry, candidates: [] } };
      }
      // `static-map /static`: without `=`, uWSGI reads the whole line as one name (2.0.21 with `strict`: "unknown
      // config directive: static-map /static") and ignores it.
      const spaced = entry.hasEquals ? undefined : /^(\S+)([ \t]+)\S/.exec(entry.key);
      if (spaced && uwsgiOption(spaced[1])) {
        const option = spaced[1];
        const at = { line: entry.line, character: entry.keyRange.start.character + option.length };
        return {
          range: entry.keyRange,
          message: message(strict ? 'uwsgi/unknown-option.no-equals-strict' : 'uwsgi/unknown-option.no-equals', {
            key: entry.key,
            fixed: `${option} = ${entry.key.slice(option.length + spaced[2].length)}`,
          }),
          data: { entry, candidates: [], equalsAt: { start: at, end: { ...at, character: at.character + spaced[2].length } } },
        };
      }
      const candidates = suggest(entry.key);
      // A file pydeploy cannot read (an include not found, a template's inserted lines) may read a name that is
      // no option as `%(name)`: only a near miss of an option is then surely a mistake.
      if (candidates.length === 0 && config.isIncomplete && !strict) return undefined;
      const hint = candidates.length > 0 ? message('did-you-mean', { candidates: candidates.map((name) => `\`${name}\``) }) : '';
      const said = message(strict ? 'uwsgi/unknown-option.unknown-strict' : 'uwsgi/unknown-option.unknown', { key: entry.key, hint });
      return { range: entry.keyRange, message: said, data: { entry, candidates } };
    };
    const findings: Finding<UnknownKey>[] = [];
    const { options } = config;
    const allFacts = config.optionFacts;
    for (let at = 0; at < options.length; at++) {
      const { entry, local, origin } = options[at];
      if ((allFacts[at]?.inStable && !tooNew(entry.key)) || !local || origin !== 'ini' || entry.key === '' || KEYWORDS.has(entry.key) || intended.has(entry.key)) continue;
      const finding = findingFor(entry);
      if (finding) findings.push(finding);
    }
    return findings;
  },
  fixes: (_document, finding) => {
    const { entry, candidates, equalsAt } = finding.data;
    if (equalsAt) return [{ title: message('uwsgi/unknown-option.add-equals'), isPreferred: true, changes: [{ kind: 'replace' as const, range: equalsAt, newText: ' = ' }] }];
    return candidates.map((candidate) => ({
      title: message('fix.change-to', { from: quoted(entry.key), to: quoted(candidate) }),
      // Only an unambiguous correction is applied by "fix all".
      isPreferred: candidates.length === 1,
      changes: [{ kind: 'replace' as const, range: entry.keyRange, newText: candidate }],
    }));
  },
});
