import type { Position, Range } from '../text/lineIndex';
import type { AnalyzedDocument } from '../model/document';
import { VALUE_KIND_TEXT, allUwsgiOptions, uwsgiOption } from '../knowledge/uwsgi/options';
import { UWSGI_OPTION_DOCS } from '../knowledge/uwsgi/optionDocs';

export interface PydeployCompletion {
  label: string;
  kind: 'option' | 'value' | 'placeholder';
  /** One line shown beside the label. */
  detail: string;
  /** Markdown shown for the selected item. */
  documentation?: string;
  /** The text the item replaces: what the user has typed of it so far. */
  range: Range;
  newText: string;
}

function firstSentence(text: string): string {
  const end = text.search(/\.(\s|$)/);
  return end === -1 ? text : text.slice(0, end + 1);
}

/**
 * What may be typed at a position of a uWSGI file: an option name at the start of a line, `true`/`false`
 * after a flag's `=`, a placeholder name inside `%(`.
 */
export function completionsAt(document: AnalyzedDocument, position: Position): PydeployCompletion[] {
  const { index } = document.uwsgi.document;
  const lineText = index.lineText(position.line);
  const before = lineText.slice(0, position.character);
  if (/^\s*[;#[]/.test(before)) return [];

  const placeholder = /%\(([\w.-]*)$/.exec(before);
  if (placeholder) {
    const range = { start: { line: position.line, character: position.character - placeholder[1].length }, end: position };
    const names = new Set([...document.uwsgi.options.map((option) => option.entry.key), ...document.uwsgi.declaredNames]);
    return [...names].filter((name) => name !== '').sort().map((name) => ({
      label: name,
      kind: 'placeholder',
      detail: `= ${document.uwsgi.placeholderValue(name) ?? ''}`,
      range,
      newText: name,
    }));
  }

  const assignment = /^(\s*)([^=]*?)\s*=\s*(\S*)$/.exec(before);
  if (assignment) {
    const facts = uwsgiOption(assignment[2]);
    if (facts?.valueKind !== 'flag') return [];
    const range = { start: { line: position.line, character: position.character - assignment[3].length }, end: position };
    return ['true', 'false'].map((value) => ({ label: value, kind: 'value', detail: `turns \`${facts.name}\` ${value === 'true' ? 'on' : 'off'}`, range, newText: value }));
  }

  const key = /^(\s*)(\S*)$/.exec(before);
  if (!key) return [];
  const range = { start: { line: position.line, character: key[1].length }, end: position };
  return allUwsgiOptions().map((facts) => {
    const doc = UWSGI_OPTION_DOCS[facts.name];
    return {
      label: facts.name,
      kind: 'option',
      detail: doc ? firstSentence(doc.summary) : `${facts.valueKind}${facts.plugin === 'core' ? '' : ` · ${facts.plugin} plugin`}`,
      documentation: `${doc ? `${doc.summary}\n\n` : ''}**Value:** ${VALUE_KIND_TEXT[facts.valueKind]}.`,
      range,
      newText: facts.name,
    };
  });
}
