import { DEFAULT_SECTION, judgeNewRelicValue, newRelicOption } from '../../knowledge/newrelic/options';
import type { IniEntry } from '../../parse/uwsgiIni';
import { defineRule } from '../types';
import { quoted } from '../quoted';
import { code } from './common';
import { message } from '../../l10n/message';

interface Data {
  entry: IniEntry;
  /** Values a fix may write, the likely one first. */
  values: string[];
}

export const invalidValueRule = defineRule<'newrelic-ini', Data>({
  id: 'newrelic/invalid-value',
  fileKind: 'newrelic-ini',
  defaultSeverity: 'error',
  docs: {
    summary: 'A value the New Relic agent cannot read: it logs an error and keeps the default, or ignores the value.',
    details:
      'Each option is read with a typed getter of Python’s config reader and, for some, a conversion of the agent: ' +
      'booleans are `true`/`false`, `on`/`off`, `yes`/`no` or `1`/`0` in any case; numbers are Python numbers; ' +
      '`log_level` is a level name in any case; `transaction_tracer.record_sql` is `off`, `raw` or `obfuscated` in lower ' +
      'case; status code lists are codes and ranges. A value that fails makes the agent log a configuration error and ' +
      'keep the default (with `NEW_RELIC_IGNORE_STARTUP_ERRORS=false` it does not start). A few options (`labels`, ' +
      'sampler ratios, `cloud.aws.account_id`) drop an unusable value with at most a warning. A `;` or `#` after a value ' +
      'is part of it: the reader has comment lines only.',
    example: {
      file: 'newrelic.ini',
      wrong: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', 'transaction_tracer.record_sql = Obfuscated', 'monitor_mode = enabled'],
      right: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', 'transaction_tracer.record_sql = obfuscated', 'monitor_mode = true'],
    },
    fix: 'When the value evidently means one the agent reads (`enabled` → `true`, `Raw` → `raw`), the quick fix writes that value.',
    silence: 'Rarely: the agent does not use such a value.',
  },
  check: (document) =>
    document.newrelic.sections
      .filter((section) => section.name === DEFAULT_SECTION || document.newrelic.settingsSections.includes(section))
      .flatMap((section) =>
        section.entries.flatMap((entry) => {
          const option = entry.hasEquals ? newRelicOption(entry.key) : undefined;
          const verdict = option && judgeNewRelicValue(option, entry.value);
          if (!option || !verdict) return [];
          const empty = entry.value === '';
          const consequence = message(verdict.outcome === 'refused' ? 'newrelic/invalid-value.refused' : 'newrelic/invalid-value.ignored');
          const commented = /\s[;#]/.test(entry.value) ? message('newrelic/invalid-value.commented') : '';
          return [{
            range: empty ? entry.keyRange : entry.valueRange,
            message: empty
              ? message('newrelic/invalid-value.empty', { key: entry.key, name: option.name, expected: verdict.expected, consequence })
              : message('newrelic/invalid-value.wrong', { value: code(entry.value), expected: verdict.expected, commented, consequence }),
            data: { entry, values: verdict.suggestions },
          }];
        }),
      ),
  fixes: (_document, finding) => {
    const { entry, values } = finding.data;
    if (entry.valueRange.end.line !== entry.valueRange.start.line) return [];
    return values.map((value) => ({
      title: message('agent-config.set-value', { key: quoted(entry.key), value: quoted(value) }),
      isPreferred: values.length === 1,
      changes: [{ kind: 'replace' as const, range: entry.valueRange, newText: value }],
    }));
  },
});
