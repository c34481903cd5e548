import { CompletionItem, CompletionItemKind, CompletionParams, InsertTextFormat } from 'vscode-languageserver/node';
import { completionsAt } from '../../features/completion';
import { checkDocumentParams, inside } from '../params';
import type { ServerState } from '../serverState';

/** `textDocument/completion`: the options, settings, hooks or values that fit where the cursor is. */
export async function completion(state: ServerState, params: CompletionParams): Promise<CompletionItem[]> {
  checkDocumentParams('textDocument/completion', params, true);
  const { document, analysis } = (await state.analysisFor(params.textDocument.uri)) ?? {};
  if (!document || !analysis) return [];
  return completionsAt(analysis.document, inside(document, params.position), state.locale).map((completion) => ({
    label: completion.label,
    kind: completion.kind === 'value' ? CompletionItemKind.EnumMember : completion.kind === 'hook' ? CompletionItemKind.Function : CompletionItemKind.Property,
    detail: completion.detail,
    documentation: completion.documentation ? { kind: 'markdown', value: completion.documentation } : undefined,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: completion.range, newText: completion.insertText ?? completion.label },
    filterText: completion.label,
  }));
}
