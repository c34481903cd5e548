import { AGENT_SECTIONS, isAgentSection } from '../../knowledge/agent/options';
import { didYouMean } from '../../knowledge/suggest';
import type { Range } from '../../text/lineIndex';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

interface Data {
  nameRange: Range;
  candidates: string[];
}

export const unknownSectionRule = defineRule<'agent-ini', Data>({
  id: 'tingyun/unknown-section',
  fileKind: 'agent-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A `[tingyun...]` section the agent does not read.',
    details:
      'The agent reads exactly `[tingyun]`, `[tingyun:exclude]`, `[tingyun:private]` and `[tingyun:proxy]`, and ' +
      'section names are case-sensitive: the options of `[tingyun:proxies]` or `[Tingyun]` are never read. The fixes ' +
      'rename the section.',
    example: {
      file: 'tingyun.ini',
      wrong: ['[tingyun]', 'license_key = 1234567890abcdef', '', '[tingyun:proxies]', 'proxy_host = 10.0.0.1'],
      right: ['[tingyun]', 'license_key = 1234567890abcdef', '', '[tingyun:proxy]', 'proxy_host = 10.0.0.1'],
    },
    fix: 'The quick fixes rename the section to the closest one the agent reads.',
    silence: 'When the section is read by another tool that shares the file.',
  },
  check: (document) =>
    document.agent.sections
      .filter((section) => section.header && /^tingyun/i.test(section.name.trim()) && !isAgentSection(section.name))
      .map((section) => {
        const header = section.header!;
        const exact = AGENT_SECTIONS.find((name) => name === section.name.trim().toLowerCase().replace(/\s*:\s*/, ':'));
        const candidates = exact ? [exact] : didYouMean(section.name.toLowerCase(), AGENT_SECTIONS, '_');
        const hint = candidates.length > 0 ? message('did-you-mean', { candidates: candidates.map((name) => `[${name}]`) }) : '';
        return {
          range: header.range,
          message: message('tingyun/unknown-section.found', { name: section.name, hint }),
          data: { nameRange: header.nameRange, candidates },
        };
      }),
  fixes: (_document, finding) =>
    finding.data.candidates.map((candidate) => ({
      title: message('agent-config.rename-section', { name: candidate }),
      isPreferred: finding.data.candidates.length === 1,
      changes: [{ kind: 'replace' as const, range: finding.data.nameRange, newText: candidate }],
    })),
});
