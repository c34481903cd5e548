import { UwsgiOption, readFlag } from '../../model/uwsgiConfig';
import { uwsgiOption } from '../../knowledge/uwsgi/options';
import { basename } from '../../text/paths';
import type { Finding, RelatedLocation } from '../types';
import { defineRule } from '../types';
import { isSingleValued } from './duplicateOption';
import { Message, message } from '../../l10n/message';

/** How a value is named in a message: `--processes` on a command line, `UWSGI_PROCESSES`, `processes = 4` in a file. */
function shown(option: UwsgiOption): string {
  const { key, value } = option.entry;
  if (option.origin === 'cli') return `\`--${key}\``;
  if (option.origin === 'env') return `\`UWSGI_${key.toUpperCase().replace(/-/g, '_')}\``;
  return `\`${key} = ${value}\``;
}

function place(option: UwsgiOption): Message {
  const file = basename(option.source.path);
  const where = message(
    option.origin === 'ini' ? 'uwsgi/overridden-option.file' : option.origin === 'cli' ? 'uwsgi/overridden-option.command-line' : 'uwsgi/overridden-option.environment',
    { file },
  );
  return message('uwsgi/overridden-option.place', { where, line: option.entry.line + 1 });
}

function related(option: UwsgiOption, local: boolean, said: Message): RelatedLocation {
  return { range: option.entry.keyRange, message: said, ...(local ? {} : { path: option.source.path }) };
}

function sameValue(a: UwsgiOption, b: UwsgiOption): boolean {
  if (uwsgiOption(a.entry.key)?.valueKind === 'flag') return readFlag(a.entry.value) === readFlag(b.entry.value);
  return a.entry.value === b.entry.value;
}

export const overriddenOptionRule = defineRule({
  id: 'uwsgi/overridden-option',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'information',
  docs: {
    summary: 'A single-valued option is set both in a config file and by the launch (command line or `UWSGI_*` variable).',
    details:
      'uWSGI collects the `UWSGI_*` variables first, then the command line, with each config file it names read where ' +
      'it is named; for an option that holds one value the last one wins. pydeploy shows both places, so that a value in ' +
      'the config file that the launch replaces is not taken for the one in force.',
    example: {
      file: 'Dockerfile',
      wrong: ['FROM python:3.12-slim', 'ENV UWSGI_PROCESSES=2', 'CMD ["uwsgi", "--http-socket", ":8000", "--module", "app:application", "--processes", "4"]'],
      right: ['FROM python:3.12-slim', 'CMD ["uwsgi", "--http-socket", ":8000", "--module", "app:application", "--processes", "4"]'],
    },
    fix: 'Keep the value in one place: remove it from the source that does not win (the related location shows both).',
    silence: 'When the override is deliberate (a default in the ini file that one launch changes on purpose).',
  },
  check: (document): Finding<UwsgiOption>[] => {
    const { options } = document.uwsgi;
    // Only a launch gives options another origin than the file: a config read on its own has nothing to report.
    if (options.every(({ origin }) => origin === 'ini')) return [];
    const byKey = new Map<string, UwsgiOption[]>();
    for (const option of options) {
      if (option.conditional || !isSingleValued(option.entry.key)) continue;
      const sameKey = byKey.get(option.entry.key);
      if (sameKey) sameKey.push(option);
      else byKey.set(option.entry.key, [option]);
    }
    const findings: Finding<UwsgiOption>[] = [];
    for (const options of byKey.values()) {
      const winner = options[options.length - 1];
      const overridden = options.filter((option) => option.origin !== winner.origin).pop();
      // The same value in both places changes nothing (`master = true` and `--master`).
      if (!overridden || sameValue(overridden, winner)) continue;
      if (overridden.local) {
        findings.push({
          range: overridden.entry.keyRange,
          message: message('uwsgi/overridden-option.loses', { winner: shown(winner), place: place(winner), overridden: shown(overridden) }),
          related: [related(winner, winner.local, message('related.wins', { setting: shown(winner) }))],
          data: overridden,
        });
      }
      if (winner.local) {
        findings.push({
          range: winner.entry.keyRange,
          message: message('uwsgi/overridden-option.wins', { winner: shown(winner), overridden: shown(overridden), place: place(overridden) }),
          related: [related(overridden, overridden.local, message('related.overridden', { setting: shown(overridden) }))],
          data: winner,
        });
      }
    }
    return findings;
  },
  fixes: () => [],
});
