import { readFlag } from '../../model/uwsgiConfig';
import type { IniEntry } from '../../parse/uwsgiIni';
import type { Range } from '../../text/lineIndex';
import { Finding, defineRule } from '../types';
import { Message, message } from '../../l10n/message';

/** A value followed by what its author meant as a comment: white space, then `#` or `;`. */
export function splitInlineComment(value: string): { meant: string; comment: string; offset: number } | undefined {
  // Asked of every value: most have neither mark, which two plain searches tell faster than the expression.
  if (!value.includes('#') && !value.includes(';')) return undefined;
  const match = /\s+[#;]/.exec(value);
  if (!match || match.index === 0) return undefined;
  return { meant: value.slice(0, match.index), comment: value.slice(match.index).trimStart(), offset: match.index };
}

interface InlineComment {
  entry: IniEntry;
  /** From the white space before the comment to the end of the value. */
  commentRange: Range;
  comment: string;
}

export const inlineCommentRule = defineRule({
  id: 'uwsgi/inline-comment',
  fileKind: 'uwsgi-ini',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A comment after a value, which uWSGI reads as part of the value.',
    details:
      'uWSGI ini files have comment lines only: `socket = :3031 ; public` gives the socket `:3031 ; public`, and ' +
      '`master = false  # for now` turns the master ON, since only a bare `false` is false. Numbers are spared (uWSGI ' +
      'stops reading at the space), as are flags that read as meant. The fix moves the comment to its own line above.',
    example: {
      file: 'uwsgi.ini',
      wrong: ['[uwsgi]', 'module = myapp.wsgi:application', 'socket = :3031 ; behind nginx'],
      right: ['[uwsgi]', 'module = myapp.wsgi:application', '; behind nginx', 'socket = :3031'],
    },
    fix: 'The quick fix moves the comment to its own line above the option, in the same indentation.',
    silence: 'When the `;` or `#` really belongs to the value, for example in a route or a log format.',
  },
  check: (document) => {
    const findings: Finding<InlineComment>[] = [];
    const { options } = document.uwsgi;
    const allFacts = document.uwsgi.optionFacts;
    for (let at = 0; at < options.length; at++) {
      const facts = allFacts[at];
      const { entry, local, origin } = options[at];
      // Only a config file has comments; a shell has taken them off a command line already. Numbers are spared.
      if (!facts || facts.valueKind === 'int' || facts.valueKind === 'size' || !local || origin !== 'ini') continue;
      const split = splitInlineComment(entry.value);
      if (!split) continue;
      let said: Message;
      if (facts.valueKind === 'flag') {
        const meant = readFlag(split.meant);
        const read = readFlag(entry.value);
        if (meant === read || read === 'unknown') continue;
        said = message('uwsgi/inline-comment.flag', { value: entry.value, key: entry.key });
      } else {
        said = message('uwsgi/inline-comment.value', { key: entry.key });
      }
      const { valueRange } = entry;
      const start = { line: entry.line, character: valueRange.start.character + split.offset };
      findings.push({ range: valueRange, message: said, data: { entry, commentRange: { start, end: valueRange.end }, comment: split.comment } });
    }
    return findings;
  },
  fixes: (document, finding) => {
    const { entry, commentRange, comment }: InlineComment = finding.data;
    const lineStart = { line: entry.line, character: 0 };
    return [
      {
        title: message('uwsgi/inline-comment.move'),
        isPreferred: true,
        changes: [
          { kind: 'replace', range: { start: lineStart, end: lineStart }, newText: `${entry.indent}${comment}${document.uwsgi.document.index.eol}` },
          { kind: 'replace', range: commentRange, newText: '' },
        ],
      },
    ];
  },
});
