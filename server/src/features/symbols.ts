import type { Range } from '../text/lineIndex';
import type { AnalyzedDocument } from '../model/document';

export interface PydeploySymbol {
  name: string;
  /** `setting` for a Gunicorn setting, `hook` for a server hook, `variable`/`function` for helpers. */
  kind: 'setting' | 'hook' | 'variable' | 'function';
  detail: string;
  range: Range;
  selectionRange: Range;
}

/** The outline of a gunicorn.conf.py: its settings and hooks, then the helpers Gunicorn ignores. */
export function documentSymbols(document: AnalyzedDocument): PydeploySymbol[] {
  if (document.kind !== 'gunicorn-py') return [];
  const config = document.gunicorn;
  const settingNames = new Set(config.settings.map((setting) => setting.facts.name));
  const symbols: PydeploySymbol[] = [];
  for (const binding of config.bindings) {
    if (binding.source === 'import' || binding.source === 'class') continue;
    const isSetting = settingNames.has(binding.name);
    const range = binding.source === 'function' ? binding.fn.statementRange : binding.assignment.statementRange;
    const hook = isSetting && binding.source === 'function';
    symbols.push({
      name: binding.name,
      kind: hook ? 'hook' : isSetting ? 'setting' : binding.source === 'function' ? 'function' : 'variable',
      detail: hook ? 'Gunicorn hook' : isSetting ? 'Gunicorn setting' : 'ignored by Gunicorn',
      range,
      selectionRange: binding.nameRange,
    });
  }
  return symbols;
}
