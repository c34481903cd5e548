import { defineRule } from '../types';

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
  },
  check: (document) => {
    const config = document.uwsgi;
    const hidden = config.root.byteOrderMark ? config.document.sections.find((section) => section.header?.line === 0) : undefined;
    if (!hidden?.header) return [];
    return [
      {
        range: hidden.header.range,
        message: `The file starts with a UTF-8 byte order mark, which uWSGI reads as part of this line: \`[${hidden.name}]\` is no section header to it, and the options under it are ignored. Save the file without BOM.`,
        data: hidden.header,
      },
    ];
  },
  fixes: () => [],
});
