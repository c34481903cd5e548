import type { Range } from '../text/lineIndex';
import type { AnalyzedDocument, DocumentOfKind } from '../model/document';
import type { IniDocument } from '../parse/uwsgiIni';

export interface PydeploySymbol {
  name: string;
  /**
   * `section`/`option` in ini files; `setting` for a Gunicorn setting, `hook` for a server hook,
   * `variable`/`function` for helpers.
   */
  kind: 'section' | 'option' | 'setting' | 'hook' | 'variable' | 'function';
  detail: string;
  range: Range;
  selectionRange: Range;
  children?: PydeploySymbol[];
}

export function documentSymbols(document: AnalyzedDocument): PydeploySymbol[] {
  switch (document.kind) {
    case 'gunicorn-py':
      return gunicornSymbols(document);
    case 'uwsgi-ini':
      return iniSymbols(document.uwsgi.document);
    case 'agent-ini':
      return iniSymbols(document.agent.document);
    case 'newrelic-ini':
      return iniSymbols(document.newrelic.document);
    case 'requirements':
    case 'launch':
    case 'too-large':
      return [];
  }
}

/** The outline of an ini file (uWSGI's or the agent's): every section with its options. */
function iniSymbols(document: IniDocument): PydeploySymbol[] {
  const { index, sections } = document;
  return sections.flatMap((section, i) => {
    const header = section.header;
    if (!header) return [];
    const next = sections[i + 1]?.header;
    const lastLine = next ? Math.max(header.line, next.line - 1) : index.lineCount - 1;
    return [
      {
        name: `[${section.name}]`,
        kind: 'section' as const,
        detail: `${section.entries.length} option(s)`,
        range: { start: header.range.start, end: { line: lastLine, character: index.lineText(lastLine).length } },
        selectionRange: header.range,
        children: section.entries.map((entry) => ({
          name: entry.key,
          kind: 'option' as const,
          detail: entry.value,
          range: { start: entry.keyRange.start, end: entry.valueRange.end },
          selectionRange: entry.keyRange,
        })),
      },
    ];
  });
}

/** The outline of a gunicorn.conf.py: its settings and hooks, then the helpers Gunicorn ignores. */
function gunicornSymbols(document: DocumentOfKind<'gunicorn-py'>): PydeploySymbol[] {
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
