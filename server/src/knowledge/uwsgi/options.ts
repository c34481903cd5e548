import type { UwsgiOptionFacts } from './optionFacts';
import { UWSGI_OPTION_DEFAULTS, UWSGI_OPTION_ROWS } from './options.generated';
import { Message, message } from '../../l10n/message';

export type { UwsgiOptionFacts } from './optionFacts';
export { UWSGI_TABLE_VERSION } from './options.generated';

/** Every option's facts: its row of the generated table, the shared defaults filled in. */
const UWSGI_OPTION_FACTS: readonly UwsgiOptionFacts[] = UWSGI_OPTION_ROWS.map((row) => ({ ...UWSGI_OPTION_DEFAULTS, ...row }));

/**
 * The table is read from uWSGI master (2.1-dev); the few options that 2.0.x reads differently are stored
 * with their 2.0.x reading, which is what deployments run: `memory-report` is a flag there, not a number.
 */
function asInStable(facts: UwsgiOptionFacts): UwsgiOptionFacts {
  return facts.stableDiffers ? { ...facts, ...facts.stableDiffers } : facts;
}

const byName = new Map<string, UwsgiOptionFacts>(UWSGI_OPTION_FACTS.map((facts) => [facts.name, asInStable(facts)]));

/** What uWSGI 2.0.x knows of an option, or undefined for a key that is no option. */
export function uwsgiOption(name: string): UwsgiOptionFacts | undefined {
  return byName.get(name);
}

export function allUwsgiOptions(): readonly UwsgiOptionFacts[] {
  return UWSGI_OPTION_FACTS;
}

/**
 * Names that set the same variable the same way, itself excluded (e.g. `workers` for `processes`). Options
 * that only share a structure (`http` and `https` fill one router with different setters) are not aliases.
 */
export function uwsgiAliases(facts: UwsgiOptionFacts): readonly string[] {
  return aliasesByName.get(facts.name) ?? [];
}

const aliasesByName = new Map<string, string[]>();
{
  const byVariable = new Map<string, string[]>();
  for (const facts of UWSGI_OPTION_FACTS) {
    if (!facts.target.startsWith('&')) continue;
    const key = `${facts.target} ${facts.setter}`;
    const names = byVariable.get(key);
    if (names) names.push(facts.name);
    else byVariable.set(key, [facts.name]);
  }
  for (const names of byVariable.values()) {
    for (const name of names) if (names.length > 1) aliasesByName.set(name, names.filter((other) => other !== name));
  }
}

/** One sentence per value kind, saying how uWSGI reads a value of that kind from a config file. */
export const VALUE_KIND_TEXT: Record<UwsgiOptionFacts['valueKind'], Message> = {
  flag: message('uwsgi.value-kind.flag'),
  int: message('uwsgi.value-kind.int'),
  size: message('uwsgi.value-kind.size'),
  string: message('uwsgi.value-kind.string'),
  list: message('uwsgi.value-kind.list'),
  other: message('uwsgi.value-kind.other'),
};
