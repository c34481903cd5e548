import type { Position } from '../text/lineIndex';
import type { DocumentOfKind } from '../model/document';
import {
  DEFAULT_SECTION,
  NEWRELIC_MAIN_SECTION,
  NEWRELIC_OPTION_NAMES,
  NewRelicOption,
  isNewRelicSettingsSection,
  newRelicOption,
  newRelicValueText,
} from '../knowledge/newrelic/options';
import { NEWRELIC_MAPPER_CHOICES, NEWRELIC_SOURCE_COMMIT } from '../knowledge/newrelic/optionTable';
import { contains } from './uwsgiPositions';
import { sectionAtLine } from './agentFeatures';
import type { PydeployHover } from './hover';
import type { PydeployCompletion } from './completion';

type NewRelicDocument = DocumentOfKind<'newrelic-ini'>;

/** Options are read from `[newrelic]`, `[newrelic:ENV]`, and inherited from `[DEFAULT]`. */
function readsAgentOptions(section: string): boolean {
  return isNewRelicSettingsSection(section) || section === DEFAULT_SECTION;
}

/** What a user needs to know about an option: how its value is read, its default, what else sets it. */
export function newRelicOptionHover(option: NewRelicOption): string {
  const parts = [`**${option.name}** (New Relic agent, \`[newrelic]\` or \`[newrelic:ENV]\`)`, `**Value:** ${newRelicValueText(option)}.`];
  if (option.default !== undefined) parts.push(`**Default:** ${option.default === null || option.default === '' ? 'unset' : `\`${option.default}\``}`);
  if (option.environment) parts.push(`The environment variable \`${option.environment}\` sets it too; this file's value wins when both are set.`);
  if (option.replacedBy) parts.push(`An older name: the agent still reads it, logs that it is deprecated, and \`${option.replacedBy}\` wins when both are set.`);
  parts.push(`An \`[newrelic:ENV]\` section overrides it when the agent runs with that environment (\`NEW_RELIC_ENVIRONMENT\`). From the agent's source at ${NEWRELIC_SOURCE_COMMIT.slice(0, 10)}.`);
  return parts.join('\n\n');
}

export function newRelicHoverAt(document: NewRelicDocument, position: Position): PydeployHover | undefined {
  const line = document.newrelic.document.lines[position.line];
  if (line?.kind !== 'entry' || !contains(line.keyRange, position)) return undefined;
  if (!readsAgentOptions(sectionAtLine(document.newrelic.document, line.line).name)) return undefined;
  const option = newRelicOption(line.key);
  return option && { contents: newRelicOptionHover(option), range: line.keyRange };
}

function valueChoices(option: NewRelicOption): readonly string[] {
  if (option.getter === 'getboolean') return ['true', 'false'];
  if (option.mapper === '_map_log_level') return NEWRELIC_MAPPER_CHOICES._map_log_level.map((level) => level.toLowerCase());
  if (option.mapper === '_map_record_sql' || option.mapper === '_map_compressed_content_encoding') return NEWRELIC_MAPPER_CHOICES[option.mapper];
  return [];
}

/**
 * What may be typed at a position of newrelic.ini: a section name after `[`, an option at the start of a line of
 * `[newrelic]`, `[newrelic:ENV]` or `[DEFAULT]`, a value of a boolean or of an option with a fixed set of values.
 */
export function newRelicCompletionsAt(document: NewRelicDocument, position: Position): PydeployCompletion[] {
  const before = document.newrelic.document.index.lineText(position.line).slice(0, position.character);
  if (/^\s*[;#]/.test(before)) return [];
  const header = /^(\s*\[)([\w:-]*)$/.exec(before);
  if (header) {
    const range = { start: { line: position.line, character: header[1].length }, end: position };
    return [
      { label: NEWRELIC_MAIN_SECTION, kind: 'option' as const, detail: 'New Relic agent settings', insertText: `${NEWRELIC_MAIN_SECTION}]`, range },
      { label: `${NEWRELIC_MAIN_SECTION}:`, kind: 'option' as const, detail: 'settings for one environment (NEW_RELIC_ENVIRONMENT)', insertText: `${NEWRELIC_MAIN_SECTION}:`, range },
    ];
  }
  const section = sectionAtLine(document.newrelic.document, position.line);
  if (!readsAgentOptions(section.name)) return [];
  const assignment = /^(\s*)([^=:]*?)\s*[=:]\s*(.*)$/.exec(before);
  if (assignment) {
    const option = newRelicOption(assignment[2]);
    const choices = option ? valueChoices(option) : [];
    if (!option || /\s/.test(assignment[3])) return [];
    const range = { start: { line: position.line, character: position.character - assignment[3].length }, end: position };
    return choices.map((value) => ({ label: value, kind: 'value' as const, detail: `\`${option.name}\` = ${value}${value === option.default ? ' (default)' : ''}`, range }));
  }
  const key = /^(\s*)([\w.]*)$/.exec(before);
  if (!key) return [];
  const range = { start: { line: position.line, character: key[1].length }, end: position };
  const present = new Set(section.entries.map((entry) => entry.key.toLowerCase()));
  return NEWRELIC_OPTION_NAMES.filter((name) => !present.has(name) || name === key[2].toLowerCase()).map((name) => {
    const option = newRelicOption(name)!;
    return { label: name, kind: 'option' as const, detail: newRelicValueText(option), documentation: newRelicOptionHover(option), insertText: `${name} = `, range };
  });
}
