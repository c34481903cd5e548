import { UwsgiConfig, UwsgiOption } from '../../model/uwsgiConfig';
import type { Finding, Fix } from '../types';
import { quoted } from '../quoted';
import type { Launch } from '../../parse/launch/types';
import { Text, message } from '../../l10n/message';

/**
 * The shared shape of the agent's flag rules: a flag the agent needs is either missing from the
 * `[uwsgi]` section (reported on the section header) or explicitly switched off (reported on the value).
 */
export type RequiredFlagFinding =
  | { problem: 'missing'; key: string; section: string; launch?: Launch; takesAppendedOptions?: boolean; value?: RequiredValue }
  | { problem: 'off'; key: string; option: UwsgiOption; value?: RequiredValue };

/**
 * What a fix writes for an option that is not a flag (`import = ddtrace.auto`, `wsgi-env-behavior = holy`): the
 * value, and for a list option that every line adds to, `repeatable`.
 */
export interface RequiredValue {
  text: string;
  repeatable?: boolean;
}

export interface RequiredFlagMessages {
  missing: Text;
  off: (value: string) => Text;
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
  return state === 'unset' ? missingOption(config, key, messages.missing) : [];
}

/**
 * An option the config lacks, reported where a fix adds it (the section header, or the launch that is the config),
 * unless the config may set it elsewhere (an include, another file the launch names) or loads no Python app.
 */
export function missingOption(config: UwsgiConfig, key: string, said: Text, value?: RequiredValue): Finding<RequiredFlagFinding>[] {
  // A launch that names a config file of the workspace gets its missing options there, where they are reported.
  if (!config.loadsPythonApp || config.isIncomplete || config.missingBelongsElsewhere) return [];
  const launch = config.launch?.commandLine.launch;
  const onLaunch = launch && launch.path === config.path ? { launch, takesAppendedOptions: config.launch?.commandLine.takesAppendedOptions ?? false } : {};
  return [{ range: config.anchor, message: said, data: { problem: 'missing', key, section: config.sectionName, ...onLaunch, ...(value ? { value } : {}) } }];
}

const ON_FOR_OFF: Record<string, string> = { false: 'true', off: 'on', no: 'yes', '0': '1' };

/** The "on" spelling that matches an "off" one, keeping its case: `False` becomes `True`, `OFF` becomes `ON`. */
export function flipToOn(value: string): string {
  const on = ON_FOR_OFF[value.toLowerCase()] ?? 'true';
  if (value.length > 1 && value === value.toUpperCase() && value !== value.toLowerCase()) return on.toUpperCase();
  if (value[0] !== undefined && value[0] !== value[0].toLowerCase()) return on[0].toUpperCase() + on.slice(1);
  return on;
}

/** The fix that adds the option, or sets its value, as the finding's data says. */
export function requiredFlagFixes({ data }: Pick<Finding<RequiredFlagFinding>, 'data'>): Fix[] {
  if (data.problem === 'off') {
    const on = data.value?.text ?? flipToOn(data.option.entry.value);
    return [
      {
        title: message('fix.set-to', { key: quoted(data.key), value: quoted(on) }),
        isPreferred: true,
        changes: [{ kind: 'replace', range: data.option.entry.valueRange, newText: on }],
      },
    ];
  }
  if (data.launch) {
    const { insertion, label } = data.launch;
    const args = data.value ? [`--${data.key}`, data.value.text] : [`--${data.key}`];
    // After `--`, or an option that lacks its value, an added flag would not be read as one.
    return insertion && data.takesAppendedOptions ? [{ title: message('fix.add-to-command-line', { args: quoted(args.join(' ')), label }), isPreferred: true, changes: [{ kind: 'append-launch-arguments', insertion, args }] }] : [];
  }
  const value = data.value?.text ?? 'true';
  return [
    {
      title: message('fix.add-to-section', { line: quoted(`${data.key} = ${value}`), section: data.section }),
      isPreferred: true,
      changes: [{ kind: 'set-ini-option', section: data.section, key: data.key, value, ...(data.value?.repeatable ? { repeatable: true } : {}) }],
    },
  ];
}
