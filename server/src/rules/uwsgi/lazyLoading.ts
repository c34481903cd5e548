import type { FlagState, UwsgiConfig, UwsgiOption } from '../../model/uwsgiConfig';

/**
 * Whether uWSGI loads the app in each worker after the fork (`lazy-apps`, or the older `lazy`) rather than in the
 * master before it (prefork mode): the option that turns it on, else one that may (a conditional line), else off.
 */
export function lazyLoading(config: UwsgiConfig): { state: FlagState; option?: UwsgiOption } {
  const flags = ['lazy-apps', 'lazy'].map((key) => config.flag(key));
  const found = flags.find(({ state }) => state === 'on') ?? flags.find(({ state }) => state === 'unknown');
  return found?.option ? { state: found.state === 'on' ? 'on' : 'unknown', option: found.option } : { state: 'off' };
}
