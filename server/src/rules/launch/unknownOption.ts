import { allUwsgiOptions } from '../../knowledge/uwsgi/options';
import { didYouMean } from '../../knowledge/suggest';
import type { Launch } from '../../parse/launch/types';
import type { Range } from '../../text/lineIndex';
import { CommandLineProblem, readUwsgiCommandLine } from '../../model/uwsgiCommandLine';
import { gunicornLongFlags, readGunicornCommandLine } from '../../model/gunicornCommandLine';
import type { Finding, Fix } from '../types';
import { defineRule } from '../types';
import { quoted } from '../quoted';
import { uwsgiOptionSince } from '../../knowledge/uwsgi/optionVersions';
import { PackageVersion, allowsOnlyBelow, describePin } from '../../model/projectVersion';
import { Message, message } from '../../l10n/message';

interface UnknownOptionData {
  launch: Launch;
  /** What the reader refused; absent for an option the pinned uWSGI does not have yet, which no fix renames. */
  problem?: CommandLineProblem;
  /** What the written name is replaced with by the fixes, dashes included. */
  replacements: string[];
}

const UWSGI_NAMES = allUwsgiOptions().map((facts) => facts.name);
const GUNICORN_NAMES = gunicornLongFlags().map((flag) => flag.slice(2));

/** The name as written, dashes included: uWSGI's problems name long options without them. */
function written(launch: Launch, problem: CommandLineProblem): string {
  if (launch.server === 'gunicorn' || problem.name.startsWith('-')) return problem.name;
  return problem.name.length === 1 && !problem.word.value.startsWith('--') ? `-${problem.name}` : `--${problem.name}`;
}

function isExactly(range: Range, text: string): boolean {
  return range.start.line === range.end.line && range.end.character - range.start.character === text.length;
}

function describe(launch: Launch, problem: CommandLineProblem): { said: Message; replacements: string[] } {
  const program = launch.server === 'uwsgi' ? 'uWSGI' : 'Gunicorn';
  const name = written(launch, problem);
  switch (problem.kind) {
    case 'unknown': {
      const bare = name.replace(/^-+/, '');
      const candidates = name.startsWith('--') ? didYouMean(bare, launch.server === 'uwsgi' ? UWSGI_NAMES : GUNICORN_NAMES, '-').map((candidate) => `--${candidate}`) : [];
      const refusal = launch.server === 'uwsgi' ? `uwsgi: unrecognized option '${name}'` : `gunicorn: error: unrecognized arguments: ${name}`;
      const hint = candidates.length > 0 ? message('did-you-mean', { candidates: candidates.map((candidate) => `\`${candidate}\``) }) : '';
      return { said: message('launch/unknown-option.unknown', { name, program, refusal, hint }), replacements: candidates };
    }
    case 'ambiguous': {
      const shown = problem.candidates.slice(0, 6).map((candidate) => `\`${candidate.startsWith('--') ? candidate : `--${candidate}`}\``);
      const more = problem.candidates.length > 6 ? message('launch/unknown-option.more', { count: problem.candidates.length - 6 }) : '';
      return { said: message('launch/unknown-option.ambiguous', { name, program, candidates: shown, more }), replacements: [] };
    }
    case 'missing-value':
      return { said: message('launch/unknown-option.missing-value', { name, program }), replacements: [] };
    case 'unexpected-value':
      return { said: message('launch/unknown-option.unexpected-value', { name: problem.name.startsWith('-') ? problem.name : `--${problem.name}`, program }), replacements: [] };
    case 'unloadable': {
      const section = /^(.*\.ini):([^/:]+)$/.exec(problem.name);
      const hint = section ? message('launch/unknown-option.section-hint', { name: problem.name }) : '';
      return {
        said: message('launch/unknown-option.unloadable', { name: problem.name, hint }),
        replacements: [],
      };
    }
    case 'prefix': {
      const full = problem.option.startsWith('--') ? problem.option : `--${problem.option}`;
      return { said: message('launch/option-prefix.found', { name, full, program }), replacements: [full] };
    }
  }
}

/** The problems of every launch of a file that `wanted` selects, as findings. */
function findingsOf(launches: readonly Launch[], wanted: (problem: CommandLineProblem) => boolean): Finding<UnknownOptionData>[] {
  return launches.flatMap((launch) => {
    const problems = launch.server === 'uwsgi' ? readUwsgiCommandLine(launch).problems : readGunicornCommandLine(launch).problems;
    return problems.filter(wanted).map((problem) => {
      const { said, replacements } = describe(launch, problem);
      return { range: problem.range, message: said, data: { launch, problem, replacements } };
    });
  });
}

/**
 * Options of a uWSGI command line added in a later 2.0.x release than every version the project pins allows: that
 * uWSGI does not have them, and `getopt_long` refuses an option it does not have.
 */
function tooNewFindings(launches: readonly Launch[], pinned: PackageVersion | undefined): Finding<UnknownOptionData>[] {
  if (!pinned) return [];
  return launches
    .filter((launch) => launch.server === 'uwsgi')
    .flatMap((launch) =>
      readUwsgiCommandLine(launch).items.flatMap((item) => {
        const since = item.kind === 'option' && item.origin === 'cli' ? uwsgiOptionSince(item.key) : undefined;
        if (item.kind !== 'option' || !since || !allowsOnlyBelow(pinned, since.version)) return [];
        return [
          {
            range: item.keyRange,
            message: message('launch/unknown-option.too-new', { pin: describePin('uWSGI', pinned), key: item.key, since: since.text }),
            data: { launch, replacements: [] },
          },
        ];
      }),
    );
}

function fixesOf(finding: Finding<UnknownOptionData>): Fix[] {
  const { launch, problem, replacements } = finding.data;
  if (!problem || !isExactly(problem.range, written(launch, problem))) return [];
  return replacements.map((replacement) => ({
    title: message('fix.change-to', { from: quoted(written(launch, problem)), to: quoted(replacement) }),
    isPreferred: replacements.length === 1,
    changes: [{ kind: 'replace' as const, range: problem.range, newText: replacement }],
  }));
}

export const unknownCommandLineOptionRule = defineRule({
  id: 'launch/unknown-option',
  fileKind: 'launch',
  defaultSeverity: 'error',
  docs: {
    summary: 'A uWSGI or Gunicorn command line holds an option the program does not know: it refuses to start.',
    details:
      'Unlike an unknown key in a config file, which uWSGI keeps silently, an unknown option on the command line stops ' +
      'both servers at start-up (`uwsgi: unrecognized option`, `gunicorn: error: unrecognized arguments`), as do the ' +
      'start of a name shared by several options, an option missing its value, and a value given to a flag. So does an ' +
      'option newer than the uWSGI the project pins (`--py-call-uwsgi-fork-hooks` before 2.0.21; the release that ' +
      'first has each option is read from uWSGI\'s option tables, tag by tag). The fixes write the option meant.',
    example: {
      file: 'Procfile',
      wrong: ['web: gunicorn --bnid 0.0.0.0:$PORT shop.wsgi'],
      right: ['web: gunicorn --bind 0.0.0.0:$PORT shop.wsgi'],
    },
    fix: 'The quick fixes write the option names closest to the one written; the one fix is preferred when there is only one.',
    silence: 'When the command line runs a build of the server with an option pydeploy does not know (a plugin of your own).',
  },
  check: (document) => [...findingsOf(document.launches, (problem) => problem.kind !== 'prefix'), ...tooNewFindings(document.launches, document.uwsgiVersion)],
  fixes: (_document, finding) => fixesOf(finding),
});

export const optionPrefixRule = defineRule({
  id: 'launch/option-prefix',
  fileKind: 'launch',
  defaultSeverity: 'hint',
  docs: {
    summary: 'A command-line option is written as the start of its name, which the program accepts.',
    details:
      'uWSGI (`getopt_long`) and Gunicorn (`argparse`) take the start of a long option\'s name as that option when no other ' +
      'option begins so: `--single-interp` is `--single-interpreter`. It works, but an option added in a later release can ' +
      'make it ambiguous, and then the server refuses to start. The fix writes the name in full.',
    example: {
      file: 'Procfile',
      wrong: ['web: uwsgi --http-socket :$PORT --module shop.wsgi --single-interp --enable-threads --lazy-apps'],
      right: ['web: uwsgi --http-socket :$PORT --module shop.wsgi --single-interpreter --enable-threads --lazy-apps'],
    },
    fix: 'The quick fix writes the option\'s full name.',
    silence: 'Rarely worth it: the full name always works.',
  },
  check: (document) => findingsOf(document.launches, (problem) => problem.kind === 'prefix'),
  fixes: (_document, finding) => fixesOf(finding),
});
