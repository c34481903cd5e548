import { gunicornSetting, GUNICORN_TABLE_VERSION } from '../knowledge/gunicorn/settings';
import { GUNICORN_SETTING_DOCS, GunicornSettingDoc } from '../knowledge/gunicorn/settingDocs';
import { GUNICORN_SETTING_DOCS_ZH_CN } from '../knowledge/gunicorn/settingDocs.zh-cn';
import type { Locale } from '../l10n/locale';
import { Message, MessageArgument, message, renderText } from '../l10n/message';

/** One line per type label of the settings table, saying what a config file may assign. */
const TYPE_TEXT: Record<string, Message> = {
  int: message('gunicorn.type.int'),
  bool: message('gunicorn.type.bool'),
  string: message('gunicorn.type.string'),
  'list[string]': message('gunicorn.type.string-list'),
  'list[path|glob]': message('gunicorn.type.path-list'),
  callable: message('gunicorn.type.callable'),
  dict: message('gunicorn.type.dict'),
  'class-or-import-string': message('gunicorn.type.class'),
  'comma-list': message('gunicorn.type.comma-list'),
  'comma-list[ip/cidr|*]': message('gunicorn.type.address-list'),
  choice: message('gunicorn.type.choice'),
};

/** What pydeploy writes about a setting, in a locale (English where it has no translation). */
export function gunicornSettingDocIn(name: string, locale: Locale): GunicornSettingDoc | undefined {
  return (locale === 'zh-cn' ? GUNICORN_SETTING_DOCS_ZH_CN[name] : undefined) ?? GUNICORN_SETTING_DOCS[name];
}

/** `1, 2 or 3`. */
function eitherOf(numbers: readonly number[]): MessageArgument {
  return numbers.length === 1 ? String(numbers[0]) : message('list-or-last', { first: numbers.slice(0, -1).map(String), last: String(numbers[numbers.length - 1]) });
}

/** What a user needs to know about a Gunicorn setting: what it does, what it takes, its default and flag. */
export function gunicornSettingHover(name: string, locale: Locale = 'en'): string | undefined {
  const facts = gunicornSetting(name);
  if (!facts) return undefined;
  const doc = gunicornSettingDocIn(name, locale);
  const render = (text: string | Message) => renderText(text, locale);
  const parts = [render(message('hover.gunicorn-setting', { name, section: facts.section }))];
  if (doc) parts.push(doc.summary);
  const type = TYPE_TEXT[facts.typeKind] ?? `\`${facts.typeKind}\``;
  const arity =
    facts.hook && facts.arity
      ? facts.arity.length === 1 && facts.arity[0] === 1
        ? message('hover.hook-arity-one')
        : message('hover.hook-arity', { arity: eitherOf(facts.arity) })
      : '';
  const choices = facts.choices ? message('hover.one-of', { choices: facts.choices.map((choice) => `\`${choice}\``) }) : '';
  parts.push(render(message('hover.value', { text: message('hover.type-with-arity', { type, arity }) })) + render(choices));
  if (!facts.hook) parts.push(render(message('hover.default', { value: facts.default.split('\n')[0].replace(/`/g, "'") })));
  if (doc?.agent) parts.push(render(message('hover.agent', { text: doc.agent })));
  const extras = [
    facts.cli.length > 0 ? message('hover.command-line', { flags: facts.cli.map((flag) => `\`${flag}\``) }) : message('hover.config-file-only'),
    facts.added ? message('hover.since', { version: facts.added }) : '',
    facts.in23 ? '' : message('hover.newer-than', { version: GUNICORN_TABLE_VERSION.stable }),
    facts.deprecated ? message('hover.deprecated') : '',
  ].filter(Boolean);
  parts.push(extras.map(render).join(' · '));
  return parts.join('\n\n');
}
