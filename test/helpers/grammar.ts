/**
 * Loads a TextMate grammar of syntaxes/ with the engine VS Code uses (vscode-textmate + the oniguruma wasm,
 * which ships inside its npm package, so no network) and tokenizes lines the way the editor does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

export const ROOT = path.resolve(__dirname, '../..');

/** [token text, its scopes below the root scope joined with spaces ('' for none)]. */
export type Token = [string, string];

export interface LoadedGrammar {
  /** Tokenizes lines in order (carrying the rule stack over), returning each line's tokens. */
  tokenizeLines(lines: string[]): Token[][];
  tokenize(line: string): Token[];
}

let onigurumaLoaded: Promise<void> | undefined;

export async function loadGrammar(file: string, scope: string): Promise<LoadedGrammar> {
  onigurumaLoaded ??= oniguruma.loadWASM(fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  await onigurumaLoaded;
  const grammarPath = path.join(ROOT, 'syntaxes', file);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => (scopeName === scope ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null),
  });
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar, `${file} loads`);
  const tokenizeLines = (lines: string[]): Token[][] => {
    let stack = vsctm.INITIAL;
    return lines.map((line) => {
      const result = grammar.tokenizeLine(line, stack);
      stack = result.ruleStack;
      return result.tokens.map((t): Token => {
        assert.equal(t.scopes[0], scope);
        return [line.slice(t.startIndex, t.endIndex), t.scopes.slice(1).join(' ')];
      });
    });
  };
  return { tokenizeLines, tokenize: (line) => tokenizeLines([line])[0] };
}
