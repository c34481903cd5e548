import type { IniEntry } from '../../parse/uwsgiIni';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

interface Data {
  /** The repeated line, removed by the fix when it says the same as the first. */
  entry?: IniEntry;
  same: boolean;
}

export const duplicateOptionRule = defineRule<'agent-ini', Data>({
  id: 'tingyun/duplicate-option',
  fileKind: 'agent-ini',
  defaultSeverity: 'error',
  docs: {
    summary: 'A key repeated in a section, or a section repeated: the agent refuses the file and does not start.',
    details:
      "The agent reads its config with Python 3's strict config reader, which stops at the second `license_key` of a " +
      'section (keys compared case-insensitively) or the second `[tingyun]` header. The agent logs the error and never ' +
      'starts, so nothing is reported. Keep one of the lines; the fix removes a repeated line that says the same as the first.',
    example: {
      file: 'tingyun.ini',
      wrong: ['[tingyun]', 'license_key = 1234567890abcdef', 'log_level = info', 'log_level = debug'],
      right: ['[tingyun]', 'license_key = 1234567890abcdef', 'log_level = debug'],
    },
    fix: 'Keep one of the lines. When both say the same, the quick fix removes the repeated one.',
    silence: 'Not advisable: the agent does not start with such a file.',
  },
  check: (document) => {
    const findings = [];
    const seenSections = new Map<string, number>();
    for (const section of document.agent.sections) {
      const header = section.header!;
      const first = seenSections.get(section.name);
      if (first !== undefined) {
        findings.push({
          range: header.range,
          message: message('tingyun/duplicate-option.section', { section: section.name, line: first + 1 }),
          data: { same: false },
        });
      } else seenSections.set(section.name, header.line);
      const seenKeys = new Map<string, IniEntry>();
      for (const entry of section.entries) {
        if (!entry.hasEquals) continue;
        const key = entry.key.toLowerCase();
        const earlier = seenKeys.get(key);
        if (!earlier) {
          seenKeys.set(key, entry);
          continue;
        }
        findings.push({
          range: entry.keyRange,
          message: message('tingyun/duplicate-option.key', { key: entry.key, section: section.name, line: earlier.line + 1 }),
          data: { entry, same: earlier.value === entry.value },
        });
      }
    }
    return findings;
  },
  fixes: (_document, finding) => {
    const { entry, same } = finding.data;
    if (!entry) return [];
    return [{ title: message('agent-config.remove-line', { line: entry.line + 1 }), isPreferred: same, changes: [{ kind: 'delete-line', line: entry.line }] }];
  },
});
