import { VALUE_KIND_TEXT, uwsgiAliases, uwsgiOption } from '../knowledge/uwsgi/options';
import { UWSGI_OPTION_DOCS, UwsgiOptionDoc } from '../knowledge/uwsgi/optionDocs';
import { UWSGI_OPTION_DOCS_ZH_CN } from '../knowledge/uwsgi/optionDocs.zh-cn';
import type { Locale } from '../l10n/locale';
import { Message, message, renderText } from '../l10n/message';

/** The option's page anchor in uWSGI's documentation. */
export function uwsgiDocsLink(name: string): string {
  return `https://uwsgi-docs.readthedocs.io/en/latest/Options.html#${encodeURIComponent(name)}`;
}

/** What pydeploy writes about an option, in a locale (English where it has no translation). */
export function uwsgiOptionDocIn(name: string, locale: Locale): UwsgiOptionDoc | undefined {
  return (locale === 'zh-cn' ? UWSGI_OPTION_DOCS_ZH_CN[name] : undefined) ?? UWSGI_OPTION_DOCS[name];
}

/** What a user needs to know about a uWSGI option: what it does, how its value is read, what the agent needs. */
export function uwsgiOptionHover(name: string, locale: Locale = 'en'): string | undefined {
  const facts = uwsgiOption(name);
  if (!facts) return undefined;
  const doc = uwsgiOptionDocIn(name, locale);
  const parts: (string | Message)[] = [message('hover.uwsgi-option', { name, plugin: facts.plugin === 'core' ? '' : message('hover.uwsgi-plugin', { plugin: facts.plugin }) })];
  if (doc) parts.push(doc.summary);
  parts.push(message('hover.value', { text: VALUE_KIND_TEXT[facts.valueKind] }));
  if (doc?.agent) parts.push(message('hover.agent', { text: doc.agent }));
  const aliases = uwsgiAliases(facts);
  const extras = [
    aliases.length > 0 ? message('hover.same-setting-as', { aliases: aliases.map((alias) => `\`${alias}\``) }) : '',
    facts.shortcut ? message('hover.command-line-shortcut', { shortcut: facts.shortcut }) : '',
    facts.repeatable ? message('hover.repeatable') : '',
    facts.builtIn ? '' : message('hover.needs-plugin', { plugin: facts.plugin }),
    facts.deprecated ? message('hover.deprecated') : '',
    facts.inStable ? '' : message('hover.only-2.1'),
  ].filter(Boolean);
  const rendered = parts.map((part) => renderText(part, locale));
  if (extras.length > 0) rendered.push(extras.map((extra) => renderText(extra, locale)).join(' · '));
  rendered.push(renderText(message('hover.uwsgi-docs', { link: uwsgiDocsLink(name) }), locale));
  return rendered.join('\n\n');
}
