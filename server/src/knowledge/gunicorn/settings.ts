import type { GunicornSettingFacts } from './settingFacts';
import { typoDistance } from '../suggest';
import { GUNICORN_SETTING_FACTS, GUNICORN_WORKER_CLASSES } from './settings.generated';
import { Message, message } from '../../l10n/message';

export type { GunicornSettingFacts } from './settingFacts';
export { GUNICORN_TABLE_VERSION } from './settings.generated';

const byName = new Map<string, GunicornSettingFacts>(GUNICORN_SETTING_FACTS.map((facts) => [facts.name, facts]));

export function gunicornSetting(name: string): GunicornSettingFacts | undefined {
  return byName.get(name);
}

export function allGunicornSettings(): readonly GunicornSettingFacts[] {
  return GUNICORN_SETTING_FACTS;
}

/** Worker short names any supported release knows (newest and 23.0, which still has `eventlet`), with their classes. */
export const WORKER_SHORT_NAMES: ReadonlyMap<string, string> = new Map<string, string>([
  ...Object.entries(GUNICORN_WORKER_CLASSES.v23),
  ...Object.entries(GUNICORN_WORKER_CLASSES.head),
]);

/** Short names the newest release no longer has. */
export function workerRemovedInNewest(name: string): boolean {
  return !(name in GUNICORN_WORKER_CLASSES.head) && name in GUNICORN_WORKER_CLASSES.v23;
}

/**
 * Names people write for a setting that Gunicorn reads under another name: the command-line flag spelt
 * as a Python name (`pid` for `pidfile`, `--access-logfile` for `accesslog`), derived from the table.
 */
const FLAG_SPELLINGS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const facts of GUNICORN_SETTING_FACTS) {
    for (const flag of facts.cli) {
      if (!flag.startsWith('--')) continue;
      const spelt = flag.slice(2).replace(/-/g, '_');
      if (spelt !== facts.name && !byName.has(spelt) && !spelt.startsWith('no_')) map.set(spelt, facts.name);
    }
  }
  return map;
})();

/** Settings older Gunicorn releases had and current ones ignore, with what replaced them. */
export const FORMER_SETTINGS: Readonly<Record<string, { removedIn: string; instead: readonly string[]; note: Message }>> = {
  debug: {
    removedIn: '19.0',
    instead: ['reload', 'loglevel'],
    note: message('gunicorn/unknown-setting.debug'),
  },
};

export interface SettingSuggestion {
  name: string;
  why: 'case' | 'flag' | 'former' | 'typo';
}

/**
 * The settings a non-setting name most likely meant, best first; empty when it looks like nothing
 * Gunicorn knows (a helper variable then, not a mistake).
 */
export function suggestSettings(name: string): SettingSuggestion[] {
  if (byName.has(name)) return [];
  const lower = name.toLowerCase();
  if (lower !== name && byName.has(lower)) return [{ name: lower, why: 'case' }];
  const flag = FLAG_SPELLINGS.get(lower);
  if (flag) return [{ name: flag, why: 'flag' }];
  const former = FORMER_SETTINGS[lower];
  if (former) return former.instead.map((instead) => ({ name: instead, why: 'former' }));
  const scored = GUNICORN_SETTING_FACTS.map((facts) => ({ name: facts.name, distance: typoDistance(lower, facts.name) }))
    .filter((scoredName): scoredName is { name: string; distance: number } => scoredName.distance !== undefined)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, 3).map((scoredName) => ({ name: scoredName.name, why: 'typo' }));
}

/** The worker short names closest to a misspelt one. */
export function suggestWorkerClasses(value: string): string[] {
  const lower = value.toLowerCase();
  if (WORKER_SHORT_NAMES.has(lower)) return [lower];
  return [...WORKER_SHORT_NAMES.keys()]
    .map((name) => ({ name, distance: typoDistance(lower, name) }))
    .filter((scored): scored is { name: string; distance: number } => scored.distance !== undefined)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .map((scored) => scored.name);
}
