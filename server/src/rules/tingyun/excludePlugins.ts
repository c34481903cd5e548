import { AGENT_PLUGINS, pluginsAlsoDisabledBy } from '../../knowledge/agent/options';
import { didYouMean } from '../../knowledge/suggest';
import type { Range } from '../../text/lineIndex';
import { defineRule } from '../types';
import { quoted } from '../quoted';

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
    return written.flatMap((match) => {
      const name = match[0];
      const start = entry.valueRange.start.character + (match.index ?? 0);
      const range = { start: { line: entry.line, character: start }, end: { line: entry.line, character: start + name.length } };
      const also = pluginsAlsoDisabledBy(name).filter((other) => !names.has(other));
      const alsoText = also.length > 0 ? ` It also switches off ${also.map((other) => `\`${other}\``).join(', ')}, whose name it contains.` : '';
      if (!AGENT_PLUGINS[name]) {
        const candidates = didYouMean(name.toLowerCase(), PLUGIN_NAMES, '-');
        const hint = candidates.length > 0 ? ` Did you mean ${candidates.map((candidate) => `\`${candidate}\``).join(', ')}?` : '';
        return [{ range, message: `\`${name}\` is no instrumentation group of the agent, so it switches nothing off by itself.${alsoText}${hint}`, data: { range, candidates } }];
      }
      if (also.length === 0) return [];
      return [{ range, message: `The agent matches group names as substrings: \`${name}\` also switches off ${also.map((other) => `\`${other}\``).join(', ')}.`, data: { range, candidates: [] } }];
    });
  },
  fixes: (_document, finding) =>
    finding.data.candidates.map((candidate) => ({
      title: `Change to ${quoted(candidate)}`,
      isPreferred: finding.data.candidates.length === 1,
      changes: [{ kind: 'replace' as const, range: finding.data.range, newText: candidate }],
    })),
});
