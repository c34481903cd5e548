import type { IniEntry } from '../../parse/uwsgiIni';
import { DEFAULT_SECTION } from '../../knowledge/newrelic/options';
import { defineRule } from '../types';
import { code } from './common';
import { message } from '../../l10n/message';

interface Data {
  /** The repeated line, removed by the fix when it says the same as the first. */
  entry?: IniEntry;
  same: boolean;
}

export const duplicateOptionRule = defineRule<'newrelic-ini', Data>({
  id: 'newrelic/duplicate-option',
  fileKind: 'newrelic-ini',
  defaultSeverity: 'error',
  docs: {
    summary: 'A key repeated in a section, or a section repeated: Python’s config reader refuses the file.',
    details:
      "The agent reads `newrelic.ini` with Python's `RawConfigParser` in its default strict mode, which stops at the " +
      'second `app_name` of a section (keys compared case-insensitively) or the second `[newrelic]` header: ' +
      '`newrelic.agent.initialize()` raises, and the agent does not start. `[DEFAULT]` may be written twice, but a key ' +
      'repeated across its parts is refused too. Keep one of the lines; the fix removes a repeated line that says the ' +
      'same as the first.',
    example: {
      file: 'newrelic.ini',
      wrong: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', 'log_level = info', 'log_level = debug'],
      right: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', 'log_level = debug'],
    },
    fix: 'Keep one of the lines. When both say the same, the quick fix removes the repeated one.',
    silence: 'Not advisable: the agent does not start with such a file.',
  },
  check: (document) => {
    const findings = [];
    const firstHeader = new Map<string, number>();
    const keysOf = new Map<string, Map<string, IniEntry>>();
    for (const section of document.newrelic.sections) {
      const header = section.header!;
      const first = firstHeader.get(section.name);
      if (first !== undefined && section.name !== DEFAULT_SECTION) {
        findings.push({
          range: header.range,
          message: message('newrelic/duplicate-option.section', { section: section.name, line: first + 1 }),
          data: { same: false },
        });
        continue;
      }
      if (first === undefined) firstHeader.set(section.name, header.line);
      const seen = keysOf.get(section.name) ?? new Map<string, IniEntry>();
      keysOf.set(section.name, seen);
      for (const entry of section.entries) {
        if (!entry.hasEquals || entry.key === '') continue;
        const key = entry.key.toLowerCase();
        const earlier = seen.get(key);
        if (!earlier) {
          seen.set(key, entry);
          continue;
        }
        findings.push({
          range: entry.keyRange,
          message: message('newrelic/duplicate-option.key', { key: code(entry.key), section: section.name, line: earlier.line + 1 }),
          data: { entry, same: earlier.value === entry.value },
        });
      }
    }
    return findings;
  },
  fixes: (_document, finding) => {
    const { entry, same } = finding.data;
    if (!entry || entry.valueRange.end.line !== entry.line) return [];
    return [{ title: message('agent-config.remove-line', { line: entry.line + 1 }), isPreferred: same, changes: [{ kind: 'delete-line', line: entry.line }] }];
  },
});
