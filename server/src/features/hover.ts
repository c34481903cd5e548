import { Position, Range, comparePositions } from '../text/lineIndex';
import type { AnalyzedDocument } from '../model/document';
import { VALUE_KIND_TEXT, uwsgiAliases, uwsgiOption } from '../knowledge/uwsgi/options';
import { UWSGI_OPTION_DOCS } from '../knowledge/uwsgi/optionDocs';
import { gunicornSettingHover } from './gunicornHover';

export interface PydeployHover {
  /** Markdown. */
  contents: string;
  range: Range;
}

function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function hoverAt(document: AnalyzedDocument, position: Position): PydeployHover | undefined {
  if (document.kind === 'gunicorn-py') {
    const binding = document.gunicorn.bindings.find((candidate) => contains(candidate.nameRange, position));
    const contents = binding && gunicornSettingHover(binding.name);
    return contents && binding ? { contents, range: binding.nameRange } : undefined;
  }
  const line = document.uwsgi.document.lines[position.line];
  if (line?.kind !== 'entry' || !contains(line.keyRange, position)) return undefined;
  const contents = uwsgiOptionHover(line.key);
  return contents ? { contents, range: line.keyRange } : undefined;
}

/** What a user needs to know about a uWSGI option: what it does, how its value is read, what the agent needs. */
export function uwsgiOptionHover(name: string): string | undefined {
  const facts = uwsgiOption(name);
  if (!facts) return undefined;
  const doc = UWSGI_OPTION_DOCS[name];
  const parts = [`**${name}** (uWSGI option${facts.plugin === 'core' ? '' : `, ${facts.plugin} plugin`})`];
  if (doc) parts.push(doc.summary);
  parts.push(`**Value:** ${VALUE_KIND_TEXT[facts.valueKind]}.`);
  if (doc?.agent) parts.push(`**Agent:** ${doc.agent}`);
  const aliases = uwsgiAliases(facts);
  const extras = [
    aliases.length > 0 ? `same setting as ${aliases.map((alias) => `\`${alias}\``).join(', ')}` : '',
    facts.shortcut ? `command line \`-${facts.shortcut}\`` : '',
    facts.deprecated ? 'deprecated' : '',
  ].filter(Boolean);
  if (extras.length > 0) parts.push(extras.join(' · '));
  return parts.join('\n\n');
}
