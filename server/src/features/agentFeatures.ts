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
import { AGENT_OPTION_SUMMARIES_ZH_CN, AGENT_PLUGIN_TEXTS_ZH_CN } from '../knowledge/agent/options.zh-cn';
import type { Locale } from '../l10n/locale';
import { message, renderText } from '../l10n/message';
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

/** What pydeploy writes about an option, in a locale (English where it has no translation). */
function optionSummaryIn(facts: AgentOption, locale: Locale): string {
  return (locale === 'zh-cn' ? AGENT_OPTION_SUMMARIES_ZH_CN[facts.name] : undefined) ?? facts.summary;
}

/** What an instrumentation group covers, in a locale. */
function pluginTextIn(name: string, locale: Locale): string {
  return (locale === 'zh-cn' ? AGENT_PLUGIN_TEXTS_ZH_CN[name] : undefined) ?? AGENT_PLUGINS[name];
}

/** What a user needs to know about one of the agent's options: what it does, its values and default. */
export function agentOptionHover(facts: AgentOption, locale: Locale = 'en'): string {
  const parts = [
    renderText(message('hover.tingyun-option', { name: facts.name, section: facts.section }), locale),
    optionSummaryIn(facts, locale),
    renderText(message('hover.value', { text: AGENT_KIND_TEXT[facts.kind] }), locale),
  ];
  if (facts.kind !== 'other') parts.push(renderText(facts.default === '' ? message('hover.tingyun-no-default') : message('hover.default', { value: facts.default }), locale));
  if (facts.later) parts.push(renderText(message('hover.tingyun-later'), locale));
  return parts.join('\n\n');
}

function pluginHover(name: string, locale: Locale): string {
  const also = pluginsAlsoDisabledBy(name);
  const parts = [renderText(message('hover.tingyun-plugin', { name, what: pluginTextIn(name, locale) }), locale)];
  if (also.length > 0) parts.push(renderText(message('hover.tingyun-plugin-also', { others: also.map((other) => `\`${other}\``) }), locale));
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

export function agentHoverAt(document: AgentDocument, position: Position, locale: Locale = 'en'): PydeployHover | undefined {
  const line = document.agent.document.lines[position.line];
  if (line?.kind !== 'entry') return undefined;
  const section = sectionAtLine(document.agent.document, line.line).name;
  if (contains(line.keyRange, position)) {
    const facts = agentOption(section, line.key);
    return facts && { contents: agentOptionHover(facts, locale), range: line.keyRange };
  }
  if (section === 'tingyun:exclude' && line.key.toLowerCase() === 'plugins') {
    const plugin = pluginAt(line, position);
    if (plugin && AGENT_PLUGINS[plugin.name]) return { contents: pluginHover(plugin.name, locale), range: plugin.range };
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
export function agentCompletionsAt(document: AgentDocument, position: Position, locale: Locale = 'en'): PydeployCompletion[] {
  const lineText = document.agent.document.index.lineText(position.line);
  const before = lineText.slice(0, position.character);
  if (/^\s*[;#]/.test(before)) return [];
  const header = /^(\s*\[)([\w:-]*)$/.exec(before);
  if (header) {
    const range = { start: { line: position.line, character: header[1].length }, end: position };
    return AGENT_SECTIONS.map((name) => ({ label: name, kind: 'option' as const, detail: renderText(message('completion.tingyun-section'), locale), insertText: `${name}]`, range }));
  }
  const section = sectionAtLine(document.agent.document, position.line).name;
  const assignment = /^(\s*)([^=:]*?)\s*[=:]\s*(.*)$/.exec(before);
  if (assignment) {
    const facts = agentOption(section, assignment[2]);
    if (!facts) return [];
    if (facts.section === 'tingyun:exclude' && facts.name === 'plugins') {
      const typed = /[^,\s]*$/.exec(assignment[3])?.[0] ?? '';
      const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
      return Object.keys(AGENT_PLUGINS).map((name) => ({ label: name, kind: 'value' as const, detail: pluginTextIn(name, locale), documentation: pluginHover(name, locale), range }));
    }
    const choices = VALUE_CHOICES[facts.kind];
    if (!choices || /\s/.test(assignment[3])) return [];
    const range = { start: { line: position.line, character: position.character - assignment[3].length }, end: position };
    return choices.map((value) => ({
      label: value,
      kind: 'value' as const,
      detail: renderText(message('completion.agent-value', { name: facts.name, value, default: value === facts.default.toLowerCase() ? message('completion.agent-default') : '' }), locale),
      range,
    }));
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
      detail: firstSentence(optionSummaryIn(facts, locale)),
      documentation: agentOptionHover(facts, locale),
      insertText: `${facts.name} = `,
      range,
    }));
}

/** The first sentence of a text, English (`. `) or Chinese (`。`). */
function firstSentence(text: string): string {
  return /^.*?(?:\.(?= )|。|$)/.exec(text)?.[0] ?? text;
}
