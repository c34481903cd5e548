import { uwsgiAliases } from '../../knowledge/uwsgi/options';
import { UwsgiConfig, UwsgiOption, readsAsNumber } from '../../model/uwsgiConfig';
import type { Finding } from '../types';
import { defineRule } from '../types';
import { Message, message } from '../../l10n/message';

interface Conflict {
  /** The line the finding sits on, and the one a fix removes. */
  option: UwsgiOption;
  other: UwsgiOption;
  message: Message;
  /** Whether removing the line keeps what uWSGI does (then the fix is safe to apply with the others). */
  removable: boolean;
}

const lineOf = (option: UwsgiOption) => option.entry.line + 1;

/** Two names for one setting (`processes`/`workers`, `home`/`virtualenv`): the later line wins. */
function aliasConflicts(config: UwsgiConfig): Conflict[] {
  const byTarget = new Map<string, UwsgiOption>();
  const conflicts: Conflict[] = [];
  // `home = %(virtualenv)` reads the earlier line's value: that line is used, and removing it breaks the start.
  const referenced = config.referencedNames;
  const { options } = config;
  const allFacts = config.optionFacts;
  for (let at = 0; at < options.length; at++) {
    const facts = allFacts[at];
    const option = options[at];
    if (!facts || facts.repeatable || facts.valueKind === 'list' || uwsgiAliases(facts).length === 0 || option.conditional) continue;
    const earlier = byTarget.get(facts.target);
    if (earlier && uwsgiAliases(facts).includes(earlier.entry.key) && earlier.local && !referenced.has(earlier.entry.key)) {
      conflicts.push({
        option: earlier,
        other: option,
        message: message('uwsgi/conflicting-options.alias', { key: earlier.entry.key, other: option.entry.key, line: lineOf(option) }),
        removable: true,
      });
    }
    byTarget.set(facts.target, option);
  }
  return conflicts;
}

function pairConflicts(config: UwsgiConfig): Conflict[] {
  const conflicts: Conflict[] = [];
  const lazy = config.flag('lazy');
  const lazyApps = config.flag('lazy-apps');
  if (lazy.state === 'on' && lazyApps.state === 'on' && lazy.option?.local && lazyApps.option) {
    conflicts.push({
      option: lazy.option,
      other: lazyApps.option,
      message: message('uwsgi/conflicting-options.lazy', { line: lineOf(lazyApps.option) }),
      removable: false,
    });
  }
  const module = config.last('module') ?? config.last('wsgi');
  const file = config.last('wsgi-file') ?? config.last('file');
  if (module && file && !module.conditional && !file.conditional) {
    const [first, second] = module.entry.line < file.entry.line || !module.local ? [module, file] : [file, module];
    if (second.local) {
      conflicts.push({
        option: second,
        other: first,
        message: message('uwsgi/conflicting-options.two-apps', { key: second.entry.key, other: first.entry.key, line: lineOf(first) }),
        removable: false,
      });
    }
  }
  const enableThreads = config.flag('enable-threads');
  const threads = config.last('threads');
  // Only `threads` above 1 overrides `enable-threads = false`; with 0 or 1 threads stay off (enable-threads rule).
  if (enableThreads.state === 'off' && enableThreads.option?.local && threads && !threads.conditional && readsAsNumber(threads.entry.value) > 1) {
    conflicts.push({
      option: enableThreads.option,
      other: threads,
      message: message('uwsgi/conflicting-options.threads', { line: lineOf(threads), value: enableThreads.option.entry.value }),
      removable: true,
    });
  }
  return conflicts;
}

export const conflictingOptionsRule = defineRule({
  id: 'uwsgi/conflicting-options',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Options that contradict each other or set one setting twice under two names.',
    details:
      'Reported: two names for one setting (`processes` and `workers`, `home` and `virtualenv`, ...), `lazy` together ' +
      'with `lazy-apps`, `module` together with `wsgi-file` for the same mountpoint, and `enable-threads = false` ' +
      'next to a `threads` line that turns threads on anyway. A line whose name is read as `%(name)` is used, so it is ' +
      'not reported. Where removing the line changes nothing, a fix removes it.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'processes = 4', 'workers = 8'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'workers = 8'],
    },
    fix: 'Keep one of the two lines. Where removing the reported line changes nothing, a quick fix removes it.',
    silence: 'When both lines are there on purpose, for example kept in step by a template.',
  },
  check: (document): Finding<Conflict>[] =>
    [...aliasConflicts(document.uwsgi), ...pairConflicts(document.uwsgi)].map((conflict) => ({
      range: conflict.option.entry.keyRange,
      message: conflict.message,
      data: conflict,
      related: conflict.other.local ? [{ range: conflict.other.entry.keyRange, message: message('related.set-here', { key: conflict.other.entry.key }) }] : undefined,
    })),
  fixes: (_document, finding) =>
    finding.data.option.origin === 'ini' && (finding.data.removable || finding.data.option.entry.key === 'lazy')
      ? [{ title: message('fix.remove-line'), isPreferred: false, changes: [{ kind: 'delete-line' as const, line: finding.data.option.entry.line }] }]
      : [],
});
