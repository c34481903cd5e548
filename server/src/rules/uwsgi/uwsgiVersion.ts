import type { Version } from '../../parse/requirements';
import { PackageVersion, allowsOnlyBelow, describePin } from '../../model/projectVersion';
import { Message, message } from '../../l10n/message';

/** uWSGI 2.0.27 made Python thread support unconditional ("set enable threads by default"). */
export const THREADS_ALWAYS_ON: Version = [2, 0, 27];

/** uWSGI 2.0.21 added `py-call-uwsgi-fork-hooks` (changelog 2.0.21, unbit/uwsgi#2388). */
export const FORK_HOOKS_FROM: Version = [2, 0, 21];

/** uWSGI 2.0.30 fixed how atexit handlers are installed with `lazy`/`lazy-apps` (changelog 2.0.30). */
export const ATEXIT_FIXED: Version = [2, 0, 30];

/** The clause a message ends with, saying which uWSGI version the finding assumes and why. */
export function describeUwsgiVersion(pinned: PackageVersion | undefined): Message {
  return pinned ? describeUwsgiBefore(pinned, THREADS_ALWAYS_ON) : message('uwsgi-version.threads-assumed');
}

/** The clause for a finding that holds on uWSGI before `version`: the pinned one, or what the pin allows, or the assumption. */
export function describeUwsgiBefore(pinned: PackageVersion | undefined, version: Version): Message {
  if (pinned && allowsOnlyBelow(pinned, version)) return message('uwsgi-version.pinned', { pin: describePin('uWSGI', pinned) });
  if (pinned) return message('uwsgi-version.pin-allows-before', { version: version.join('.'), pin: describePin('uWSGI', pinned) });
  return message('uwsgi-version.assumed-before', { version: version.join('.') });
}
