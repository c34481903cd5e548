import type { PyValue } from '../parse/gunicornPy';
import type { GunicornSettingFacts } from '../knowledge/gunicorn/settings';
import { WORKER_SHORT_NAMES } from '../knowledge/gunicorn/settings';
import { Message, MessageArgument, alternatives, message } from '../l10n/message';

/** A setting's value after Gunicorn's validator, for the values a file gives literally. */
export type EffectiveValue =
  | { kind: 'str'; value: string }
  | { kind: 'int'; value: bigint }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'list'; items: EffectiveValue[] }
  | { kind: 'dict'; entries: [EffectiveValue, EffectiveValue][] };

/**
 * What Gunicorn's validator makes of a value: accepted (with the value it stores, when the file alone
 * tells), refused (and why, in words for the user), or not judged (computed at run time, or it depends
 * on the machine, such as whether a user or folder exists).
 */
export type Verdict =
  | { verdict: 'valid'; effective?: EffectiveValue }
  | { verdict: 'invalid'; problem: Message; when: 'load' | 'start'; suggestions?: string[] }
  | { verdict: 'not-judged' };

const valid = (effective?: EffectiveValue): Verdict => ({ verdict: 'valid', effective });
const invalid = (problem: Message, when: 'load' | 'start' = 'load', suggestions?: string[]): Verdict => ({ verdict: 'invalid', problem, when, suggestions });
const notJudged: Verdict = { verdict: 'not-judged' };

/** How a value reads in a message: the literal the user wrote, kept short. */
export function describe(value: PyValue): MessageArgument {
  switch (value.kind) {
    case 'int':
      return value.value.toString();
    case 'float':
      return String(value.value);
    case 'str':
      return JSON.stringify(value.value.length > 40 ? value.value.slice(0, 37) + '...' : value.value);
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return message('gunicorn.value.list');
    case 'tuple':
      return message('gunicorn.value.tuple');
    case 'set':
      return message('gunicorn.value.set');
    case 'dict':
      return message('gunicorn.value.dict');
    case 'bytes':
      return message('gunicorn.value.bytes');
    case 'lambda':
      return message('gunicorn.value.lambda');
    default:
      return message('gunicorn.value.other');
  }
}

/** Whether the value is something only running the file can tell (names, calls, f-strings). */
function isRuntime(value: PyValue): boolean {
  return value.kind === 'unknown' || value.kind === 'name' || value.kind === 'attribute';
}

/** Python's `int(text, 0)`: optional sign and spaces, `0x`/`0o`/`0b` prefixes, `_` between digits, no leading zeros. */
export function pythonIntBase0(text: string): bigint | undefined {
  const match = /^\s*([+-]?)\s*(0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?0)*|[1-9](?:_?[0-9])*)\s*$/.exec(text);
  if (!match) return undefined;
  const digits = match[2].replace(/_/g, '');
  const magnitude = /^0[xXoObB]/.test(digits) ? BigInt(digits.slice(0, 2).toLowerCase() + digits.slice(2)) : BigInt(digits);
  return match[1] === '-' ? -magnitude : magnitude;
}

/** Python's truthiness for the literal kinds a list setting may get. */
function isFalsy(value: PyValue): boolean | undefined {
  switch (value.kind) {
    case 'none':
      return true;
    case 'bool':
      return !value.value;
    case 'int':
      return value.value === 0n;
    case 'float':
      return value.value === 0;
    case 'str':
      return value.value === '';
    case 'list':
    case 'tuple':
    case 'set':
      return value.items.length === 0;
    case 'dict':
      return value.entries.length === 0;
    default:
      return undefined;
  }
}

function validateBool(value: PyValue): Verdict {
  if (value.kind === 'none') return valid({ kind: 'none' });
  if (value.kind === 'bool') return valid({ kind: 'bool', value: value.value });
  if (value.kind === 'str') {
    const word = value.value.trim().toLowerCase();
    if (word === 'true' || word === 'false') return valid({ kind: 'bool', value: word === 'true' });
    return invalid(message('gunicorn.invalid.bool-string', { value: describe(value) }));
  }
  if (isRuntime(value)) return notJudged;
  return invalid(message('gunicorn.invalid.bool', { value: describe(value) }));
}

function validatePosInt(value: PyValue): Verdict {
  if (value.kind === 'bool') return valid({ kind: 'int', value: value.value ? 1n : 0n });
  if (value.kind === 'int') {
    return value.value < 0n ? invalid(message('gunicorn.invalid.negative', { value: describe(value) })) : valid({ kind: 'int', value: value.value });
  }
  if (value.kind === 'str') {
    const parsed = pythonIntBase0(value.value);
    if (parsed === undefined) return invalid(message('gunicorn.invalid.unreadable-number', { value: describe(value) }));
    return parsed < 0n ? invalid(message('gunicorn.invalid.negative', { value: describe(value) })) : valid({ kind: 'int', value: parsed });
  }
  if (isRuntime(value)) return notJudged;
  return invalid(message('gunicorn.invalid.not-number', { value: describe(value) }));
}

function validateString(value: PyValue): Verdict {
  if (value.kind === 'none') return valid({ kind: 'none' });
  if (value.kind === 'str') return valid({ kind: 'str', value: value.value.trim() });
  if (isRuntime(value)) return notJudged;
  return invalid(message('gunicorn.invalid.not-string', { value: describe(value) }));
}

function validateListOfStrings(value: PyValue): Verdict {
  if (isRuntime(value)) return notJudged;
  if (isFalsy(value)) return valid({ kind: 'list', items: [] });
  if (value.kind === 'str') return valid({ kind: 'list', items: [{ kind: 'str', value: value.value.trim() }] });
  if (value.kind === 'list' || value.kind === 'tuple' || value.kind === 'set') {
    const items: EffectiveValue[] = [];
    let known = value.kind !== 'set';
    for (const item of value.items) {
      const verdict = validateString(item);
      if (verdict.verdict === 'invalid') return invalid(message('gunicorn.invalid.list-item', { value: describe(item) }));
      if (verdict.verdict === 'not-judged' || !verdict.effective) known = false;
      else items.push(verdict.effective);
    }
    return valid(known ? { kind: 'list', items } : undefined);
  }
  if (value.kind === 'dict') return notJudged;
  return invalid(message('gunicorn.invalid.not-string-list', { value: describe(value) }));
}

function validateStringToList(value: PyValue): Verdict {
  const verdict = validateString(value);
  if (verdict.verdict !== 'valid') {
    return verdict.verdict === 'invalid' ? invalid(message('gunicorn.invalid.comma-list', { value: describe(value) })) : verdict;
  }
  const text = verdict.effective?.kind === 'str' ? verdict.effective.value : '';
  const items = text === '' ? [] : text.split(',').filter((item) => item !== '').map((item) => ({ kind: 'str' as const, value: item.trim() }));
  return valid({ kind: 'list', items });
}

function validateDict(value: PyValue): Verdict {
  if (value.kind === 'dict') {
    const entries: [EffectiveValue, EffectiveValue][] = [];
    for (const entry of value.entries) {
      const key = plainEffective(entry.key);
      const item = plainEffective(entry.value);
      if (!key || !item) return valid();
      entries.push([key, item]);
    }
    return valid({ kind: 'dict', entries });
  }
  if (isRuntime(value)) return notJudged;
  return invalid(message('gunicorn.invalid.not-dict', { value: describe(value) }));
}

/** A literal kept as Python keeps it (no validator): strings unstripped, for dict contents. */
function plainEffective(value: PyValue): EffectiveValue | undefined {
  switch (value.kind) {
    case 'str':
      return { kind: 'str', value: value.value };
    case 'int':
      return { kind: 'int', value: value.value };
    case 'bool':
      return { kind: 'bool', value: value.value };
    case 'none':
      return { kind: 'none' };
    default:
      return undefined;
  }
}

function validateWorkerClass(value: PyValue): Verdict {
  if (value.kind !== 'str') return value.kind === 'none' ? valid({ kind: 'none' }) : isRuntime(value) || value.kind === 'lambda' ? notJudged : invalid(message('gunicorn.invalid.not-worker', { value: describe(value) }));
  const name = value.value.trim();
  const effective: EffectiveValue = { kind: 'str', value: name };
  if (WORKER_SHORT_NAMES.has(name) || name.includes('.') || name.startsWith('egg:')) return valid(effective);
  const close = [...WORKER_SHORT_NAMES.keys()].filter((short) => short.toLowerCase() === name.toLowerCase());
  return invalid(
    message('gunicorn.invalid.unknown-worker', { value: describe(value) }),
    'start',
    close,
  );
}

function validateCallable(value: PyValue, arities: readonly number[]): Verdict {
  if (value.kind === 'str') {
    return value.value.includes('.') ? notJudged : invalid(message('gunicorn.invalid.not-import-path', { value: describe(value) }));
  }
  if (value.kind === 'lambda') {
    const { positional, varArgs } = value.signature;
    // Gunicorn counts positional parameters exactly; `*args` is not counted.
    void varArgs;
    if (!arities.includes(positional)) {
      return invalid(
        positional === 1
          ? message('gunicorn.invalid.lambda-one', { arities: alternatives(arities.map(String)) })
          : message('gunicorn.invalid.lambda', { positional, arities: alternatives(arities.map(String)) }),
      );
    }
    return valid();
  }
  if (isRuntime(value)) return notJudged;
  return invalid(message('gunicorn.invalid.not-callable', { value: describe(value) }));
}

function validateChoice(value: PyValue, choices: readonly string[], also: readonly string[] = []): Verdict {
  if (value.kind === 'str') {
    const word = value.value.trim().toLowerCase();
    if (choices.includes(word) || also.includes(word)) return notJudged;
    return invalid(message('gunicorn.invalid.not-choice', { value: describe(value), choices: choices.map((choice) => `"${choice}"`) }));
  }
  return notJudged;
}

/**
 * Mirrors Gunicorn's validator for a setting on a literal value. Where the newest release and 23.0 validate
 * differently, a value is only refused when both refuse it; checks that depend on the machine (does the
 * folder, user or module exist?) are left to Gunicorn.
 */
export function validateSetting(facts: GunicornSettingFacts, value: PyValue): Verdict {
  const validator = facts.validator;
  if (facts.name === 'worker_class') return validateWorkerClass(value);
  switch (validator) {
    case 'validate_bool':
      return validateBool(value);
    case 'validate_pos_int':
      return validatePosInt(value);
    case 'validate_string':
      return validateString(value);
    case 'validate_list_string':
      return validateListOfStrings(value);
    case 'validate_list_of_files_or_patterns': {
      // Older releases also require every file to exist, which only the machine can tell.
      const verdict = validateListOfStrings(value);
      const empty = verdict.verdict === 'valid' && verdict.effective?.kind === 'list' && verdict.effective.items.length === 0;
      return verdict.verdict === 'invalid' || empty ? verdict : notJudged;
    }
    case 'validate_string_to_list':
      return validateStringToList(value);
    case 'validate_string_to_addr_list': {
      // Which addresses are accepted changed between releases; the type did not.
      const verdict = validateStringToList(value);
      return verdict.verdict === 'valid' ? valid() : verdict;
    }
    case 'validate_dict':
      return validateDict(value);
    case 'validate_class':
      if (value.kind === 'str') return valid({ kind: 'str', value: value.value.trim() });
      return isRuntime(value) || value.kind === 'lambda' || value.kind === 'none' ? notJudged : invalid(message('gunicorn.invalid.not-class', { value: describe(value) }));
    case 'validate_post_request':
      return validateCallable(value, facts.arity ?? [2, 3, 4]);
    case 'validate_reload_engine':
      if (value.kind === 'str') {
        return (facts.choices ?? []).includes(value.value) ? valid({ kind: 'str', value: value.value }) : invalid(message('gunicorn.invalid.not-choice', { value: describe(value), choices: (facts.choices ?? []).map((c) => `"${c}"`) }));
      }
      return isRuntime(value) ? notJudged : invalid(message('gunicorn.invalid.not-choice', { value: describe(value), choices: (facts.choices ?? []).map((c) => `"${c}"`) }));
    case 'validate_chdir':
    case 'validate_statsd_address': {
      const verdict = validateString(value);
      return verdict.verdict === 'valid' ? valid() : verdict;
    }
    case 'validate_user':
    case 'validate_group':
      // Names must exist on the machine that runs Gunicorn, so only the type is judged.
      if (value.kind === 'int' || value.kind === 'bool' || value.kind === 'str' || value.kind === 'none' || isRuntime(value)) return notJudged;
      return invalid(message('gunicorn.invalid.not-user', { value: describe(value) }));
    case 'validate_proxy_protocol':
      if (value.kind === 'bool' || value.kind === 'none') return notJudged;
      return validateChoice(value, facts.choices ?? [], ['true', 'false', '1', '0', 'none']);
    case 'validate_http2_cleartext':
      if (value.kind === 'bool') return notJudged;
      return validateChoice(value, facts.choices ?? []);
    case 'validate_header_map_behaviour':
    case 'validate_asgi_loop':
    case 'validate_asgi_lifespan':
    case 'validate_http_parser':
      return validateChoice(value, facts.choices ?? []);
    default: {
      const arity = /^validate_callable\((\d+)\)$/.exec(validator);
      if (arity) return validateCallable(value, [Number(arity[1])]);
      return notJudged;
    }
  }
}

/**
 * What Gunicorn makes of a setting's value given as text on a command line: argparse first reads whole-number
 * settings with Python's `int()` (decimal only; `umask` takes any base), then the setting's validator runs.
 */
export function validateLaunchValue(facts: GunicornSettingFacts, value: PyValue): Verdict {
  if (value.kind !== 'str' || facts.typeKind !== 'int') return validateSetting(facts, value);
  const text = value.value;
  if (facts.name !== 'umask' && !/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(text)) return invalid(message('gunicorn.invalid.not-number', { value: describe(value) }));
  // Gunicorn's `auto_int` reads a leading 0 as octal, as a umask is written.
  const number = facts.name === 'umask' ? pythonIntBase0(text.replace(/^(\s*)0(?=\d)/, '$10o')) : BigInt(text.trim().replace(/_/g, ''));
  if (number === undefined) return invalid(message('gunicorn.invalid.not-number', { value: describe(value) }));
  return validateSetting(facts, { kind: 'int', value: number, range: value.range });
}
