import { launchCompletionsAt } from './launchFeatures';
import type { Position } from '../text/lineIndex';
import type { AnalyzedDocument, DocumentOfKind } from '../model/document';
import { VALUE_KIND_TEXT, allUwsgiOptions, uwsgiOption } from '../knowledge/uwsgi/options';
import { LineIndex } from '../text/lineIndex';
import { WORKER_SHORT_NAMES, allGunicornSettings, workerRemovedInNewest } from '../knowledge/gunicorn/settings';
import { gunicornSettingDocIn, gunicornSettingHover } from './gunicornHover';
import { uwsgiOptionDocIn } from './uwsgiHover';
import { agentCompletionsAt } from './agentFeatures';
import { newRelicCompletionsAt } from './newrelicFeatures';
import type { Locale } from '../l10n/locale';
import { message, renderText } from '../l10n/message';

export interface PydeployCompletion {
  label: string;
  kind: 'option' | 'setting' | 'hook' | 'value' | 'placeholder';
  detail: string;
  /** Markdown. */
  documentation?: string;
  /** What to insert, when it differs from the label (a hook's whole `def` line). */
  insertText?: string;
  /** The text the completion replaces: the word typed so far. */
  range: { start: Position; end: Position };
}

export function completionsAt(document: AnalyzedDocument, position: Position, locale: Locale = 'en'): PydeployCompletion[] {
  switch (document.kind) {
    case 'gunicorn-py':
      return gunicornCompletionsAt(document, position, locale);
    case 'uwsgi-ini':
      return uwsgiCompletionsAt(document, position, locale);
    case 'agent-ini':
      return agentCompletionsAt(document, position, locale);
    case 'newrelic-ini':
      return newRelicCompletionsAt(document, position, locale);
    case 'launch':
      return launchCompletionsAt(document, position, locale);
    case 'requirements':
    // A file too large to read offers nothing rather than making the editor wait.
    case 'too-large':
      return [];
  }
}

/**
 * Completions in a gunicorn.conf.py: setting names at the start of a module-level line, and worker short
 * names inside the string of a `worker_class = "..."` line.
 */
function gunicornCompletionsAt(document: DocumentOfKind<'gunicorn-py'>, position: Position, locale: Locale): PydeployCompletion[] {
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
      detail: workerRemovedInNewest(name) ? renderText(message('completion.removed-in-newer', { path }), locale) : path,
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
      detail: firstSentence(gunicornSettingDocIn(facts.name, locale)?.summary) ?? facts.typeKind,
      documentation: gunicornSettingHover(facts.name, locale),
      insertText: facts.hook ? facts.default.replace(/:.*$/, ':') : `${facts.name} = `,
      range,
    }));
}

/** The first sentence of a text, English (`. `) or Chinese (`。`). */
function firstSentence(text: string): string;
function firstSentence(text: string | undefined): string | undefined;
function firstSentence(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const end = text.search(/\.(\s|$)|。/);
  return end === -1 ? text : text.slice(0, end + 1);
}

/**
 * What may be typed at a position of a uWSGI file: an option name at the start of a line, `true`/`false`
 * after a flag's `=`, a placeholder name inside `%(`.
 */
function uwsgiCompletionsAt(document: DocumentOfKind<'uwsgi-ini'>, position: Position, locale: Locale): PydeployCompletion[] {
  const { index } = document.uwsgi.document;
  const lineText = index.lineText(position.line);
  const before = lineText.slice(0, position.character);
  if (/^\s*[;#[]/.test(before)) return [];

  const placeholder = /%\(([\w.-]*)$/.exec(before);
  if (placeholder) {
    const range = { start: { line: position.line, character: position.character - placeholder[1].length }, end: position };
    const names = new Set([...document.uwsgi.options.map((option) => option.entry.key), ...document.uwsgi.declaredNames]);
    return [...names].filter((name) => name !== '').sort().map((name) => ({
      label: name,
      kind: 'placeholder',
      detail: `= ${document.uwsgi.placeholderValue(name) ?? ''}`,
      range,
    }));
  }

  const assignment = /^(\s*)([^=]*?)\s*=\s*(\S*)$/.exec(before);
  if (assignment) {
    const facts = uwsgiOption(assignment[2]);
    if (facts?.valueKind !== 'flag') return [];
    const range = { start: { line: position.line, character: position.character - assignment[3].length }, end: position };
    return ['true', 'false'].map((value) => ({
      label: value,
      kind: 'value',
      detail: renderText(message(value === 'true' ? 'completion.turns-on' : 'completion.turns-off', { name: facts.name }), locale),
      range,
    }));
  }

  const key = /^(\s*)(\S*)$/.exec(before);
  if (!key) return [];
  const range = { start: { line: position.line, character: key[1].length }, end: position };
  return allUwsgiOptions().map((facts) => {
    const doc = uwsgiOptionDocIn(facts.name, locale);
    return {
      label: facts.name,
      kind: 'option',
      detail: doc
        ? firstSentence(doc.summary)
        : renderText(message('completion.uwsgi-kind', { kind: facts.valueKind, plugin: facts.plugin === 'core' ? '' : message('completion.uwsgi-plugin', { plugin: facts.plugin }) }), locale),
      documentation: `${doc ? `${doc.summary}\n\n` : ''}${renderText(message('hover.value', { text: VALUE_KIND_TEXT[facts.valueKind] }), locale)}`,
      range,
    };
  });
}
