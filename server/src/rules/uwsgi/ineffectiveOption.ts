import { uwsgiOption } from '../../knowledge/uwsgi/options';
import { Replacement, UwsgiFeature, WORKER_HTTP_SOCKETS, featureAdjustedBy } from '../../knowledge/uwsgi/optionDependencies';
import { UwsgiConfig, UwsgiOption, hasExpansion, readFlag, readsAsNumber } from '../../model/uwsgiConfig';
import type { Change } from '../change';
import type { Finding, Fix, RelatedLocation } from '../types';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

interface IneffectiveData {
  option: UwsgiOption;
  /** What works instead here, with the changes that make it so. */
  replacements: Array<{ replacement: Replacement; changes: Change[] }>;
}

/** Whether one line of an option that turns a feature on does turn it on. */
function turnsOn(option: UwsgiOption): boolean {
  const { key, value } = option.entry;
  switch (uwsgiOption(key)?.valueKind) {
    case 'int':
    case 'size':
      return readsAsNumber(value) > 0;
    case 'flag':
      return readFlag(value) === 'on';
    default:
      return true;
  }
}

/** Whether the feature is on, off, or depends on what the file alone cannot tell (a block, a placeholder, an unread include). */
function featureState(config: UwsgiConfig, feature: UwsgiFeature): 'on' | 'off' | 'unknown' {
  let unknown = config.isIncomplete;
  for (const name of feature.enabledBy) {
    const facts = uwsgiOption(name);
    const all = config.all(name);
    // A single-valued option is decided by its last line; every line of a list adds one more.
    const deciding = facts?.repeatable ? all : all.slice(-1);
    for (const option of deciding) {
      if (option.conditional || hasExpansion(option.entry.value)) unknown = true;
      else if (turnsOn(option)) return 'on';
    }
  }
  return unknown ? 'unknown' : 'off';
}

/** The socket lines on which the workers speak HTTP themselves, in the file itself and outside any block. */
function workerHttpSockets(config: UwsgiConfig, names: readonly string[]): UwsgiOption[] {
  return names.flatMap((name) => config.all(name)).filter((option) => option.local && !option.conditional);
}

function replacementChanges(config: UwsgiConfig, option: UwsgiOption, replacement: Replacement): Change[] | undefined {
  if (replacement.kind === 'rename-option') {
    if (workerHttpSockets(config, replacement.sockets).length === 0) return undefined;
    // The setting is there already: the line only has to go (the removal fix).
    if (config.all(replacement.to).length > 0) return undefined;
    return [{ kind: 'replace', range: option.entry.keyRange, newText: replacement.to }];
  }
  const sockets = workerHttpSockets(config, [replacement.from]);
  if (sockets.length === 0) return undefined;
  return [...sockets.map((socket): Change => ({ kind: 'replace', range: socket.entry.keyRange, newText: replacement.to })), { kind: 'delete-line', line: option.entry.line }];
}

export const ineffectiveOptionRule = defineRule({
  id: 'uwsgi/ineffective-option',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'An option that only adjusts a feature which nothing in the config turns on, so uWSGI reads it and never uses it.',
    details:
      'uWSGI accepts these without a word: the HTTP router\'s options (`http-keepalive`, `http-timeout`, ' +
      '`http-enable-proxy-protocol`, every `http-*` option of the http plugin) when no `http`/`https` router runs, ' +
      'for instance with only `http-socket`, where each worker speaks HTTP itself; `cheaper-*` without `cheaper`; ' +
      '`harakiri-verbose` and the other harakiri tweaks without `harakiri`; `max-requests-delta` without ' +
      '`max-requests`; `stats-http` and the like without `stats`; `spooler-*` without a spooler. Where uWSGI has an ' +
      'equivalent that works in place (`http11-socket` for keep-alive, `enable-proxy-protocol`, ' +
      '`http-socket-modifier1`), the message names it and a fix switches to it; another fix removes the line. ' +
      'Nothing is reported when the feature may be turned on where the file alone cannot tell (an `if-*` block, a ' +
      'placeholder, an include pydeploy cannot read).',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'http-socket = :8000', 'http-keepalive = 1'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'http11-socket = :8000'],
    },
    fix: 'Where uWSGI has a setting that works in place, a quick fix switches to it (`http11-socket` for keep-alive, `enable-proxy-protocol`); another removes the line. None is applied by Fix all: each changes what the server does.',
    silence: 'When a rendering step or a command line you keep elsewhere turns the feature on (for example `--http` in a launch script pydeploy does not read).',
  },
  check: (document): Finding<IneffectiveData>[] => {
    const config = document.uwsgi;
    const referenced = config.referencedNames;
    const states = new Map<UwsgiFeature, ReturnType<typeof featureState>>();
    const findings: Finding<IneffectiveData>[] = [];
    const { options } = config;
    const allFacts = config.optionFacts;
    for (let at = 0; at < options.length; at++) {
      // Most lines adjust no feature, which the table's facts tell without reading the line. An option of uWSGI 2.1
      // alone is unknown to every release (uwsgi/unknown-option says so).
      const facts = allFacts[at];
      const feature = facts && featureAdjustedBy(facts.name);
      if (!feature || !facts.inStable) continue;
      const option = options[at];
      const { key, value } = option.entry;
      // A line used as `%(name)` is a value some other line needs; a flag written as off changes nothing anyway.
      if (!option.local || referenced.has(key) || (facts.valueKind === 'flag' && readFlag(value) === 'off')) continue;
      let state = states.get(feature);
      if (!state) {
        state = featureState(config, feature);
        states.set(feature, state);
      }
      if (state !== 'off') continue;
      const replacements = (feature.instead?.[key] ?? []).flatMap((replacement) => {
        const changes = replacementChanges(config, option, replacement);
        return changes ? [{ replacement, changes }] : [];
      });
      const sockets = feature.enabledBy.includes('http') ? workerHttpSockets(config, WORKER_HTTP_SOCKETS) : [];
      const instead = replacements.map(({ replacement }) => message('uwsgi/ineffective-option.instead', { text: replacement.text }));
      const related: RelatedLocation[] = sockets.slice(0, 1).map((socket) => ({ range: socket.entry.keyRange, message: message('uwsgi/ineffective-option.worker-http') }));
      findings.push({
        range: option.entry.keyRange,
        message: message('uwsgi/ineffective-option.found', { key, reason: feature.reason, instead }),
        data: { option, replacements },
        ...(related.length > 0 ? { related } : {}),
      });
    }
    return findings;
  },
  fixes: (_document, finding): Fix[] => [
    ...finding.data.replacements.map(({ replacement, changes }) => ({
      title:
        replacement.kind === 'rename-option'
          ? message('fix.change-to', { from: `'${finding.data.option.entry.key}'`, to: `'${replacement.to}'` })
          : message('uwsgi/ineffective-option.use-instead', { to: replacement.to, from: replacement.from }),
      // Each changes what the server does (that is the point): the user picks it, "fix all" does not.
      isPreferred: false,
      changes,
    })),
    { title: message('fix.remove-line'), isPreferred: false, changes: [{ kind: 'delete-line', line: finding.data.option.entry.line }] },
  ],
});
