import { ErrorCodes, Position, ResponseError } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

// A client may send anything: params are checked where they come in, so that a malformed request gets an
// InvalidParams error that says what is wrong, rather than a TypeError from deep in a feature (or a wrong answer).
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isUinteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown): boolean => isObject(value) && isUinteger(value.line) && isUinteger(value.character);
const isRange = (value: unknown): boolean => isObject(value) && isPosition(value.start) && isPosition(value.end);

export function invalidParams(method: string, what: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${what}`);
}

/** Throws InvalidParams unless `params.textDocument.uri` is a string (and `params.position` a position, when asked). */
export function checkDocumentParams(method: string, params: unknown, withPosition: boolean): void {
  if (!isObject(params) || !isObject(params.textDocument) || typeof params.textDocument.uri !== 'string') {
    throw invalidParams(method, '`textDocument.uri` must be a string');
  }
  if (withPosition && !isPosition(params.position)) {
    throw invalidParams(method, '`position` must be { line, character } of non-negative integers');
  }
}

export function checkCodeActionParams(params: unknown): void {
  const method = 'textDocument/codeAction';
  checkDocumentParams(method, params, false);
  const { range, context } = params as Record<string, unknown>;
  if (!isRange(range)) throw invalidParams(method, '`range` must be { start, end } positions of non-negative integers');
  if (!isObject(context) || !Array.isArray(context.diagnostics) || !context.diagnostics.every((diagnostic) => isObject(diagnostic) && isRange(diagnostic.range))) {
    throw invalidParams(method, '`context.diagnostics` must be a list of diagnostics with ranges');
  }
  if (context.only !== undefined && !(Array.isArray(context.only) && context.only.every((kind) => typeof kind === 'string'))) {
    throw invalidParams(method, '`context.only` must be a list of code action kinds');
  }
}

/**
 * A position past the end of its line or of the document stands for that end (LSP's rule for characters), so that
 * what the features answer, a completion's edit range included, lies inside the text.
 */
export function inside(document: TextDocument, position: Position): Position {
  return document.positionAt(document.offsetAt(position));
}
