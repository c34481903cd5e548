import { NEWRELIC_OPTION_NAMES, newRelicOption } from '../../knowledge/newrelic/options';
import { NEWRELIC_REMOVED_OPTIONS } from '../../knowledge/newrelic/optionTable';
import { didYouMean } from '../../knowledge/suggest';
import type { IniEntry } from '../../parse/uwsgiIni';
import { defineRule } from '../types';
import { quoted } from '../quoted';
import { code } from './common';
import { message } from '../../l10n/message';

interface Data {
  entry: IniEntry;
  candidates: string[];
}

export const unknownOptionRule = defineRule<'newrelic-ini', Data>({
  id: 'newrelic/unknown-option',
  fileKind: 'newrelic-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A key the New Relic agent does not read in `[newrelic]` or `[newrelic:ENV]`.',
    details:
      'The agent looks up each option it knows and never lists the file, so a misspelt key (`licence_key`, ' +
      '`transaction_tracer.enable`) has no effect and the default stays. Keys are read case-insensitively. The option ' +
      'list is generated from the agent’s own source; keys that older releases read are newrelic/removed-option’s.',
    example: {
      file: 'newrelic.ini',
      wrong: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', 'transaction_tracer.enable = true'],
      right: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', 'transaction_tracer.enabled = true'],
    },
    fix: 'The quick fixes replace the key with the closest option names.',
    silence: 'When the file is written for an agent release newer than the one pydeploy knows, which reads the key.',
  },
  check: (document) =>
    document.newrelic.settingsSections.flatMap((section) =>
      section.entries
        // Options older releases read are newrelic/removed-option's.
        .filter((entry) => entry.hasEquals && entry.key !== '' && !newRelicOption(entry.key) && !Object.hasOwn(NEWRELIC_REMOVED_OPTIONS, entry.key.toLowerCase()))
        .map((entry) => {
          const key = entry.key.toLowerCase();
          const candidates = didYouMean(key, NEWRELIC_OPTION_NAMES, '_', 2);
          const hint = candidates.length > 0 ? message('did-you-mean', { candidates: candidates.map(code) }) : '';
          return {
            range: entry.keyRange,
            message: message('newrelic/unknown-option.found', { key: code(entry.key), hint }),
            data: { entry, candidates },
          };
        }),
    ),
  fixes: (_document, finding) =>
    finding.data.candidates.map((candidate) => ({
      title: message('fix.change-to', { from: quoted(finding.data.entry.key), to: quoted(candidate) }),
      isPreferred: finding.data.candidates.length === 1,
      changes: [{ kind: 'replace' as const, range: finding.data.entry.keyRange, newText: candidate }],
    })),
});
