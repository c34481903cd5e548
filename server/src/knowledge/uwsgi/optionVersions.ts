import { Version, parseVersion } from '../../parse/requirements';

/**
 * The uWSGI 2.0.x release that first has an option, for the options added after 2.0.15. The option table
 * (options.generated.ts) is read from 2.0.30 and master only, so it cannot say this. Copied from unbit/uwsgi's own
 * option tables (`core/uwsgi.c` and every plugin's source), compared tag by tag from 2.0.15 to 2.0.30: each option below is
 * absent from every source file at the tag before the one named, and present at it (e.g. `py-call-uwsgi-fork-hooks`:
 * none at 2.0.20 = 78aef9839b43, `plugins/python/python_plugin.c:174` at 2.0.21 = 0d1c793465ac; its changelog,
 * unbit/uwsgi-docs@ecb5670e:Changelog-2.0.21.rst, says "add uwsgi fork hooks ... in python plugin"). No option was
 * added in 2.0.23–2.0.28 or 2.0.30, and none was removed in 2.0.16–2.0.30.
 */
const FIRST_RELEASE: Readonly<Record<string, string>> = {
  'fastrouter-subscription-fallback-key': '2.0.16',
  'http-subscription-fallback-key': '2.0.16',
  'http11-socket': '2.0.16',
  'response-headers-limit': '2.0.16',
  'safe-pidfile': '2.0.16',
  'safe-pidfile2': '2.0.16',
  'ssl-verify-depth': '2.0.16',
  'shutdown-sockets': '2.0.17',
  'ssl-enable-sslv3': '2.0.18',
  'ssl-enable-tlsv1': '2.0.18',
  'emperor-graceful-shutdown': '2.0.19',
  'max-worker-lifetime-delta': '2.0.19',
  'py-executable': '2.0.20',
  'py-sys-executable': '2.0.20',
  'py-call-uwsgi-fork-hooks': '2.0.21',
  'harakiri-graceful-signal': '2.0.22',
  'harakiri-graceful-timeout': '2.0.22',
  'harakiri-queue-threshold': '2.0.22',
  'max-requests-delta': '2.0.29',
};

/** The first 2.0.x release with the option, for one added after 2.0.15; undefined for an older one (or no option). */
export function uwsgiOptionSince(name: string): { text: string; version: Version } | undefined {
  const text = Object.hasOwn(FIRST_RELEASE, name) ? FIRST_RELEASE[name] : undefined;
  const version = text === undefined ? undefined : parseVersion(text);
  return text !== undefined && version ? { text, version } : undefined;
}
