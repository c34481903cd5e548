import { NEWRELIC_MAPPER_CHOICES, NEWRELIC_OPTION_ROWS, NEWRELIC_SECTION_PREFIXES } from './optionTable';
import type { NewRelicOptionRow } from './optionTable';
import { Message, message } from '../../l10n/message';

/**
 * What the New Relic Python agent makes of `newrelic.ini`: the options it reads (optionTable.ts, generated from the
 * agent's source) and how it judges their values. The agent reads the file with Python's `RawConfigParser` (no
 * `%(...)s` interpolation), takes `[newrelic]`, then, when an environment is given (`NEW_RELIC_ENVIRONMENT` or
 * `initialize(config, 'staging')`), the same options from `[newrelic:staging]` over them.
 */

export type NewRelicOption = NewRelicOptionRow;

export const NEWRELIC_MAIN_SECTION = 'newrelic';
/** ConfigParser's section whose options every other section inherits. */
export const DEFAULT_SECTION = 'DEFAULT';

const BY_NAME = new Map(NEWRELIC_OPTION_ROWS.map((row) => [row.name, row]));

/** The option a key names: ConfigParser lower-cases keys, so `License_Key` is `license_key`. */
export function newRelicOption(key: string): NewRelicOption | undefined {
  return BY_NAME.get(key.toLowerCase());
}

export const NEWRELIC_OPTION_NAMES: readonly string[] = NEWRELIC_OPTION_ROWS.map((row) => row.name);

/** `[newrelic]` or `[newrelic:ENV]` (any environment name): the sections the agent's settings come from. */
export function isNewRelicSettingsSection(name: string): boolean {
  return name === NEWRELIC_MAIN_SECTION || (name.startsWith(`${NEWRELIC_MAIN_SECTION}:`) && name.length > NEWRELIC_MAIN_SECTION.length + 1);
}

/** A section the agent reads for instrumentation (`[import-hook:...]`, `[function-trace:...]`, ...). */
export function isNewRelicInstrumentationSection(name: string): boolean {
  return NEWRELIC_SECTION_PREFIXES.some((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}

/** The spellings `getboolean` accepts, compared lower-cased. */
export const NEWRELIC_BOOLEAN_TRUE = ['1', 'yes', 'true', 'on'];
export const NEWRELIC_BOOLEAN_FALSE = ['0', 'no', 'false', 'off'];

/** Python's `int()` of a stripped text: a sign, decimal digits (any script), single `_` between digits. */
const PYTHON_INT = /^[+-]?\p{Nd}+(?:_\p{Nd}+)*$/u;
const DIGITS = String.raw`\p{Nd}+(?:_\p{Nd}+)*`;
/** Python's `float()` of a stripped text, `inf`, `infinity` and `nan` included. */
const PYTHON_FLOAT = new RegExp(String.raw`^[+-]?(?:(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf(?:inity)?|nan)$`, 'iu');

export function isPythonInt(text: string): boolean {
  return PYTHON_INT.test(text.trim());
}

export function isPythonFloat(text: string): boolean {
  return PYTHON_FLOAT.test(text.trim());
}

/** One item of an `ignore_status_codes`-like list: `404`, `500-599`, `!404`, as the agent's parser takes them. */
function isStatusCodeItem(item: string): boolean {
  const body = item.startsWith('!') ? item.slice(1) : item;
  const parts = body.split('-');
  return (parts.length === 2 && isPythonInt(parts[0]) && isPythonInt(parts[1])) || isPythonInt(body);
}

/** Python's `text % {"pid": ...}`: only `%%` and `%(pid)` conversions format without an error. */
const PID_FORMAT = /%(?:%|\(pid\)[#0+ -]*(?:\d+)?(?:\.\d+)?[diouxXeEfFgGcrsa])/g;

/** `labels`: `key:value` pairs separated by `;`, each side non-empty; anything else drops every label. */
function isLabelList(value: string): boolean {
  const items = value.replace(/^[;\s]+|[;\s]+$/g, '');
  if (items === '') return true;
  return items.split(';').every((item) => {
    const parts = item.split(':');
    return parts.length === 2 && parts[0].trim() !== '' && parts[1].trim() !== '';
  });
}

/**
 * What the agent does with a value it cannot use: `refused` (the getter or mapper raises: the agent logs a
 * configuration error and keeps the default, or stops when `NEW_RELIC_IGNORE_STARTUP_ERRORS` is false) or `ignored`
 * (it logs a warning, or nothing, and the option stays unset). `expected` says what it takes, in pydeploy's words.
 */
export interface NewRelicValueVerdict {
  outcome: 'refused' | 'ignored';
  expected: Message;
  /** Values a fix may write instead, the likely one first. */
  suggestions: string[];
}

const TRUE_LIKE = new Set(['y', 'enable', 'enabled', 'ture', 'treu', 'tru']);
const FALSE_LIKE = new Set(['n', 'disable', 'disabled', 'flase', 'fasle', 'fals']);

/** The verdict on a value (already stripped by the reader), or undefined when the agent takes it. */
export function judgeNewRelicValue(option: NewRelicOption, value: string): NewRelicValueVerdict | undefined {
  switch (option.getter) {
    case 'getboolean': {
      const lower = value.toLowerCase();
      if (NEWRELIC_BOOLEAN_TRUE.includes(lower) || NEWRELIC_BOOLEAN_FALSE.includes(lower)) return undefined;
      const suggestions = TRUE_LIKE.has(lower) ? ['true'] : FALSE_LIKE.has(lower) ? ['false'] : [];
      return { outcome: 'refused', expected: message('newrelic.expected.boolean'), suggestions };
    }
    case 'getint':
      return isPythonInt(value) ? undefined : { outcome: 'refused', expected: message('newrelic.expected.whole-number'), suggestions: [] };
    case 'getfloat':
      return isPythonFloat(value) ? undefined : { outcome: 'refused', expected: message('newrelic.expected.number'), suggestions: [] };
    case 'getratio': {
      const number = isPythonFloat(value) ? Number(value.replace(/_/g, '')) : NaN;
      return number > 0 && number <= 1 ? undefined : { outcome: 'ignored', expected: message('newrelic.expected.ratio'), suggestions: [] };
    }
    case 'get':
      break;
  }
  if (option.samplerChoice && value === 'trace_id_ratio_based') {
    return { outcome: 'ignored', expected: message('newrelic.expected.sampler'), suggestions: [] };
  }
  switch (option.mapper) {
    case '_map_log_level': {
      const levels: readonly string[] = NEWRELIC_MAPPER_CHOICES._map_log_level;
      return levels.includes(value.toUpperCase()) ? undefined : { outcome: 'refused', expected: message('newrelic.expected.any-case', { choices: levels.map((level) => level.toLowerCase()) }), suggestions: [] };
    }
    case '_map_record_sql':
    case '_map_compressed_content_encoding': {
      const choices: readonly string[] = NEWRELIC_MAPPER_CHOICES[option.mapper];
      if (choices.includes(value)) return undefined;
      const sameLetters = choices.filter((choice) => choice === value.toLowerCase());
      return { outcome: 'refused', expected: message('newrelic.expected.lower-case', { choices }), suggestions: sameLetters };
    }
    case '_map_transaction_threshold':
      return value === 'apdex_f' || isPythonFloat(value) ? undefined : { outcome: 'refused', expected: message('newrelic.expected.threshold'), suggestions: value.toLowerCase() === 'apdex_f' ? ['apdex_f'] : [] };
    case '_merge_ignore_status_codes':
    case '_merge_expected_status_codes':
      return value.split(/\s+/).filter((item) => item !== '').every(isStatusCodeItem)
        ? undefined
        : { outcome: 'refused', expected: message('newrelic.expected.status-codes'), suggestions: [] };
    case '_map_console_listener_socket':
      return value.replace(PID_FORMAT, '').includes('%') ? { outcome: 'refused', expected: message('newrelic.expected.listener-socket'), suggestions: [] } : undefined;
    case '_map_aws_account_id':
      return value === '' || /^[0-9]{12}$/.test(value) ? undefined : { outcome: 'ignored', expected: message('newrelic.expected.aws-account'), suggestions: [] };
    case '_map_as_mapping':
      return isLabelList(value) ? undefined : { outcome: 'ignored', expected: message('newrelic.expected.mapping'), suggestions: [] };
    default:
      return undefined;
  }
}

/** How an option's values are read, in one phrase for hover and completion. */
export function newRelicValueText(option: NewRelicOption): Message {
  if (option.getter === 'getboolean') return message('newrelic.value.boolean');
  if (option.getter === 'getint') return message('newrelic.expected.whole-number');
  if (option.getter === 'getfloat') return message('newrelic.expected.number');
  if (option.getter === 'getratio') return message('newrelic.value.ratio');
  switch (option.mapper) {
    case '_map_log_level':
      return message('newrelic.value.log-level', { levels: NEWRELIC_MAPPER_CHOICES._map_log_level.map((level) => `\`${level.toLowerCase()}\``) });
    case '_map_record_sql':
    case '_map_compressed_content_encoding':
      return message('newrelic.value.lower-case', { choices: NEWRELIC_MAPPER_CHOICES[option.mapper].map((choice) => `\`${choice}\``) });
    case '_map_transaction_threshold':
      return message('newrelic.value.threshold');
    case '_merge_ignore_status_codes':
    case '_merge_expected_status_codes':
      return message('newrelic.value.status-codes');
    case '_map_console_listener_socket':
      return message('newrelic.value.listener-socket');
    case '_map_aws_account_id':
      return message('newrelic.expected.aws-account');
    case '_map_as_mapping':
      return message('newrelic.expected.mapping');
    case '_map_feature_flag':
    case '_map_split_strings':
    case '_map_strip_exception_messages_allowlist':
    case '_map_inc_excl_attributes':
    case '_map_inc_excl_middleware':
    case '_map_case_insensitive_excl_labels':
      return message('newrelic.value.space-names');
    case '_map_split_string_by_comma':
      return message('agent-config.value-kind.comma-names');
    default:
      return message('agent-config.value-kind.text');
  }
}
