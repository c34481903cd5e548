import { VALUE_KIND_TEXT, uwsgiAliases, uwsgiOption } from '../knowledge/uwsgi/options';
import { UWSGI_OPTION_DOCS } from '../knowledge/uwsgi/optionDocs';

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
