import { DEFAULT_SECTION, newRelicOption } from '../../knowledge/newrelic/options';
import type { IniEntry } from '../../parse/uwsgiIni';
import { defineRule } from '../types';
import { code } from './common';
import { message } from '../../l10n/message';

/** `%(name)s`, ConfigParser's interpolation, which the agent's RawConfigParser does not do. */
const PLACEHOLDER = /%\(([^)\n]*)\)[#0+ -]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]/;

export const literalPlaceholderRule = defineRule<'newrelic-ini', IniEntry>({
  id: 'newrelic/literal-placeholder',
  fileKind: 'newrelic-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A `%(name)s` placeholder in a value: the agent reads the file without interpolation and takes it as written.',
    details:
      "Python's `ConfigParser` replaces `%(name)s` with another option's value, but the New Relic agent reads " +
      '`newrelic.ini` with `RawConfigParser`, which does not: `license_key = %(NEW_RELIC_LICENSE_KEY)s` sends that very ' +
      'text as the key, and no environment variable is read through it. To take a value from the environment, leave ' +
      'the option out and set its `NEW_RELIC_...` variable (`NEW_RELIC_LICENSE_KEY`, `NEW_RELIC_APP_NAME`, ...). ' +
      '`console.listener_socket` is the exception: the agent fills in `%(pid)s` there itself.',
    example: {
      file: 'newrelic.ini',
      wrong: ['[newrelic]', 'license_key = %(NEW_RELIC_LICENSE_KEY)s', 'app_name = shop'],
      right: ['[newrelic]', 'app_name = shop'],
    },
    fix: 'No quick fix: remove the line and set the matching `NEW_RELIC_...` variable where the app runs, or write the value itself.',
    silence: 'When a tool of your own renders the file (and its placeholders) before the agent reads it.',
  },
  check: (document) =>
    document.newrelic.sections
      .filter((section) => section.name === DEFAULT_SECTION || document.newrelic.settingsSections.includes(section))
      .flatMap((section) =>
        section.entries.flatMap((entry) => {
          const match = entry.hasEquals && newRelicOption(entry.key)?.mapper !== '_map_console_listener_socket' ? PLACEHOLDER.exec(entry.value) : null;
          if (!match) return [];
          return [{
            range: entry.valueRange,
            message: message('newrelic/literal-placeholder.found', { key: entry.key, value: code(match[0]), name: match[1] }),
            data: entry,
          }];
        }),
      ),
  fixes: () => [],
});
