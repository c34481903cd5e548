import { NEWRELIC_MAIN_SECTION } from '../../knowledge/newrelic/options';
import { defineRule } from '../types';
import { code } from './common';
import { message } from '../../l10n/message';

interface Data {
  /** Options stand above every header and the file has no `[newrelic]`: the fix puts one at the top. */
  addHeader: boolean;
}

export const syntaxErrorRule = defineRule<'newrelic-ini', Data>({
  id: 'newrelic/syntax-error',
  fileKind: 'newrelic-ini',
  defaultSeverity: 'error',
  docs: {
    summary: "What Python's config reader refuses: an option above every section header, a line with neither `=` nor `:`, a byte order mark.",
    details:
      "The agent reads `newrelic.ini` with Python's `RawConfigParser`. An option before the first `[section]` header, a " +
      'line that is neither a comment, a header nor `key = value` (or `key: value`), and a line with an empty key make ' +
      'it refuse the whole file: `newrelic.agent.initialize()` raises, and the agent does not start. So does a UTF-8 byte ' +
      'order mark, which editors hide: the agent opens the file as plain UTF-8, and the mark becomes text before the ' +
      'first header. An indented line is not an error: it continues the value above it.',
    example: {
      file: 'newrelic.ini',
      wrong: ['license_key = 0123456789abcdef0123456789abcdef01234567', '[newrelic]', 'app_name = shop', 'monitor_mode'],
      right: ['[newrelic]', 'license_key = 0123456789abcdef0123456789abcdef01234567', 'app_name = shop', 'monitor_mode = true'],
    },
    fix: 'When options stand above every header and there is no `[newrelic]` section, the quick fix adds a `[newrelic]` header at the top. Otherwise complete or remove the line, or save the file as UTF-8 without BOM.',
    silence: 'Not advisable: the agent does not start with such a file.',
  },
  check: (document) => {
    const { newrelic } = document;
    const preamble = newrelic.document.sections[0];
    const findings = [];
    if (document.workspace.hasByteOrderMark?.(document.path)) {
      findings.push({
        range: newrelic.document.index.lineRange(0),
        message: message('newrelic/syntax-error.byte-order-mark'),
        data: { addHeader: false },
      });
    }
    const stray = preamble.header === undefined ? preamble.entries[0] : undefined;
    if (stray) {
      findings.push({
        range: stray.keyRange,
        message: message('newrelic/syntax-error.stray', { key: code(stray.key) }),
        data: { addHeader: stray.hasEquals && !newrelic.section(NEWRELIC_MAIN_SECTION) },
      });
    }
    for (const section of newrelic.sections) {
      for (const entry of section.entries) {
        if (!entry.hasEquals) {
          findings.push({
            range: entry.keyRange,
            message: message('newrelic/syntax-error.no-equals', { key: code(entry.key) }),
            data: { addHeader: false },
          });
        } else if (entry.key === '') {
          findings.push({
            range: { start: entry.keyRange.start, end: entry.valueRange.end },
            message: message('newrelic/syntax-error.no-key'),
            data: { addHeader: false },
          });
        }
      }
    }
    return findings;
  },
  fixes: (document, finding) => {
    if (!finding.data.addHeader) return [];
    const at = { line: 0, character: 0 };
    return [{ title: message('agent-config.add-header', { section: NEWRELIC_MAIN_SECTION }), isPreferred: true, changes: [{ kind: 'replace', range: { start: at, end: at }, newText: `[newrelic]${document.newrelic.document.index.eol}` }] }];
  },
});
