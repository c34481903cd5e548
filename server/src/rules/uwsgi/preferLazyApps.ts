import type { IniEntry } from '../../parse/uwsgiIni';
import { defineRule } from '../types';

export const preferLazyAppsRule = defineRule({
  id: 'uwsgi/prefer-lazy-apps',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'hint',
  docs: {
    summary: '`lazy` is used where uWSGI recommends `lazy-apps`.',
    details:
      '`lazy` loads the app in every worker, which is what the agent needs, but it also changes how the master ' +
      'reloads. uWSGI recommends `lazy-apps`, which only moves app loading after the fork. The fix renames the key.',
  },
  check: (document) => {
    const config = document.uwsgi;
    const lazy = config.flag('lazy');
    if (lazy.state !== 'on' || !lazy.option || config.flag('lazy-apps').state !== 'unset') return [];
    const entry: IniEntry = lazy.option.entry;
    return [
      {
        range: entry.keyRange,
        message: '`lazy` works for the agent, but uWSGI recommends `lazy-apps`: it loads apps after the fork without changing how the master reloads.',
        data: entry,
      },
    ];
  },
  fixes: (_document, finding) => [
    {
      title: 'Replace `lazy` with `lazy-apps`',
      isPreferred: true,
      changes: [{ kind: 'replace', range: finding.data.keyRange, newText: 'lazy-apps' }],
    },
  ],
});
