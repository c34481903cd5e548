import { AGENT_PLUGINS, pluginsAlsoDisabledBy } from '../../knowledge/agent/options';
import { didYouMean } from '../../knowledge/suggest';
import type { Range } from '../../text/lineIndex';
import { Finding, defineRule } from '../types';
import { quoted } from '../quoted';
import { message } from '../../l10n/message';

interface Data {
  range: Range;
  candidates: string[];
}

const PLUGIN_NAMES = Object.keys(AGENT_PLUGINS);

export const excludePluginsRule = defineRule<'agent-ini', Data>({
  id: 'tingyun/exclude-plugins',
  fileKind: 'agent-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A name in `[tingyun:exclude] plugins` that is no instrumentation group, or that switches off more than itself.',
    details:
      'The agent decides whether to skip a group by looking for the group’s name anywhere in the raw `plugins` text. ' +
      'A misspelt name therefore switches nothing off, and a name that contains another one switches both off: ' +
      '`pymysql` also disables `mysql`, `psycopg2cffi` also `psycopg2`, `bmemcached` also `memcached`. ' +
      'The fixes replace an unknown name with a close group name.',
    example: {
      file: 'tingyun.ini',
      wrong: ['[tingyun]', 'license_key = 1234567890abcdef', '', '[tingyun:exclude]', 'plugins = redsi'],
      right: ['[tingyun]', 'license_key = 1234567890abcdef', '', '[tingyun:exclude]', 'plugins = redis'],
    },
    fix: "For an unknown name, the quick fixes put the closest group name in its place. A name that also switches off another group cannot be narrowed in the agent's config; decide whether losing both is acceptable.",
    silence: 'When switching off the other groups as well is what you want.',
  },
  check: (document) => {
    const section = document.agent.section('tingyun:exclude');
    const entry = section?.entries.find((candidate) => candidate.hasEquals && candidate.key.toLowerCase() === 'plugins');
    if (!entry || entry.value.includes('\n')) return [];
    const written = [...entry.value.matchAll(/[^,\s]+/g)];
    const names = new Set(written.map((match) => match[0]));
    return written.flatMap((match): Finding<Data>[] => {
      const name = match[0];
      const start = entry.valueRange.start.character + (match.index ?? 0);
      const range = { start: { line: entry.line, character: start }, end: { line: entry.line, character: start + name.length } };
      const also = pluginsAlsoDisabledBy(name).filter((other) => !names.has(other));
      const others = also.map((other) => `\`${other}\``);
      const alsoText = also.length > 0 ? message('tingyun/exclude-plugins.also', { others }) : '';
      if (!AGENT_PLUGINS[name]) {
        const candidates = didYouMean(name.toLowerCase(), PLUGIN_NAMES, '-');
        const hint = candidates.length > 0 ? message('did-you-mean', { candidates: candidates.map((candidate) => `\`${candidate}\``) }) : '';
        return [{ range, message: message('tingyun/exclude-plugins.unknown', { name, also: alsoText, hint }), data: { range, candidates } }];
      }
      if (also.length === 0) return [];
      return [{ range, message: message('tingyun/exclude-plugins.substring', { name, others }), data: { range, candidates: [] } }];
    });
  },
  fixes: (_document, finding) =>
    finding.data.candidates.map((candidate) => ({
      title: message('agent-config.change-to', { value: quoted(candidate) }),
      isPreferred: finding.data.candidates.length === 1,
      changes: [{ kind: 'replace' as const, range: finding.data.range, newText: candidate }],
    })),
});
