import { UwsgiConfig, UwsgiOption } from '../../model/uwsgiConfig';
import type { Finding, Fix } from '../types';
import { quoted } from '../quoted';
import type { Launch } from '../../parse/launch/types';

/**
 * The shared shape of the agent's flag rules: a flag the agent needs is either missing from the
 * `[uwsgi]` section (reported on the section header) or explicitly switched off (reported on the value).
 */
export type RequiredFlagFinding =
  | { problem: 'missing'; key: string; section: string; launch?: Launch; takesAppendedOptions?: boolean }
  | { problem: 'off'; key: string; option: UwsgiOption };

export interface RequiredFlagMessages {
  missing: string;
  off: (value: string) => string;
}

/** A flag switched off in an included file cannot be fixed here; only this file's lines are reported. */

/**
 * Checks one flag. `satisfied` says whether other options already give what the flag would. Missing
 * flags are not reported when the config may set them elsewhere (an include) or loads no Python app.
 */
export function checkRequiredFlag(
  config: UwsgiConfig,
  key: string,
  messages: RequiredFlagMessages,
  satisfied: (config: UwsgiConfig) => boolean = () => false,
): Finding<RequiredFlagFinding>[] {
  if (!config.loadsPythonApp || satisfied(config)) return [];
  const { state, option } = config.flag(key);
  if (state === 'off' && option?.local) {
    return [{ range: option.entry.valueRange, message: messages.off(option.entry.value), data: { problem: 'off', key, option } }];
  }
  // A launch that names a config file of the workspace gets its missing flags there, where they are reported.
  if (state === 'unset' && !config.isIncomplete && !config.missingBelongsElsewhere) {
    const launch = config.launch?.commandLine.launch;
    const onLaunch = launch && launch.path === config.path ? { launch, takesAppendedOptions: config.launch?.commandLine.takesAppendedOptions ?? false } : {};
    return [{ range: config.anchor, message: messages.missing, data: { problem: 'missing', key, section: config.sectionName, ...onLaunch } }];
  }
  return [];
}

const ON_FOR_OFF: Record<string, string> = { false: 'true', off: 'on', no: 'yes', '0': '1' };

/** The "on" spelling that matches an "off" one, keeping its case: `False` becomes `True`, `OFF` becomes `ON`. */
export function flipToOn(value: string): string {
  const on = ON_FOR_OFF[value.toLowerCase()] ?? 'true';
  if (value.length > 1 && value === value.toUpperCase() && value !== value.toLowerCase()) return on.toUpperCase();
  if (value[0] !== undefined && value[0] !== value[0].toLowerCase()) return on[0].toUpperCase() + on.slice(1);
  return on;
}

export function requiredFlagFixes(finding: Finding<RequiredFlagFinding>): Fix[] {
  const { data } = finding;
  if (data.problem === 'off') {
    const on = flipToOn(data.option.entry.value);
    return [
      {
        title: `Set ${quoted(data.key)} to ${quoted(on)}`,
        isPreferred: true,
        changes: [{ kind: 'replace', range: data.option.entry.valueRange, newText: on }],
      },
    ];
  }
  if (data.launch) {
    const { insertion, label } = data.launch;
    // After `--`, or an option that lacks its value, an added flag would not be read as one.
    return insertion && data.takesAppendedOptions ? [{ title: `Add ${quoted(`--${data.key}`)} to the command line (${label})`, isPreferred: true, changes: [{ kind: 'append-launch-arguments', insertion, args: [`--${data.key}`] }] }] : [];
  }
  return [
    {
      title: `Add ${quoted(`${data.key} = true`)} to [${data.section}]`,
      isPreferred: true,
      changes: [{ kind: 'set-ini-option', section: data.section, key: data.key, value: 'true' }],
    },
  ];
}
