import { allUwsgiOptions } from './options';
import { Message, message } from '../../l10n/message';

/**
 * Options that only adjust a feature of uWSGI which other options turn on: without one of those, uWSGI reads the
 * adjusting option without a word and nothing ever uses it. Each entry was checked against uWSGI's sources (2.0.21,
 * 2.0.30) and, where Debian's 2.0.21 has the option, by running it (test/differential/ineffectiveOptions.test.ts).
 */

/** Something to write instead of an option that has no effect where it sits, when uWSGI has an equivalent there. */
export type Replacement =
  /** The same setting for the workers' own sockets: rename the option's key, when one of `sockets` is set. */
  | { kind: 'rename-option'; to: string; sockets: readonly string[]; text: Message }
  /** A socket kind that does the job itself: rename the `from` socket line's key to `to`. */
  | { kind: 'rename-socket'; from: string; to: string; text: Message };

export interface UwsgiFeature {
  /** What the messages call it. */
  name: string;
  /** Options that turn it on: a number above 0, a flag that is on, or any other value. */
  enabledBy: readonly string[];
  /** The options that only adjust it. */
  adjusters: readonly string[];
  /** Why an adjuster does nothing without the feature, as a clause after "has no effect: ". */
  reason: Message;
  /** What works instead, by adjuster. */
  instead?: Readonly<Record<string, readonly Replacement[]>>;
}

/** Options that start the HTTP router process (plugins/http: each adds a router socket; see corerouter.c). */
const HTTP_ROUTER_STARTERS = ['http', 'httprouter', 'https', 'https2', 'http-to-https'];

/**
 * The http plugin's own options, all read by the router process only. `http-zerg` is left out: it attaches the
 * router to a zerg server's sockets without the usual start, a setup too rare to judge here.
 */
const HTTP_ROUTER_OPTIONS = allUwsgiOptions()
  .filter((facts) => facts.plugin === 'http' && !HTTP_ROUTER_STARTERS.includes(facts.name) && facts.name !== 'http-zerg')
  .map((facts) => facts.name);

/** The sockets on which the workers parse HTTP themselves (proto/http.c), with no router in front of them. */
export const WORKER_HTTP_SOCKETS = ['http-socket', 'http11-socket', 'https-socket'];

export const UWSGI_FEATURES: readonly UwsgiFeature[] = [
  {
    name: 'the HTTP router',
    enabledBy: HTTP_ROUTER_STARTERS,
    adjusters: HTTP_ROUTER_OPTIONS,
    reason: message('uwsgi.feature.http-router'),
    instead: {
      'http-keepalive': [
        { kind: 'rename-socket', from: 'http-socket', to: 'http11-socket', text: message('uwsgi.instead.http11-socket') },
      ],
      'http-enable-proxy-protocol': [
        { kind: 'rename-option', to: 'enable-proxy-protocol', sockets: WORKER_HTTP_SOCKETS, text: message('uwsgi.instead.enable-proxy-protocol') },
      ],
      'http-modifier1': [{ kind: 'rename-option', to: 'http-socket-modifier1', sockets: ['http-socket', 'http11-socket'], text: message('uwsgi.instead.http-socket-modifier', { option: 'http-socket-modifier1' }) }],
      'http-modifier2': [{ kind: 'rename-option', to: 'http-socket-modifier2', sockets: ['http-socket', 'http11-socket'], text: message('uwsgi.instead.http-socket-modifier', { option: 'http-socket-modifier2' }) }],
    },
  },
  {
    name: 'cheaper mode',
    enabledBy: ['cheaper'],
    adjusters: [
      'cheaper-initial',
      'cheaper-algo',
      'cheaper-step',
      'cheaper-overload',
      'cheaper-idle',
      'cheaper-rss-limit-soft',
      'cheaper-rss-limit-hard',
      ...allUwsgiOptions().filter((facts) => facts.plugin === 'cheaper_busyness').map((facts) => facts.name),
    ],
    reason: message('uwsgi.feature.cheaper'),
  },
  {
    name: 'harakiri',
    enabledBy: ['harakiri'],
    adjusters: ['harakiri-verbose', 'harakiri-no-arh', 'harakiri-graceful-timeout', 'harakiri-graceful-signal'],
    reason: message('uwsgi.feature.harakiri'),
  },
  {
    name: 'recycling after a number of requests',
    enabledBy: ['max-requests'],
    adjusters: ['max-requests-delta'],
    reason: message('uwsgi.feature.max-requests'),
  },
  {
    name: 'recycling after a lifetime',
    enabledBy: ['max-worker-lifetime'],
    adjusters: ['max-worker-lifetime-delta'],
    reason: message('uwsgi.feature.max-worker-lifetime'),
  },
  {
    name: 'the stats server',
    enabledBy: ['stats', 'stats-server', 'stats-push'],
    adjusters: ['stats-http', 'stats-minified', 'stats-min', 'stats-no-cores', 'stats-no-metrics'],
    reason: message('uwsgi.feature.stats'),
  },
  {
    name: 'the spooler',
    enabledBy: ['spooler', 'spooler-external'],
    adjusters: ['spooler-processes', 'spooler-ordered', 'spooler-chdir', 'spooler-quiet', 'spooler-max-tasks', 'spooler-harakiri', 'spooler-frequency', 'spooler-freq'],
    reason: message('uwsgi.feature.spooler'),
  },
];

const featureByAdjuster = new Map<string, UwsgiFeature>(UWSGI_FEATURES.flatMap((feature) => feature.adjusters.map((name) => [name, feature] as const)));

/** The feature an option only adjusts, or undefined for an option that works on its own. */
export function featureAdjustedBy(name: string): UwsgiFeature | undefined {
  return featureByAdjuster.get(name);
}
