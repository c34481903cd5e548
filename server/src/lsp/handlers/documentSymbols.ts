import { DocumentSymbol, DocumentSymbolParams, SymbolKind } from 'vscode-languageserver/node';
import { PydeploySymbol, documentSymbols as symbolsOf } from '../../features/symbols';
import { checkDocumentParams } from '../params';
import type { ServerState } from '../serverState';

const SYMBOL_KINDS: Record<PydeploySymbol['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  option: SymbolKind.Property,
  setting: SymbolKind.Property,
  hook: SymbolKind.Event,
  variable: SymbolKind.Variable,
  function: SymbolKind.Function,
};

function toLspSymbol(symbol: PydeploySymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children?.map(toLspSymbol),
  };
}

/** `textDocument/documentSymbol`: the outline of sections, options, settings, hooks and functions. */
export async function documentSymbols(state: ServerState, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  checkDocumentParams('textDocument/documentSymbol', params, false);
  const analysis = (await state.analysisFor(params.textDocument.uri))?.analysis;
  if (!analysis) return [];
  return symbolsOf(analysis.document).map(toLspSymbol);
}
