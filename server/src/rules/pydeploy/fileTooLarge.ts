import { defineRule } from '../types';
import { Message, message } from '../../l10n/message';

/**
 * The largest file pydeploy reads, in UTF-8 bytes; a larger one is reported by this rule and not read. Real configs are
 * under 100 KB, so this is 40 times that: a generated config of 100,000 lines (2.3 MB, which the benchmark measures) is
 * still read in a fraction of a second, while a file of many megabytes, which the editor would wait seconds for, is only
 * measured.
 */
export const MAX_ANALYZED_BYTES = 4 * 1024 * 1024;

/** `1,048,576 bytes`: exact, and readable at a glance. */
function formatBytes(bytes: number): Message {
  return message('pydeploy/file-too-large.bytes', { count: bytes.toLocaleString('en-US') });
}

/** The same size in KiB or MiB, as a user who set a limit or looked at `ls -lh` would say it. */
function formatBinary(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

/** The message for a file of `bytes` over a limit of `limit` bytes. */
export function fileTooLargeMessage(bytes: number, limit: number): Message {
  return message('pydeploy/file-too-large.found', { bytes: formatBytes(bytes), size: formatBinary(bytes), limit: formatBinary(limit) });
}

/** Reports, on the first line, that a file too large to be a real config was not checked (see MAX_ANALYZED_BYTES). */
export const fileTooLargeRule = defineRule({
  id: 'pydeploy/file-too-large',
  fileKind: 'too-large',
  defaultSeverity: 'information',
  docs: {
    summary: `A file pydeploy would check is larger than it checks (${formatBinary(MAX_ANALYZED_BYTES)}), so it is left unchecked.`,
    details:
      'Real uWSGI, Gunicorn and agent configs are a few KB. A file of megabytes is generated or not a config, and reading ' +
      'it could stall the editor, so the editor and `pydeploy check` both skip it and say so once, on its first line, with ' +
      'its size. Hover, completion and fixes offer nothing there. Set the rule to `off` to be silent about such files.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', '; ... 5 MiB of generated lines ...'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = true'],
    },
    fix: 'No quick fix: check that the file is really the config you mean to deploy; a real config is a few KB.',
    silence: "When large generated files that match pydeploy's patterns are expected in the workspace.",
  },
  check: (document) => {
    const firstLineEnd = document.text.search(/\r|\n|$/);
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLineEnd } },
        message: fileTooLargeMessage(document.bytes, document.limit),
        data: undefined,
      },
    ];
  },
  fixes: () => [],
});
