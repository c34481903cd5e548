import type { IniEntry } from '../../parse/uwsgiIni';
import { defineRule } from '../types';
import { quoted } from '../quoted';
import { message } from '../../l10n/message';

export const preferLazyAppsRule = defineRule({
  id: 'uwsgi/prefer-lazy-apps',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'hint',
  docs: {
    summary: '`lazy` is used where uWSGI recommends `lazy-apps`.',
    details:
      '`lazy` loads the app in every worker, which is what the agent needs, but it also changes how the master ' +
      'reloads. uWSGI recommends `lazy-apps`, which only moves app loading after the fork. The fix renames the key.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'single-interpreter = true', 'lazy = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = true'],
    },
    fix: 'The quick fix renames `lazy` to `lazy-apps`, keeping the value.',
    silence: 'When you rely on the reload behaviour of `lazy` on purpose.',
  },
  check: (document) => {
    const config = document.uwsgi;
    const lazy = config.flag('lazy');
    if (lazy.state !== 'on' || !lazy.option || config.flag('lazy-apps').state !== 'unset') return [];
    const entry: IniEntry = lazy.option.entry;
    return [
      {
        range: entry.keyRange,
        message: message('uwsgi/prefer-lazy-apps.found'),
        data: entry,
      },
    ];
  },
  fixes: (_document, finding) => [
    {
      title: message('uwsgi/prefer-lazy-apps.fix', { from: quoted('lazy'), to: quoted('lazy-apps') }),
      isPreferred: true,
      changes: [{ kind: 'replace', range: finding.data.keyRange, newText: 'lazy-apps' }],
    },
  ],
});
