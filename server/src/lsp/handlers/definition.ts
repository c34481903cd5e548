import { DefinitionParams, Location } from 'vscode-languageserver/node';
import { pathToFileURL } from 'node:url';
import { definitionAt } from '../../features/navigation';
import { checkDocumentParams, inside } from '../params';
import type { ServerState } from '../serverState';

/** `textDocument/definition`: the file (and place in it) that the value under the cursor names. */
export async function definition(state: ServerState, params: DefinitionParams): Promise<Location | null> {
  checkDocumentParams('textDocument/definition', params, true);
  const { document, analysis } = (await state.analysisFor(params.textDocument.uri)) ?? {};
  const target = document && analysis && definitionAt(analysis.document, inside(document, params.position));
  return target ? { uri: pathToFileURL(target.path).href, range: target.range } : null;
}
