import type { UwsgiOption } from '../../model/uwsgiConfig';
import { hasExpansion } from '../../model/uwsgiConfig';
import type { Finding } from '../types';
import { defineRule } from '../types';
import { message } from '../../l10n/message';
import { quoted } from '../quoted';

/** uWSGI's default `min-worker-lifetime`, in seconds (core/uwsgi.c). */
const DEFAULT_MIN_WORKER_LIFETIME = 10;

interface LifetimeOrder {
  max: UwsgiOption;
  maxSeconds: number;
  min?: UwsgiOption;
}

/** The seconds a lifetime option sets, or undefined when the file alone does not say (placeholders, a block, junk). */
function seconds(option: UwsgiOption): number | undefined {
  const value = option.entry.value.trim();
  if (option.conditional || option.opaque || hasExpansion(value) || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

export const workerLifetimeRule = defineRule({
  id: 'uwsgi/worker-lifetime',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  docs: {
    summary: '`max-worker-lifetime` not above `min-worker-lifetime` (10 seconds unless set): uWSGI exits as it starts.',
    details:
      'Before it forks any worker, uWSGI checks that a worker may live longer than the minimum it must live: when ' +
      '`max-worker-lifetime` is set and `min-worker-lifetime` (10 seconds by default) is not below it, uWSGI logs ' +
      '`invalid min-worker-lifetime value` and exits with status 1. A short `max-worker-lifetime` such as 5, written to ' +
      'recycle workers often, therefore stops the whole server. Every uWSGI 2.0 release does this.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'max-worker-lifetime = 5'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'max-worker-lifetime = 3600'],
    },
    fix: 'Raise `max-worker-lifetime` above `min-worker-lifetime` (a worker recycled every few seconds is rarely what you want), or lower `min-worker-lifetime`; the quick fix does the latter.',
    silence: 'Never: uWSGI does not start with this configuration.',
  },
  check: (document): Finding<LifetimeOrder>[] => {
    const config = document.uwsgi;
    const max = config.lastOfAliases('max-worker-lifetime');
    const maxSeconds = max && seconds(max);
    if (!max || maxSeconds === undefined || maxSeconds === 0) return [];
    const min = config.lastOfAliases('min-worker-lifetime');
    const minSeconds = min ? seconds(min) : DEFAULT_MIN_WORKER_LIFETIME;
    if (minSeconds === undefined || minSeconds < maxSeconds) return [];
    // On the line the user can change here: the maximum, else the minimum that this file sets too high.
    const reported = max.local ? max : min?.local ? min : undefined;
    if (!reported) return [];
    const other = reported === max ? min : max;
    return [
      {
        range: reported.entry.valueRange,
        message: message(min ? 'uwsgi/worker-lifetime.set' : 'uwsgi/worker-lifetime.default', { max: maxSeconds, min: minSeconds }),
        data: { max, maxSeconds, min },
        related: other?.local ? [{ range: other.entry.valueRange, message: message('uwsgi/worker-lifetime.other', { key: other.entry.key }) }] : undefined,
      },
    ];
  },
  fixes: (document, finding) => {
    const { max, maxSeconds, min } = finding.data;
    // Written where the file already sets the lifetimes: a launch's command line is edited by hand.
    if ((min ?? max).origin !== 'ini' || !(min ?? max).local) return [];
    const value = String(maxSeconds - 1);
    return [
      {
        title: message('fix.set-to', { key: quoted('min-worker-lifetime'), value: quoted(value) }),
        isPreferred: false,
        changes: [
          min
            ? { kind: 'replace' as const, range: min.entry.valueRange, newText: value }
            : { kind: 'set-ini-option' as const, section: document.uwsgi.sectionName, key: 'min-worker-lifetime', value },
        ],
      },
    ];
  },
});
