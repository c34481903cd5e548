import { Position, Range } from '../text/lineIndex';
import type { AnalyzedDocument, DocumentOfKind } from '../model/document';
import { uwsgiOptionHover } from './uwsgiHover';
import { gunicornSettingHover } from './gunicornHover';
import { contains, lineAt, placeholderAt } from './uwsgiPositions';
import { basename } from '../text/paths';
import { agentHoverAt } from './agentFeatures';
import { newRelicHoverAt } from './newrelicFeatures';
import { launchHoverAt } from './launchFeatures';
import type { Locale } from '../l10n/locale';
import { message, renderText } from '../l10n/message';
import type { Analysis } from './analysis';
import { agentReadiness, agentReadinessHover } from './agentReadiness';

export interface PydeployHover {
  /** Markdown. */
  contents: string;
  range: Range;
}

/**
 * The hover at a position. With the document's analysis, the `[uwsgi]` header and a Gunicorn config's first line
 * tell which agents the project uses and whether the config is ready for each (features/agentReadiness.ts).
 */
export function hoverAt(document: AnalyzedDocument, position: Position, locale: Locale = 'en', analysis?: Analysis): PydeployHover | undefined {
  if (document.kind === 'agent-ini') return agentHoverAt(document, position, locale);
  if (document.kind === 'newrelic-ini') return newRelicHoverAt(document, position, locale);
  if (document.kind === 'requirements' || document.kind === 'too-large') return undefined;
  if (document.kind === 'launch') return launchHoverAt(document, position, locale);
  if (document.kind === 'gunicorn-py') {
    const binding = document.gunicorn.bindings.find((candidate) => contains(candidate.nameRange, position));
    const contents = binding && gunicornSettingHover(binding.name, locale);
    if (contents && binding) return { contents, range: binding.nameRange };
    const firstLine = { start: { line: 0, character: 0 }, end: document.gunicorn.module.index.positionAt(document.text.search(/\r?\n|$/)) };
    return position.line === 0 && analysis ? agentsHover(analysis, firstLine, locale) : undefined;
  }
  const line = lineAt(document, position);
  if (line?.kind === 'section' && line.name === 'uwsgi' && analysis) return agentsHover(analysis, line.range, locale);
  if (line?.kind !== 'entry') return undefined;
  if (contains(line.keyRange, position)) {
    const contents = uwsgiOptionHover(line.key, locale);
    return contents ? { contents, range: line.keyRange } : undefined;
  }
  const placeholder = placeholderAt(line, position);
  if (!placeholder) return undefined;
  return { contents: placeholderHover(document, placeholder.name, locale), range: placeholder.range };
}

function agentsHover(analysis: Analysis, range: Range, locale: Locale): PydeployHover | undefined {
  const readiness = agentReadiness(analysis);
  return readiness && { contents: agentReadinessHover(readiness, locale), range };
}

/** Where `%(name)` gets its value, and what the value is. */
function placeholderHover(document: DocumentOfKind<'uwsgi-ini'>, name: string, locale: Locale): string {
  const config = document.uwsgi;
  const value = config.placeholderValue(name);
  const definition = config.options.find((option) => option.entry.key === name || option.entry.value.startsWith(`${name}=`));
  if (value === undefined || !definition) {
    return renderText(message('hover.placeholder-undefined', { name }), locale);
  }
  const line = definition.entry.line + 1;
  const where = definition.local ? message('hover.line', { line }) : message('hover.file-line', { file: basename(definition.source.path), line });
  return renderText(message('hover.placeholder', { name, value, key: definition.entry.key, where }), locale);
}
