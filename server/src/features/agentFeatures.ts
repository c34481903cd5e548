import type { Position, Range } from '../text/lineIndex';
import type { DocumentOfKind } from '../model/document';
import type { IniDocument, IniEntry, IniSection } from '../parse/uwsgiIni';
import {
  AGENT_KIND_TEXT,
  AGENT_LOG_LEVELS,
  AGENT_PLUGINS,
  AGENT_SECTIONS,
  AgentOption,
  agentOption,
  agentOptionsOf,
  pluginsAlsoDisabledBy,
} from '../knowledge/agent/options';
import { contains } from './uwsgiPositions';
import type { PydeployHover } from './hover';
import type { PydeployCompletion } from './completion';

type AgentDocument = DocumentOfKind<'agent-ini'>;

/** The section a line of an agent's ini file belongs to: the last header above it ('' before the first one). */
export function sectionAtLine({ sections }: IniDocument, line: number): IniSection {
  let found = sections[0];
  for (const section of sections) if (section.header && section.header.line <= line) found = section;
  return found;
}

/** What a user needs to know about one of the agent's options: what it does, its values and default. */
export function agentOptionHover(facts: AgentOption): string {
  const parts = [`**${facts.name}** (Tingyun agent, \`[${facts.section}]\`)`, facts.summary, `**Value:** ${AGENT_KIND_TEXT[facts.kind]}.`];
  if (facts.kind !== 'other') parts.push(`**Default:** ${facts.default === '' ? 'none' : `\`${facts.default}\``}`);
  if (facts.later) parts.push('Not read by agent 1.3.0; written for later releases.');
  return parts.join('\n\n');
}

function pluginHover(name: string): string {
  const also = pluginsAlsoDisabledBy(name);
  const parts = [`**${name}** (agent instrumentation group): ${AGENT_PLUGINS[name]}.`];
  if (also.length > 0) parts.push(`Listing it also switches off ${also.map((other) => `\`${other}\``).join(', ')}: the agent looks for each group name inside the text.`);
  return parts.join('\n\n');
}

/** The plugin name under the cursor in a `plugins` value, with its range. */
function pluginAt(entry: IniEntry, position: Position): { name: string; range: Range } | undefined {
  if (entry.line !== position.line || !contains(entry.valueRange, position)) return undefined;
  const offset = entry.valueRange.start.character;
  for (const match of entry.value.matchAll(/[^,\s]+/g)) {
    const start = offset + (match.index ?? 0);
    const range = { start: { line: entry.line, character: start }, end: { line: entry.line, character: start + match[0].length } };
    if (contains(range, position)) return { name: match[0], range };
  }
  return undefined;
}

export function agentHoverAt(document: AgentDocument, position: Position): PydeployHover | undefined {
  const line = document.agent.document.lines[position.line];
  if (line?.kind !== 'entry') return undefined;
  const section = sectionAtLine(document.agent.document, line.line).name;
  if (contains(line.keyRange, position)) {
    const facts = agentOption(section, line.key);
    return facts && { contents: agentOptionHover(facts), range: line.keyRange };
  }
  if (section === 'tingyun:exclude' && line.key.toLowerCase() === 'plugins') {
    const plugin = pluginAt(line, position);
    if (plugin && AGENT_PLUGINS[plugin.name]) return { contents: pluginHover(plugin.name), range: plugin.range };
  }
  return undefined;
}

const VALUE_CHOICES: Partial<Record<AgentOption['kind'], readonly string[]>> = {
  bool: ['true', 'false'],
  'log-level': AGENT_LOG_LEVELS.map((level) => level.toLowerCase()),
  scheme: ['http', 'https'],
};

/**
 * What may be typed at a position of the agent's config: a section name after `[`, an option of the current
 * section at the start of a line, a value of a boolean, `log_level` or `proxy_scheme`, a plugin name in `plugins`.
 */
export function agentCompletionsAt(document: AgentDocument, position: Position): PydeployCompletion[] {
  const lineText = document.agent.document.index.lineText(position.line);
  const before = lineText.slice(0, position.character);
  if (/^\s*[;#]/.test(before)) return [];
  const header = /^(\s*\[)([\w:-]*)$/.exec(before);
  if (header) {
    const range = { start: { line: position.line, character: header[1].length }, end: position };
    return AGENT_SECTIONS.map((name) => ({ label: name, kind: 'option' as const, detail: `agent section`, insertText: `${name}]`, range }));
  }
  const section = sectionAtLine(document.agent.document, position.line).name;
  const assignment = /^(\s*)([^=:]*?)\s*[=:]\s*(.*)$/.exec(before);
  if (assignment) {
    const facts = agentOption(section, assignment[2]);
    if (!facts) return [];
    if (facts.section === 'tingyun:exclude' && facts.name === 'plugins') {
      const typed = /[^,\s]*$/.exec(assignment[3])?.[0] ?? '';
      const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
      return Object.entries(AGENT_PLUGINS).map(([name, what]) => ({ label: name, kind: 'value' as const, detail: what, documentation: pluginHover(name), range }));
    }
    const choices = VALUE_CHOICES[facts.kind];
    if (!choices || /\s/.test(assignment[3])) return [];
    const range = { start: { line: position.line, character: position.character - assignment[3].length }, end: position };
    return choices.map((value) => ({ label: value, kind: 'value' as const, detail: `\`${facts.name}\` = ${value}${value === facts.default.toLowerCase() ? ' (default)' : ''}`, range }));
  }
  const key = /^(\s*)([\w.]*)$/.exec(before);
  if (!key || section === '') return [];
  const range = { start: { line: position.line, character: key[1].length }, end: position };
  const present = new Set(sectionAtLine(document.agent.document, position.line).entries.map((entry) => entry.key.toLowerCase()));
  return agentOptionsOf(section)
    .filter((facts) => !present.has(facts.name) || facts.name === key[2].toLowerCase())
    .map((facts) => ({
      label: facts.name,
      kind: 'option' as const,
      detail: facts.summary.split(/(?<=\.) /)[0],
      documentation: agentOptionHover(facts),
      insertText: `${facts.name} = `,
      range,
    }));
}
