import fc from 'fast-check';

/**
 * uWSGI option sets for the agents' own checks (test/helpers/agentChecks.ts): the options those checks read, with
 * the spellings people write (and the empty value, which uWSGI and the agents read differently), repeated keys
 * (uWSGI keeps the last value in `uwsgi.opt`) and lines without `=`. Used by the property test and, sampled, by the
 * differential test that checks pydeploy's idea of `uwsgi.opt` against a real uWSGI.
 */

const FLAG_VALUES = ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', 'TRUE', 'False', ''];
const COUNT_VALUES = ['0', '1', '2', '4', 'true', 'false', ''];

/** The options the checks read, and the values each is written with. */
export const AGENT_CHECK_OPTIONS: Record<string, readonly string[]> = {
  'enable-threads': FLAG_VALUES,
  threads: COUNT_VALUES,
  'lazy-apps': FLAG_VALUES,
  lazy: FLAG_VALUES,
  'py-call-uwsgi-fork-hooks': FLAG_VALUES,
  master: FLAG_VALUES,
  processes: ['0', '1', '2', '4', 'true'],
  workers: ['1', '2'],
  'skip-atexit': FLAG_VALUES,
};

export interface OptionLine {
  key: string;
  value: string;
  /** Written as the bare key, without `=` (uWSGI reads an empty value). */
  bare: boolean;
  /** Spaces around the key, the `=` and the value, which uWSGI strips. */
  spaced: boolean;
}

const optionLine: fc.Arbitrary<OptionLine> = fc
  .constantFrom(...Object.keys(AGENT_CHECK_OPTIONS))
  .chain((key) =>
    fc.record({
      key: fc.constant(key),
      value: fc.constantFrom(...AGENT_CHECK_OPTIONS[key]),
      bare: fc.boolean().map((bare) => bare && AGENT_CHECK_OPTIONS[key] === FLAG_VALUES),
      spaced: fc.boolean(),
    }),
  );

/** The `[uwsgi]` lines of one option set; absent options are simply not written. */
export const agentOptionLines: fc.Arbitrary<OptionLine[]> = fc.array(optionLine, { maxLength: 9 });

/** Pinned uWSGI versions around the ones the checks and uWSGI's behaviour change at (2.0.21, 2.0.27, 2.0.30). */
export const PINNED_UWSGI_VERSIONS = ['2.0.20', '2.0.21', '2.0.26', '2.0.27', '2.0.29', '2.0.30'] as const;

export function optionLineText({ key, value, bare, spaced }: OptionLine): string {
  if (bare) return spaced ? `  ${key}  ` : key;
  return spaced ? `  ${key}   =   ${value}  ` : `${key} = ${value}`;
}

/** An ini that loads `app` and sets the lines. */
export function agentIni(lines: readonly OptionLine[], app: string): string {
  return ['[uwsgi]', `wsgi-file = ${app}`, ...lines.map(optionLineText), ''].join('\n');
}
