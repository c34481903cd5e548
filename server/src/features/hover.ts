import { Position, Range } from '../text/lineIndex';
import type { AnalyzedDocument, DocumentOfKind } from '../model/document';
import { uwsgiOptionHover } from './uwsgiHover';
import { gunicornSettingHover } from './gunicornHover';
import { contains, lineAt, placeholderAt } from './uwsgiPositions';
import { basename } from '../text/paths';
import { agentHoverAt } from './agentFeatures';
import { launchHoverAt } from './launchFeatures';
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
export function hoverAt(document: AnalyzedDocument, position: Position, analysis?: Analysis): PydeployHover | undefined {
  if (document.kind === 'agent-ini') return agentHoverAt(document, position);
  if (document.kind === 'requirements' || document.kind === 'too-large') return undefined;
  if (document.kind === 'launch') return launchHoverAt(document, position);
  if (document.kind === 'gunicorn-py') {
    const binding = document.gunicorn.bindings.find((candidate) => contains(candidate.nameRange, position));
    const contents = binding && gunicornSettingHover(binding.name);
    if (contents && binding) return { contents, range: binding.nameRange };
    const firstLine = { start: { line: 0, character: 0 }, end: document.gunicorn.module.index.positionAt(document.text.search(/\r?\n|$/)) };
    return position.line === 0 && analysis ? agentsHover(analysis, firstLine) : undefined;
  }
  const line = lineAt(document, position);
  if (line?.kind === 'section' && line.name === 'uwsgi' && analysis) return agentsHover(analysis, line.range);
  if (line?.kind !== 'entry') return undefined;
  if (contains(line.keyRange, position)) {
    const contents = uwsgiOptionHover(line.key);
    return contents ? { contents, range: line.keyRange } : undefined;
  }
  const placeholder = placeholderAt(line, position);
  if (!placeholder) return undefined;
  return { contents: placeholderHover(document, placeholder.name), range: placeholder.range };
}

function agentsHover(analysis: Analysis, range: Range): PydeployHover | undefined {
  const readiness = agentReadiness(analysis);
  return readiness && { contents: agentReadinessHover(readiness), range };
}

/** Where `%(name)` gets its value, and what the value is. */
function placeholderHover(document: DocumentOfKind<'uwsgi-ini'>, name: string): string {
  const config = document.uwsgi;
  const value = config.placeholderValue(name);
  const definition = config.options.find((option) => option.entry.key === name || option.entry.value.startsWith(`${name}=`));
  if (value === undefined || !definition) {
    return `**%(${name})**: not defined in this file or the files it includes. uWSGI leaves \`%(${name})\` as it is (or uses the option \`${name}\` when one is set elsewhere, such as on the command line).`;
  }
  const where = definition.local ? `line ${definition.entry.line + 1}` : `${basename(definition.source.path)}, line ${definition.entry.line + 1}`;
  return `**%(${name})** = \`${value}\`\n\nSet by \`${definition.entry.key}\` on ${where}.`;
}
