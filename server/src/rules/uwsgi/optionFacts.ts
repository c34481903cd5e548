import { UwsgiOptionFacts, uwsgiOption } from '../../knowledge/uwsgi/options';
import type { UwsgiConfig } from '../../model/uwsgiConfig';

const known = new WeakMap<UwsgiConfig, ReadonlyArray<UwsgiOptionFacts | undefined>>();

/**
 * What the option table says of each option of a config, in the order of `config.options` (undefined for a key that is
 * no option). Most uWSGI rules ask it of every line: looked up once per config, each rule then reads one array instead
 * of every line's key.
 */
export function optionFacts(config: UwsgiConfig): ReadonlyArray<UwsgiOptionFacts | undefined> {
  let facts = known.get(config);
  if (!facts) {
    facts = config.options.map((option) => uwsgiOption(option.entry.key));
    known.set(config, facts);
  }
  return facts;
}
