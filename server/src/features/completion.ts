import type { Position } from '../text/lineIndex';
import type { AnalyzedDocument } from '../model/document';
import { LineIndex } from '../text/lineIndex';
import { WORKER_SHORT_NAMES, allGunicornSettings, workerRemovedInNewest } from '../knowledge/gunicorn/settings';
import { GUNICORN_SETTING_DOCS } from '../knowledge/gunicorn/settingDocs';
import { gunicornSettingHover } from './gunicornHover';

export interface PydeployCompletion {
  label: string;
  kind: 'setting' | 'hook' | 'value';
  detail: string;
  /** Markdown. */
  documentation?: string;
  /** What to insert, when it differs from the label (a hook's whole `def` line). */
  insertText?: string;
  /** The text the completion replaces: the word typed so far. */
  range: { start: Position; end: Position };
}

/**
 * Completions in a gunicorn.conf.py: setting names at the start of a module-level line, and worker short
 * names inside the string of a `worker_class = "..."` line.
 */
export function completionsAt(document: AnalyzedDocument, position: Position): PydeployCompletion[] {
  if (document.kind !== 'gunicorn-py') return [];
  const index = new LineIndex(document.text);
  const line = index.lineText(position.line);
  const before = line.slice(0, position.character);

  const value = /^\s*worker_class\s*(?::\s*\w+\s*)?=\s*(['"])([\w.:#-]*)$/.exec(before);
  if (value) {
    const typed = value[2];
    const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return [...WORKER_SHORT_NAMES].map(([name, path]) => ({
      label: name,
      kind: 'value',
      detail: workerRemovedInNewest(name) ? `${path} (removed in newer Gunicorn)` : path,
      range,
    }));
  }

  const word = /^([A-Za-z_]\w*)?$/.exec(before);
  if (!word) return [];
  const typed = word[1] ?? '';
  const range = { start: { line: position.line, character: 0 }, end: position };
  const present = new Set(document.gunicorn.settings.map((setting) => setting.facts.name));
  return allGunicornSettings()
    .filter((facts) => !present.has(facts.name) || facts.name === typed)
    .map((facts) => ({
      label: facts.name,
      kind: facts.hook ? 'hook' : 'setting',
      detail: GUNICORN_SETTING_DOCS[facts.name]?.summary.split(/(?<=\.) /)[0] ?? facts.typeKind,
      documentation: gunicornSettingHover(facts.name),
      insertText: facts.hook ? facts.default.replace(/:.*$/, ':') : `${facts.name} = `,
      range,
    }));
}
