import { AGENT_LOG_LEVELS, agentOption, isAgentSection } from '../../knowledge/agent/options';
import { readAgentBoolean } from '../../model/agentConfig';
import type { IniEntry } from '../../parse/uwsgiIni';
import { didYouMean } from '../../knowledge/suggest';
import type { Finding, Fix } from '../types';
import { defineRule } from '../types';
import { AgentDocument, code, inlineComment, moveCommentChanges, tingyunSections } from './common';
import { quoted } from '../quoted';
import { message } from '../../l10n/message';

interface Data {
  entry: IniEntry;
  /** Values a fix may write, the likely one first. */
  values: string[];
  /** The first value is what the author evidently meant (`yes` → `true`). */
  sure: boolean;
  /** A trailing comment the fix moves to its own line. */
  comment?: string;
}

const TRUE_LIKE = new Set(['yes', 'y', '1', 'enable', 'enabled', 'ture', 'treu', 'tru']);
const FALSE_LIKE = new Set(['no', 'n', '0', 'disable', 'disabled', 'flase', 'fasle', 'fals']);

function booleanFinding(entry: IniEntry, fallback: string) {
  const comment = inlineComment(entry);
  const meant = (comment?.meant ?? entry.value).trim().toLowerCase();
  const read = readAgentBoolean(meant);
  const guess = read !== undefined ? String(read) : TRUE_LIKE.has(meant) ? 'true' : FALSE_LIKE.has(meant) ? 'false' : undefined;
  const values = guess === 'false' ? ['false', 'true'] : ['true', 'false'];
  const said = comment
    ? message('tingyun/invalid-value.boolean-comment', { value: code(entry.value), key: entry.key, default: fallback })
    : message('tingyun/invalid-value.boolean', { value: entry.value === '' ? message('tingyun/invalid-value.empty-value') : code(entry.value), key: entry.key, default: fallback });
  return {
    range: entry.valueRange.start.character === entry.valueRange.end.character && entry.valueRange.start.line === entry.valueRange.end.line ? entry.keyRange : entry.valueRange,
    message: said,
    data: { entry, values, sure: guess !== undefined, comment: comment?.comment },
  };
}

export const invalidValueRule = defineRule<'agent-ini', Data>({
  id: 'tingyun/invalid-value',
  fileKind: 'agent-ini',
  defaultSeverity: 'error',
  docs: {
    summary: 'A value the agent cannot read, which it drops silently (or, for a line without `=`, a file it refuses).',
    details:
      'Booleans must be `true`, `false`, `on` or `off` in any case: `yes`, `1` or `True ; comment` are dropped and the ' +
      'default is kept without any log line, so `enabled = no` leaves the agent on. An unknown `log_level` is dropped the ' +
      'same way, `proxy_scheme` is `http` or `https`, and a `;` or `#` comment after a value becomes part of it (the ' +
      "agent's reader has comment lines only). A line in a section with neither `=` nor `:` makes the reader refuse the " +
      'whole file, and the agent does not start. The fixes write a value the agent reads, or move the comment to its own line.',
    example: {
      file: 'tingyun.ini',
      wrong: ['[tingyun]', 'license_key = 1234567890abcdef', 'enabled = yes'],
      right: ['[tingyun]', 'license_key = 1234567890abcdef', 'enabled = true'],
    },
    fix: 'The quick fixes write a value the agent reads (`true`/`false` for a boolean, a known log level), or move a trailing comment to its own line.',
    silence: 'Rarely: the agent drops such a value without a word.',
  },
  check: (document) =>
    tingyunSections(document).flatMap((section) =>
      section.entries.flatMap((entry): Finding<Data>[] => {
        if (!entry.hasEquals) {
          return [{ range: entry.keyRange, message: message('tingyun/invalid-value.no-equals', { key: code(entry.key) }), data: { entry, values: [], sure: false } }];
        }
        if (!isAgentSection(section.name)) return [];
        const facts = agentOption(section.name, entry.key);
        if (!facts || facts.kind === 'other') return [];
        const value = entry.value.trim();
        if (facts.kind === 'bool') return readAgentBoolean(value) === undefined ? [booleanFinding(entry, facts.default)] : [];
        const comment = inlineComment(entry);
        if (facts.kind === 'log-level' && !AGENT_LOG_LEVELS.includes(value.toUpperCase())) {
          const meant = (comment?.meant ?? value).trim();
          const known = AGENT_LOG_LEVELS.includes(meant.toUpperCase());
          const candidates = known ? [meant] : didYouMean(meant.toLowerCase(), AGENT_LOG_LEVELS.map((level) => level.toLowerCase()), '_');
          return [{
            range: entry.valueRange,
            message: message('tingyun/invalid-value.log-level', { value: code(entry.value), comment: comment ? message('tingyun/invalid-value.comment-in-value') : '' }),
            data: { entry, values: candidates, sure: known || candidates.length === 1, comment: comment?.comment },
          }];
        }
        if (facts.kind === 'scheme' && !['http', 'https'].includes(value.toLowerCase())) {
          const meant = (comment?.meant ?? value).trim().toLowerCase();
          const values = meant.startsWith('https') ? ['https', 'http'] : ['http', 'https'];
          return [{ range: entry.valueRange, message: message('tingyun/invalid-value.scheme', { value: code(entry.value) }), data: { entry, values, sure: meant === 'http' || meant === 'https' } }];
        }
        if (comment) {
          return [{
            range: entry.valueRange,
            message: message('tingyun/invalid-value.inline-comment', { key: entry.key, value: code(entry.value) }),
            data: { entry, values: [comment.meant], sure: true, comment: comment.comment },
          }];
        }
        return [];
      }),
    ),
  fixes: (document: AgentDocument, finding) => {
    const { entry, values, sure, comment } = finding.data;
    // A value that goes on over indented lines: replacing it would delete lines the user wrote; leave it to them.
    if (entry.valueRange.end.line !== entry.valueRange.start.line) return [];
    return values.map((value, i): Fix => ({
      title:
        comment && value === inlineComment(entry)?.meant
          ? message('agent-config.move-comment')
          : message(comment ? 'agent-config.set-value-move-comment' : 'agent-config.set-value', { key: quoted(entry.key), value: quoted(value) }),
      isPreferred: i === 0 && sure,
      changes: comment ? moveCommentChanges(document, entry, comment, value) : [{ kind: 'replace', range: entry.valueRange, newText: value }],
    }));
  },
});
