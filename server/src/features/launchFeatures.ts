import { Position, Range, comparePositions } from '../text/lineIndex';
import type { DocumentOfKind } from '../model/document';
import type { Launch, LaunchWord } from '../parse/launch/types';
import { allUwsgiOptions, uwsgiOption } from '../knowledge/uwsgi/options';
import { allGunicornSettings } from '../knowledge/gunicorn/settings';
import { uwsgiLongMatches } from '../model/uwsgiCommandLine';
import { gunicornLongMatches } from '../model/gunicornCommandLine';
import { wordPart } from '../model/launchWords';
import { contains } from './uwsgiPositions';
import { uwsgiOptionHover } from './uwsgiHover';
import { gunicornSettingHover } from './gunicornHover';
import type { PydeployHover } from './hover';
import type { PydeployCompletion } from './completion';
import type { Locale } from '../l10n/locale';
import { message, renderText } from '../l10n/message';

/** Hover and completion on the command lines of a launch file. */

function wordAt(launch: Launch, position: Position): LaunchWord | undefined {
  return launch.args.find((word) => contains(word.range, position));
}

/** The option a command-line word names (`--enable-threads`, `--single-interp`, `-M`, `--workers=4`), if it names one. */
function optionOf(server: Launch['server'], word: string, locale: Locale): { docs?: string; written: string } | undefined {
  const written = word.split('=')[0];
  if (server === 'uwsgi') {
    if (/^-[^-]$/.test(written)) {
      const facts = allUwsgiOptions().find((candidate) => candidate.shortcut === written[1]);
      return facts && { docs: uwsgiOptionHover(facts.name, locale), written };
    }
    const matches = written.startsWith('--') ? uwsgiLongMatches(written.slice(2)) : [];
    return matches.length === 1 ? { docs: uwsgiOptionHover(matches[0], locale), written } : undefined;
  }
  const matches = written.startsWith('--') ? gunicornLongMatches(written) : [written];
  const facts = matches.length === 1 ? allGunicornSettings().find((candidate) => candidate.cli.includes(matches[0])) : undefined;
  return facts && { docs: gunicornSettingHover(facts.name, locale), written };
}

/** The documentation of the option under the cursor: a flag on a command line, or a `UWSGI_*` variable. */
export function launchHoverAt(document: DocumentOfKind<'launch'>, position: Position, locale: Locale = 'en'): PydeployHover | undefined {
  for (const launch of document.launches) {
    const word = wordAt(launch, position);
    if (word) {
      const option = word.value.startsWith('-') ? optionOf(launch.server, word.value, locale) : undefined;
      if (option?.docs) return { contents: option.docs, range: wordPart(word, 0, option.written.length) };
      continue;
    }
    const variable = launch.env.find((candidate) => contains(candidate.range, position) && candidate.name.startsWith('UWSGI_'));
    const name = variable?.name.slice(6).toLowerCase().replace(/_/g, '-');
    const docs = name && uwsgiOption(name) ? uwsgiOptionHover(name, locale) : undefined;
    if (variable && docs) return { contents: docs, range: variable.range };
  }
  return undefined;
}

/** Option names for a word that starts with `--` on a uWSGI or Gunicorn command line. */
export function launchCompletionsAt(document: DocumentOfKind<'launch'>, position: Position, locale: Locale = 'en'): PydeployCompletion[] {
  for (const launch of document.launches) {
    const word = wordAt(launch, position);
    if (!word?.value.startsWith('--')) continue;
    const typed = wordPart(word, 0, word.value.length);
    // On the word's opening quote, nothing is typed yet.
    if (comparePositions(position, typed.start) < 0) continue;
    const range: Range = { start: typed.start, end: position };
    if (launch.server === 'uwsgi') {
      const option = renderText(message('completion.uwsgi-option'), locale);
      const flag = renderText(message('completion.uwsgi-flag'), locale);
      return allUwsgiOptions().map((facts) => ({ label: `--${facts.name}`, kind: 'option', detail: facts.argument === 'none' ? flag : option, range }));
    }
    return allGunicornSettings().flatMap((facts) =>
      facts.cli.filter((flag) => flag.startsWith('--')).map((flag): PydeployCompletion => ({ label: flag, kind: 'setting', detail: `Gunicorn \`${facts.name}\``, range })),
    );
  }
  return [];
}
