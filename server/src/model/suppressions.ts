import { LineIndex, Position, Range, range } from '../text/lineIndex';
import { iniDocumentOf } from './document';
import type { AnalyzedDocument } from './document';
import { canonicalRuleId } from './ruleAliases';
import { commentsOf } from '../parse/uwsgiIni';

/**
 * pydeploy's own comments, in the file's comment syntax (`#` in Python; `#` or `;` comment lines in an ini file):
 *
 *     # pydeploy: disable-next-line=uwsgi/lazy-apps,uwsgi/single-interpreter
 *     # pydeploy: disable=gunicorn/async-worker -- we recycle workers elsewhere
 *
 * `disable-next-line` silences the rules for the findings that start on the next line that is not itself such a
 * comment (so several can stack above one line); `disable` silences them in the whole file. Text after ` -- ` is a
 * reason for the reader. Only whole-line comments count: in an ini file a `#` after a value is part of the value.
 */
export interface SuppressionDirective {
  kind: 'next-line' | 'file';
  /** The line of the comment. */
  line: number;
  /** For `next-line`: the line whose findings it silences (undefined when the comment ends the file). */
  targetLine?: number;
  ids: Array<{ id: string; range: Range }>;
  /** Just past the last id, where another `,id` can be added. */
  listEnd: Position;
}

export interface Suppressions {
  directives: SuppressionDirective[];
  /** `#` or `;`: what a new comment line in this file starts with. */
  commentMarker: string;
}

const DIRECTIVE = /^([#;])[ \t]*pydeploy:[ \t]*(disable-next-line|disable)[ \t]*=[ \t]*/;

interface CommentLine {
  line: number;
  /** Column of the comment marker. */
  start: number;
  text: string;
}

/** A directive names pydeploy: a comment without the name is none, and is not looked at further. */
const MENTION = 'pydeploy:';

/**
 * Whole-line comments that mention pydeploy: the ini parsers' comment lines (`#` or `;`), or, in Python and
 * requirement files, lines whose first non-blank character is `#`. With them, the marker of the file's first comment.
 */
function commentLines(document: AnalyzedDocument): { comments: CommentLine[]; firstMarker?: string; index: LineIndex } {
  const ini = iniDocumentOf(document);
  const comments: CommentLine[] = [];
  // One search of the whole text spares a look at every line of the many files that have no directive.
  const mentioned = document.text.includes(MENTION);
  if (ini) {
    // Without the mention no comment is a directive, and only the first one's marker is used: a long config then
    // makes no object for its other comment lines.
    const found = commentsOf(ini, mentioned ? Infinity : 1);
    for (const comment of found) {
      if (comment.text.includes(MENTION)) comments.push({ line: comment.line, start: comment.range.start.character, text: comment.text });
    }
    return { comments, firstMarker: found[0]?.text[0], index: ini.index };
  }
  const index = new LineIndex(document.text);
  for (let line = 0; mentioned && line < index.lineCount; line++) {
    const text = index.lineText(line);
    if (!text.includes(MENTION)) continue;
    const start = text.search(/\S/);
    if (start >= 0 && text[start] === '#') comments.push({ line, start, text: text.slice(start).trimEnd() });
  }
  return { comments, index };
}

function parseDirective(comment: CommentLine): SuppressionDirective | undefined {
  const match = DIRECTIVE.exec(comment.text);
  if (!match) return undefined;
  const reason = comment.text.search(/[ \t]--(?:[ \t]|$)/);
  const listEnd = reason >= match[0].length ? reason : comment.text.length;
  const ids: SuppressionDirective['ids'] = [];
  let offset = match[0].length;
  for (const part of comment.text.slice(offset, listEnd).split(',')) {
    const lead = part.length - part.trimStart().length;
    const id = part.trim();
    if (id !== '') {
      const start = comment.start + offset + lead;
      ids.push({ id, range: range(comment.line, start, comment.line, start + id.length) });
    }
    offset += part.length + 1;
  }
  if (ids.length === 0) return undefined;
  const last = ids[ids.length - 1].range.end;
  return { kind: match[2] === 'disable' ? 'file' : 'next-line', line: comment.line, ids, listEnd: last };
}

const cache = new WeakMap<AnalyzedDocument, Suppressions>();

/** The suppression comments of a document, read once per document. */
export function suppressionsOf(document: AnalyzedDocument): Suppressions {
  const cached = cache.get(document);
  if (cached) return cached;
  const { comments, firstMarker, index } = commentLines(document);
  const directives = comments.map(parseDirective).filter((directive): directive is SuppressionDirective => directive !== undefined);
  const directiveLines = new Set(directives.map((directive) => directive.line));
  for (const directive of directives) {
    if (directive.kind !== 'next-line') continue;
    let target = directive.line + 1;
    while (directiveLines.has(target)) target++;
    if (target < index.lineCount) directive.targetLine = target;
  }
  // A new comment follows the file's own habit in an ini file; `#` is what Python and most uWSGI configs use.
  const commentMarker = document.kind === 'uwsgi-ini' ? (firstMarker ?? '#') : '#';
  const suppressions = { directives, commentMarker };
  cache.set(document, suppressions);
  return suppressions;
}

/** Whether a finding of `ruleId` that starts on `line` is silenced by a comment (which may name it by an old id). */
export function isSuppressed(suppressions: Suppressions, ruleId: string, line: number): boolean {
  return suppressions.directives.some(
    (directive) => (directive.kind === 'file' || directive.targetLine === line) && directive.ids.some(({ id }) => canonicalRuleId(id) === ruleId),
  );
}
