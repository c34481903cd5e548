import { MAIN_SECTION } from '../../knowledge/agent/options';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

interface Data {
  /** The file has options before any header: the fix puts `[tingyun]` above them. */
  headerless: boolean;
}

export const missingSectionRule = defineRule<'agent-ini', Data>({
  id: 'tingyun/missing-section',
  fileKind: 'agent-ini',
  defaultSeverity: 'error',
  docs: {
    summary: 'The agent config has no `[tingyun]` section, or options above every section header.',
    details:
      'The agent takes every setting, the license key included, from `[tingyun]` (the name is case-sensitive). ' +
      'Without it the agent runs on defaults with no license and reports nothing; `tingyun-admin check-config` stops ' +
      'at the same point. Options written before the first header are worse: Python’s config reader refuses the whole ' +
      'file, and the agent does not start. The fix puts a `[tingyun]` header above such options.',
    example: {
      file: 'tingyun.ini',
      wrong: ['license_key = 1234567890abcdef', 'app_name = shop'],
      right: ['[tingyun]', 'license_key = 1234567890abcdef', 'app_name = shop'],
    },
    fix: 'When options stand above every header, the quick fix adds a `[tingyun]` header at the top. Otherwise rename the section to exactly `[tingyun]`.',
    silence: 'Not advisable: without the section the agent reports nothing.',
  },
  check: (document) => {
    const { agent } = document;
    const preamble = agent.document.sections[0];
    const stray = preamble.header === undefined ? preamble.entries[0] : undefined;
    const findings = [];
    if (stray) {
      findings.push({
        range: stray.keyRange,
        message: message('tingyun/missing-section.stray', { key: stray.key }),
        data: { headerless: !agent.section(MAIN_SECTION) },
      });
    }
    if (!agent.section(MAIN_SECTION) && !stray) {
      const similar = agent.sections.find((section) => section.name.toLowerCase().replace(/\s+/g, '') === MAIN_SECTION);
      const hint = similar ? message('tingyun/missing-section.case', { name: similar.name }) : '';
      findings.push({
        range: similar?.header?.range ?? agent.anchor,
        message: message('tingyun/missing-section.none', { hint }),
        data: { headerless: false },
      });
    }
    return findings;
  },
  fixes: (document, finding) => {
    if (!finding.data.headerless) return [];
    const at = { line: 0, character: 0 };
    return [{ title: message('agent-config.add-header', { section: MAIN_SECTION }), isPreferred: true, changes: [{ kind: 'replace', range: { start: at, end: at }, newText: `[tingyun]${document.agent.document.index.eol}` }] }];
  },
});
