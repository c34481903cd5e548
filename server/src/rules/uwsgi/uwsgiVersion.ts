import type { Version } from '../../parse/requirements';
import { PackageVersion, allowsOnlyBelow, describePin } from '../../model/projectVersion';

/** uWSGI 2.0.27 made Python thread support unconditional ("set enable threads by default"). */
export const THREADS_ALWAYS_ON: Version = [2, 0, 27];

/** The clause a message ends with, saying which uWSGI version the finding assumes and why. */
export function describeUwsgiVersion(pinned: PackageVersion | undefined): string {
  if (pinned && allowsOnlyBelow(pinned, THREADS_ALWAYS_ON)) return `on ${describePin('uWSGI', pinned)}`;
  if (pinned) return `on uWSGI before 2.0.27, which ${describePin('uWSGI', pinned)} allows`;
  return 'on uWSGI up to 2.0.26 (assumed: no version is pinned)';
}
