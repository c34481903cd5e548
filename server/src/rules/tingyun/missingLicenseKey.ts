import { LICENSE_PLACEHOLDERS, MAIN_SECTION } from '../../knowledge/agent/options';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

export const missingLicenseKeyRule = defineRule({
  id: 'tingyun/missing-license-key',
  fileKind: 'agent-ini',
  defaultSeverity: 'error',
  docs: {
    summary: '`license_key` is missing, empty, or still the placeholder of the generated template.',
    details:
      'The license key ties what the agent sends to your account; the collector drops data without a valid one. ' +
      '`tingyun-admin generate-config` writes `** YOUR-LICENSE-KEY **` unless it is given the key, and a file copied ' +
      'from the template keeps that text. Put the key from your Tingyun account there (or generate the file again with it).',
    example: {
      file: 'tingyun.ini',
      wrong: ['[tingyun]', 'license_key = ** YOUR-LICENSE-KEY **', 'app_name = shop'],
      right: ['[tingyun]', 'license_key = 1234567890abcdef', 'app_name = shop'],
    },
    fix: 'No quick fix: copy the license key from your Tingyun account, or run `tingyun-admin generate-config` again with the key.',
    silence: 'When the key is filled in at deployment time and the file in the repository is only a template.',
  },
  check: (document) => {
    const section = document.agent.section(MAIN_SECTION);
    if (!section?.header) return []; // tingyun/missing-section says so
    const entry = document.agent.entry(MAIN_SECTION, 'license_key');
    if (!entry) return [{ range: section.header.range, message: message('tingyun/missing-license-key.no-key'), data: undefined }];
    if (entry.value.trim() === '') return [{ range: entry.keyRange, message: message('tingyun/missing-license-key.empty'), data: undefined }];
    if (LICENSE_PLACEHOLDERS.includes(entry.value.trim())) {
      return [{ range: entry.valueRange, message: message('tingyun/missing-license-key.placeholder', { value: entry.value.trim() }), data: undefined }];
    }
    return [];
  },
  fixes: () => [],
});
