import { Position, Range } from '../text/lineIndex';
import type { AnalyzedDocument, DocumentOfKind } from '../model/document';
import { VALUE_KIND_TEXT, uwsgiAliases, uwsgiOption } from '../knowledge/uwsgi/options';
import { UWSGI_OPTION_DOCS } from '../knowledge/uwsgi/optionDocs';
import { gunicornSettingHover } from './gunicornHover';
import { contains, lineAt, placeholderAt } from './uwsgiPositions';
import { basename } from '../model/workspace';
import { agentHoverAt } from './agentFeatures';
import { launchHoverAt } from './launchFeatures';

export interface PydeployHover {
  /** Markdown. */
  contents: string;
  range: Range;
}

export function hoverAt(document: AnalyzedDocument, position: Position): PydeployHover | undefined {
  if (document.kind === 'agent-ini') return agentHoverAt(document, position);
  if (document.kind === 'requirements' || document.kind === 'too-large') return undefined;
  if (document.kind === 'launch') return launchHoverAt(document, position);
  if (document.kind === 'gunicorn-py') {
    const binding = document.gunicorn.bindings.find((candidate) => contains(candidate.nameRange, position));
    const contents = binding && gunicornSettingHover(binding.name);
    return contents && binding ? { contents, range: binding.nameRange } : undefined;
  }
  const line = lineAt(document, position);
  if (line?.kind !== 'entry') return undefined;
  if (contains(line.keyRange, position)) {
    const contents = uwsgiOptionHover(line.key);
    return contents ? { contents, range: line.keyRange } : undefined;
  }
  const placeholder = placeholderAt(line, position);
  if (!placeholder) return undefined;
  return { contents: placeholderHover(document, placeholder.name), range: placeholder.range };
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

/** The option's page anchor in uWSGI's documentation. */
export function uwsgiDocsLink(name: string): string {
  return `https://uwsgi-docs.readthedocs.io/en/latest/Options.html#${encodeURIComponent(name)}`;
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
    facts.repeatable ? 'may be repeated' : '',
    facts.builtIn ? '' : `needs \`plugin = ${facts.plugin}\` unless built in`,
    facts.deprecated ? 'deprecated' : '',
    facts.inStable ? '' : 'only in uWSGI 2.1 (master), not in 2.0.x',
  ].filter(Boolean);
  if (extras.length > 0) parts.push(extras.join(' · '));
  parts.push(`[uWSGI documentation](${uwsgiDocsLink(name)})`);
  return parts.join('\n\n');
}
