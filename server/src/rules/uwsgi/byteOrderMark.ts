import { defineRule } from '../types';
import { message } from '../../l10n/message';

export const byteOrderMarkRule = defineRule({
  id: 'uwsgi/byte-order-mark',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'error',
  docs: {
    summary: 'A UTF-8 byte order mark hides the first section header from uWSGI.',
    details:
      'Editors do not show a byte order mark, but uWSGI reads it as part of the first line: `[uwsgi]` on that line is ' +
      'then no header to it, and none of the options under it are applied (uWSGI only warns that it cannot find the ' +
      'section). Save the file as UTF-8 without BOM.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['\uFEFF[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = true'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = true'],
    },
    fix: 'No quick fix: save the file as UTF-8 without BOM (in VS Code, click the encoding in the status bar, *Save with Encoding*, *UTF-8*). The example starts with an invisible U+FEFF.',
    silence: 'Not advisable: uWSGI skips the section for as long as the mark is there.',
  },
  check: (document) => {
    const config = document.uwsgi;
    const hidden = config.root.byteOrderMark ? config.document.sections.find((section) => section.header?.line === 0) : undefined;
    if (!hidden?.header) return [];
    return [
      {
        range: hidden.header.range,
        message: message('uwsgi/byte-order-mark.found', { section: hidden.name }),
        data: hidden.header,
      },
    ];
  },
  fixes: () => [],
});
