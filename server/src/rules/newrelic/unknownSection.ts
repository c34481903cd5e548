import { DEFAULT_SECTION, NEWRELIC_MAIN_SECTION, isNewRelicInstrumentationSection, isNewRelicSettingsSection } from '../../knowledge/newrelic/options';
import { NEWRELIC_SECTION_PREFIXES } from '../../knowledge/newrelic/optionTable';
import { didYouMean } from '../../knowledge/suggest';
import type { Range } from '../../text/lineIndex';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

interface Data {
  nameRange: Range;
  candidates: string[];
}

/** The section a misspelt or mis-cased name was meant to be, or undefined for a section of another tool. */
function intendedSection(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  const main = /^new[ _-]?relic(?:\s*[:_.-]\s*(.*))?$/.exec(lower);
  if (main) return main[1] ? `${NEWRELIC_MAIN_SECTION}:${name.trim().slice(name.trim().length - main[1].length)}` : NEWRELIC_MAIN_SECTION;
  const colon = name.indexOf(':');
  if (colon < 0) return didYouMean(lower, [NEWRELIC_MAIN_SECTION], '_')[0];
  const prefix = name.slice(0, colon + 1);
  const close = didYouMean(prefix.toLowerCase(), NEWRELIC_SECTION_PREFIXES, '-')[0];
  return close === undefined ? undefined : `${close}${name.slice(colon + 1)}`;
}

export const unknownSectionRule = defineRule<'newrelic-ini', Data>({
  id: 'newrelic/unknown-section',
  fileKind: 'newrelic-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A section the New Relic agent does not read, whose name is close to one it does (`[NewRelic]`, `[newrelic-staging]`, `[import-hok:...]`).',
    details:
      'The agent reads `[newrelic]`, `[newrelic:ENV]` for the environment it runs with (`NEW_RELIC_ENVIRONMENT`), and ' +
      'instrumentation sections such as `[import-hook:...]` and `[function-trace:...]`. Section names are ' +
      'case-sensitive and the environment follows a colon, so the options of `[NewRelic]` or `[newrelic-staging]` are ' +
      'never read. Sections of other tools are left alone. The fixes rename the section.',
    example: {
      file: 'newrelic.ini',
      wrong: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', '', '[newrelic-staging]', 'app_name = shop (staging)'],
      right: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', '', '[newrelic:staging]', 'app_name = shop (staging)'],
    },
    fix: 'The quick fix renames the section to the one it was evidently meant to be.',
    silence: 'When the section is read by another tool that shares the file.',
  },
  check: (document) =>
    document.newrelic.sections
      .filter((section) => section.name !== DEFAULT_SECTION && !isNewRelicSettingsSection(section.name) && !isNewRelicInstrumentationSection(section.name))
      .flatMap((section) => {
        const intended = intendedSection(section.name);
        if (intended === undefined || intended === section.name) return [];
        const header = section.header!;
        return [{
          range: header.range,
          message: message('newrelic/unknown-section.found', { name: section.name, intended }),
          data: { nameRange: header.nameRange, candidates: [intended] },
        }];
      }),
  fixes: (_document, finding) =>
    finding.data.candidates.map((candidate) => ({
      title: message('agent-config.rename-section', { name: candidate }),
      isPreferred: true,
      changes: [{ kind: 'replace' as const, range: finding.data.nameRange, newText: candidate }],
    })),
});
