import { AGENT_OPTIONS, agentOption, agentOptionsOf, isAgentSection } from '../../knowledge/agent/options';
import { didYouMean } from '../../knowledge/suggest';
import type { IniEntry } from '../../parse/uwsgiIni';
import { defineRule } from '../types';
import { tingyunSections } from './common';
import { quoted } from '../quoted';
import { message } from '../../l10n/message';

function agentOptionFromAnySection(name: string): string {
  return AGENT_OPTIONS.find((facts) => facts.name === name)?.section ?? 'tingyun';
}

interface Data {
  entry: IniEntry;
  candidates: string[];
}

export const unknownOptionRule = defineRule<'agent-ini', Data>({
  id: 'tingyun/unknown-option',
  fileKind: 'agent-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A key the agent does not read in `[tingyun]`, `[tingyun:exclude]`, `[tingyun:private]` or `[tingyun:proxy]`.',
    details:
      'The agent looks up the options it knows and never lists the file, so a misspelt key (`licence_key`, ' +
      '`log_levle`) or one put in the wrong section is ignored without a word and the default stays. Keys are read ' +
      'case-insensitively. Options of agent releases after 1.3.0 seen in real configs (`collectors`, `log_file_count`, ...) ' +
      'are known. The fixes replace the key with a close option name of the section.',
    example: {
      file: 'tingyun.ini',
      wrong: ['[tingyun]', 'license_key = 1234567890abcdef', 'log_levle = debug'],
      right: ['[tingyun]', 'license_key = 1234567890abcdef', 'log_level = debug'],
    },
    fix: 'The quick fixes replace the key with the closest option name of its section.',
    silence: 'When the key belongs to a newer agent release that pydeploy does not know yet.',
  },
  check: (document) =>
    tingyunSections(document)
      .filter((section) => isAgentSection(section.name))
      .flatMap((section) =>
        section.entries
          .filter((entry) => entry.hasEquals && entry.key !== '' && !agentOption(section.name, entry.key))
          .map((entry) => {
            const names = agentOptionsOf(section.name).map((facts) => facts.name);
            const candidates = didYouMean(entry.key.toLowerCase(), names, '_');
            const elsewhere = AGENT_OPTIONS.find((facts) => facts.name === entry.key.toLowerCase());
            const other = elsewhere || candidates.length > 0 ? [] : didYouMean(entry.key.toLowerCase(), AGENT_OPTIONS.map((facts) => facts.name), '_', 1);
            const hint = elsewhere
              ? message('tingyun/unknown-option.belongs', { section: elsewhere.section })
              : candidates.length > 0
                ? message('did-you-mean', { candidates: candidates.map((name) => `\`${name}\``) })
                : other.length > 0
                  ? message('tingyun/unknown-option.other-section', { name: other[0], section: agentOptionFromAnySection(other[0]) })
                  : '';
            return {
              range: entry.keyRange,
              message: message('tingyun/unknown-option.found', { key: entry.key, section: section.name, hint }),
              data: { entry, candidates: elsewhere ? [] : candidates },
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
