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
import type { Locale } from '../l10n/locale';
import { Message, message, renderText } from '../l10n/message';

type NewRelicDocument = DocumentOfKind<'newrelic-ini'>;

/** Options are read from `[newrelic]`, `[newrelic:ENV]`, and inherited from `[DEFAULT]`. */
function readsAgentOptions(section: string): boolean {
  return isNewRelicSettingsSection(section) || section === DEFAULT_SECTION;
}

/** What a user needs to know about an option: how its value is read, its default, what else sets it. */
export function newRelicOptionHover(option: NewRelicOption, locale: Locale = 'en'): string {
  const parts: Message[] = [message('hover.newrelic-option', { name: option.name }), message('hover.value', { text: newRelicValueText(option) })];
  if (option.default !== undefined) parts.push(option.default === null || option.default === '' ? message('hover.newrelic-unset') : message('hover.default', { value: option.default }));
  if (option.environment) parts.push(message('hover.newrelic-environment', { variable: option.environment }));
  if (option.replacedBy) parts.push(message('hover.newrelic-replaced', { name: option.replacedBy }));
  parts.push(message('hover.newrelic-environment-section', { commit: NEWRELIC_SOURCE_COMMIT.slice(0, 10) }));
  return parts.map((part) => renderText(part, locale)).join('\n\n');
}

export function newRelicHoverAt(document: NewRelicDocument, position: Position, locale: Locale = 'en'): PydeployHover | undefined {
  const line = document.newrelic.document.lines[position.line];
  if (line?.kind !== 'entry' || !contains(line.keyRange, position)) return undefined;
  if (!readsAgentOptions(sectionAtLine(document.newrelic.document, line.line).name)) return undefined;
  const option = newRelicOption(line.key);
  return option && { contents: newRelicOptionHover(option, locale), range: line.keyRange };
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
export function newRelicCompletionsAt(document: NewRelicDocument, position: Position, locale: Locale = 'en'): PydeployCompletion[] {
  const before = document.newrelic.document.index.lineText(position.line).slice(0, position.character);
  if (/^\s*[;#]/.test(before)) return [];
  const header = /^(\s*\[)([\w:-]*)$/.exec(before);
  if (header) {
    const range = { start: { line: position.line, character: header[1].length }, end: position };
    return [
      { label: NEWRELIC_MAIN_SECTION, kind: 'option' as const, detail: renderText(message('completion.newrelic-main-section'), locale), insertText: `${NEWRELIC_MAIN_SECTION}]`, range },
      { label: `${NEWRELIC_MAIN_SECTION}:`, kind: 'option' as const, detail: renderText(message('completion.newrelic-environment-section'), locale), insertText: `${NEWRELIC_MAIN_SECTION}:`, range },
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
    return choices.map((value) => ({
      label: value,
      kind: 'value' as const,
      detail: renderText(message('completion.agent-value', { name: option.name, value, default: value === option.default ? message('completion.agent-default') : '' }), locale),
      range,
    }));
  }
  const key = /^(\s*)([\w.]*)$/.exec(before);
  if (!key) return [];
  const range = { start: { line: position.line, character: key[1].length }, end: position };
  const present = new Set(section.entries.map((entry) => entry.key.toLowerCase()));
  return NEWRELIC_OPTION_NAMES.filter((name) => !present.has(name) || name === key[2].toLowerCase()).map((name) => {
    const option = newRelicOption(name)!;
    return { label: name, kind: 'option' as const, detail: renderText(newRelicValueText(option), locale), documentation: newRelicOptionHover(option, locale), insertText: `${name} = `, range };
  });
}
