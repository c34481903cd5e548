import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../../features/hover';
import { checkDocumentParams, inside } from '../params';
import type { ServerState } from '../serverState';

/** `textDocument/hover`: what the option, setting or value under the cursor means, in markdown. */
export async function hover(state: ServerState, params: HoverParams): Promise<Hover | null> {
  checkDocumentParams('textDocument/hover', params, true);
  const { document, analysis } = (await state.analysisFor(params.textDocument.uri)) ?? {};
  const found = document && analysis && hoverAt(analysis.document, inside(document, params.position), state.locale, analysis);
  return found ? { contents: { kind: 'markdown', value: found.contents }, range: found.range } : null;
}
