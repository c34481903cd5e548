import type { Version } from '../../parse/requirements';
import { PackageVersion, allowsOnlyBelow, describePin } from '../../model/projectVersion';

/** uWSGI 2.0.27 made Python thread support unconditional ("set enable threads by default"). */
export const THREADS_ALWAYS_ON: Version = [2, 0, 27];

/** uWSGI 2.0.21 added `py-call-uwsgi-fork-hooks` (changelog 2.0.21, unbit/uwsgi#2388). */
export const FORK_HOOKS_FROM: Version = [2, 0, 21];

/** uWSGI 2.0.30 fixed how atexit handlers are installed with `lazy`/`lazy-apps` (changelog 2.0.30). */
export const ATEXIT_FIXED: Version = [2, 0, 30];

/** The clause a message ends with, saying which uWSGI version the finding assumes and why. */
export function describeUwsgiVersion(pinned: PackageVersion | undefined): string {
  return pinned ? describeUwsgiBefore(pinned, THREADS_ALWAYS_ON) : 'on uWSGI up to 2.0.26 (assumed: no version is pinned)';
}

/** The clause for a finding that holds on uWSGI before `version`: the pinned one, or what the pin allows, or the assumption. */
export function describeUwsgiBefore(pinned: PackageVersion | undefined, version: Version): string {
  if (pinned && allowsOnlyBelow(pinned, version)) return `on ${describePin('uWSGI', pinned)}`;
  if (pinned) return `on uWSGI before ${version.join('.')}, which ${describePin('uWSGI', pinned)} allows`;
  return `on uWSGI before ${version.join('.')} (assumed: no version is pinned)`;
}
