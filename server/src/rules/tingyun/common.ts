import type { DocumentOfKind } from '../../model/document';
import type { IniEntry, IniSection } from '../../parse/uwsgiIni';
import { isTingyunSectionName } from '../../model/agentConfig';
import type { Change } from '../change';

export type AgentDocument = DocumentOfKind<'agent-ini'>;

/** The agent's sections of the file (`[tingyun]`, `[tingyun:...]`) with their entries, in file order. */
export function tingyunSections(document: AgentDocument): IniSection[] {
  return document.agent.sections.filter((section) => isTingyunSectionName(section.name));
}

/** A value followed by what its author meant as a comment: white space, then `;` or `#`. */
export function inlineComment(entry: IniEntry): { meant: string; comment: string; offset: number } | undefined {
  if (entry.value.includes('\n')) return undefined;
  const match = /\s+[;#]/.exec(entry.value);
  if (!match || match.index === 0) return undefined;
  return { meant: entry.value.slice(0, match.index), comment: entry.value.slice(match.index).trimStart(), offset: match.index };
}

/** Moves an inline comment to its own line above, leaving `meant` as the value (or another value). */
export function moveCommentChanges(document: AgentDocument, entry: IniEntry, comment: string, value: string): Change[] {
  const lineStart = { line: entry.line, character: 0 };
  return [
    { kind: 'replace', range: { start: lineStart, end: lineStart }, newText: `${entry.indent}${comment}${document.agent.document.index.eol}` },
    { kind: 'replace', range: entry.valueRange, newText: value },
  ];
}

export function code(text: string): string {
  return `\`${text.replace(/\n/g, ' ')}\``;
}
