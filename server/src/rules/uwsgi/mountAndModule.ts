import type { UwsgiOption } from '../../model/uwsgiConfig';
import { hasExpansion } from '../../model/uwsgiConfig';
import type { Finding } from '../types';
import { defineRule } from '../types';
import { message } from '../../l10n/message';

interface SecondApp {
  mount: UwsgiOption;
  loader: UwsgiOption;
}

/** Options that load the default app, whose mountpoint is the empty one. */
const DEFAULT_APP_LOADERS = ['module', 'wsgi', 'wsgi-file', 'file'];

/** `mount = /=app.py` or `mount = =app.py`: an app mounted at the root, where the default app already answers. */
function mountsAtRoot(option: UwsgiOption): boolean {
  const { value } = option.entry;
  const equals = value.indexOf('=');
  if (equals < 0 || hasExpansion(value)) return false;
  const mountpoint = value.slice(0, equals).trim();
  return mountpoint === '/' || mountpoint === '';
}

export const mountAndModuleRule = defineRule({
  id: 'uwsgi/mount-and-module',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'information',
  docs: {
    summary: '`mount = /=...` next to `module` (or `wsgi-file`): uWSGI loads two apps, the mounted one in an interpreter of its own.',
    details:
      'uWSGI loads the app of `module`, `wsgi` or `wsgi-file` as the default app, then each `mount` as one more app, ' +
      'and without `single-interpreter` every further app gets a Python sub-interpreter of its own. With the mount at ' +
      '`/` the same code is usually loaded twice: each worker imports it twice and holds it twice in memory, and an ' +
      'APM agent set up in one interpreter does not see the requests of the other. Keep one of the two lines; the ' +
      'fix removes the `mount` line.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'mount = /=myapp/wsgi.py'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application'],
    },
    fix: 'The quick fix removes the `mount` line; keep the `mount` and remove `module` instead when the mount is the app you meant.',
    silence: 'When two apps at `/` are what you want (for example two different apps picked by `UWSGI_APPID` or a route).',
  },
  check: (document): Finding<SecondApp>[] => {
    const config = document.uwsgi;
    const loader = DEFAULT_APP_LOADERS.map((key) => config.last(key)).find((option) => option !== undefined && !option.conditional);
    if (!loader) return [];
    const single = config.flag('single-interpreter').state === 'on';
    return config
      .all('mount')
      .filter((mount) => mount.local && !mount.conditional && mountsAtRoot(mount))
      .map((mount) => ({
        range: mount.entry.keyRange,
        message: message(single ? 'uwsgi/mount-and-module.single' : 'uwsgi/mount-and-module.sub-interpreter', { loader: loader.entry.key, line: loader.entry.line + 1 }),
        data: { mount, loader },
        related: loader.local ? [{ range: loader.entry.keyRange, message: message('uwsgi/mount-and-module.default-app') }] : undefined,
      }));
  },
  fixes: (_document, finding) => [{ title: message('uwsgi/mount-and-module.remove'), isPreferred: false, changes: [{ kind: 'delete-line' as const, line: finding.data.mount.entry.line }] }],
});
