import type { UwsgiOptionFacts } from '../../knowledge/uwsgi/options';
import { hasExpansion, readsAsNumber } from '../../model/uwsgiConfig';
import type { IniEntry } from '../../parse/uwsgiIni';
import { Finding, defineRule } from '../types';
import { Message, message } from '../../l10n/message';

/** Setters that read a whole number with C's atoi/strtoul: leading digits count, the rest is dropped. */
const NUMBER_SETTERS = new Set(['uwsgi_opt_set_int', 'uwsgi_opt_set_64bit', 'uwsgi_opt_set_16bit', 'uwsgi_opt_set_rawint', 'uwsgi_opt_set_megabytes']);

/** What uWSGI does with a value it cannot take, or undefined when the value is fine. */
function problemWith(facts: UwsgiOptionFacts, entry: IniEntry): Message | undefined {
  const { key, value } = entry;
  if (facts.name === 'chmod-socket') {
    return value === '' || /^[0-7]{3}$/.test(value) ? undefined : message('uwsgi/invalid-value.chmod-socket', { value });
  }
  // uWSGI 2.0.21 exits on `static-map = /static`: "invalid document root in static map, syntax mountpoint=docroot".
  if ((facts.name === 'static-map' || facts.name === 'static-map2') && value !== '' && !value.includes('=')) {
    return message('uwsgi/invalid-value.static-map', { key, value });
  }
  if (!NUMBER_SETTERS.has(facts.setter)) {
    if (value === '' && facts.argument === 'required' && facts.valueKind !== 'flag' && facts.valueKind !== 'other') return message('uwsgi/invalid-value.needs-value', { key });
    return undefined;
  }
  if (value === '') return facts.setter === 'uwsgi_opt_set_megabytes' ? message('uwsgi/invalid-value.needs-megabytes', { key }) : undefined;
  // `30  # seconds`: atoi stops at the space and reads the number meant, so the comment does no harm here.
  if (!/^[+-]?\d+$/.test(value) && !/^[+-]?\d+\s+[#;]/.test(value)) {
    return message(facts.setter === 'uwsgi_opt_set_megabytes' ? 'uwsgi/invalid-value.not-megabytes' : 'uwsgi/invalid-value.not-number', { key, value, read: readsAsNumber(value) });
  }
  if (Number(value) < 0) {
    return facts.setter === 'uwsgi_opt_set_int'
      ? message('uwsgi/invalid-value.negative-exits', { key })
      : message('uwsgi/invalid-value.negative-wraps', { key, value });
  }
  if (facts.setter === 'uwsgi_opt_set_16bit' && Number(value) > 65535) return message('uwsgi/invalid-value.too-big-16bit', { key, value });
  return undefined;
}

export const invalidValueRule = defineRule({
  id: 'uwsgi/invalid-value',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  docs: {
    summary: 'A value the option cannot take.',
    details:
      'uWSGI reads numbers with C\'s atoi, so `processes = abc` silently becomes 0 (a server with no workers) and ' +
      '`harakiri = 30s` becomes 30. Sizes such as `limit-as` are whole megabytes, `chmod-socket` takes three octal ' +
      'digits, and most options need a value. Values with `$(ENV)`, `@(file)`, `%(placeholder)` or a magic ' +
      'variable are not judged, since they are only known at start-up.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'harakiri = 30s'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'harakiri = 30'],
    },
    fix: 'No quick fix: write the value the option takes (a plain number, whole megabytes, three octal digits, ...). The hover on the option says what it expects.',
    silence: 'Rarely: when a value is only valid through a plugin or a uWSGI build pydeploy does not model.',
  },
  check: (document) => {
    const findings: Finding<IniEntry>[] = [];
    const { options } = document.uwsgi;
    const allFacts = document.uwsgi.optionFacts;
    for (let at = 0; at < options.length; at++) {
      const facts = allFacts[at];
      const { entry, local, opaque, origin } = options[at];
      // A flag on the command line takes no value (`--master`), which is not a missing one.
      if (!facts || !local || opaque || (origin === 'cli' && facts.argument !== 'required')) continue;
      // Values with an expansion are not judged; asked only of the few values that would be reported.
      const message = problemWith(facts, entry);
      if (message && !hasExpansion(entry.value)) findings.push({ range: entry.value === '' ? entry.keyRange : entry.valueRange, message, data: entry });
    }
    return findings;
  },
  fixes: () => [],
});
