import { gunicornSetting, GUNICORN_TABLE_VERSION } from '../knowledge/gunicorn/settings';
import { GUNICORN_SETTING_DOCS } from '../knowledge/gunicorn/settingDocs';

/** One line per type label of the settings table, saying what a config file may assign. */
const TYPE_TEXT: Record<string, string> = {
  int: 'a whole number, 0 or more (a string such as `"4"` or `"0x10"` is read too)',
  bool: '`True` or `False` (or the strings `"true"`/`"false"`); 1 and 0 are refused',
  string: 'a string',
  'list[string]': 'a list of strings (a single string is taken as a list of one)',
  'list[path|glob]': 'a list of file paths (newer releases also take glob patterns)',
  callable: 'a function, usually a `def` with this name',
  dict: 'a dict',
  'class-or-import-string': 'a short name or a dotted path to a class (or the class itself)',
  'comma-list': 'a string of comma-separated items',
  'comma-list[ip/cidr|*]': 'a string of comma-separated addresses or networks, or `*`',
  choice: 'one of the words listed below',
};

/** What a user needs to know about a Gunicorn setting: what it does, what it takes, its default and flag. */
export function gunicornSettingHover(name: string): string | undefined {
  const facts = gunicornSetting(name);
  if (!facts) return undefined;
  const doc = GUNICORN_SETTING_DOCS[name];
  const parts = [`**${name}** (Gunicorn setting · ${facts.section})`];
  if (doc) parts.push(doc.summary);
  const type = TYPE_TEXT[facts.typeKind] ?? `\`${facts.typeKind}\``;
  const arity = facts.hook && facts.arity ? ` with ${facts.arity.join(', ').replace(/, (\d+)$/, ' or $1')} positional parameter${facts.arity.length === 1 && facts.arity[0] === 1 ? '' : 's'}` : '';
  parts.push(`**Value:** ${type}${arity}.` + (facts.choices ? ` One of ${facts.choices.map((choice) => `\`${choice}\``).join(', ')}.` : ''));
  if (!facts.hook) parts.push(`**Default:** \`${facts.default.split('\n')[0].replace(/`/g, "'")}\``);
  if (doc?.agent) parts.push(`**Agent:** ${doc.agent}`);
  const extras = [
    facts.cli.length > 0 ? `command line ${facts.cli.map((flag) => `\`${flag}\``).join(', ')}` : 'config file only',
    facts.added ? `since ${facts.added}` : '',
    facts.in23 ? '' : `newer than ${GUNICORN_TABLE_VERSION.stable}`,
    facts.deprecated ? 'deprecated' : '',
  ].filter(Boolean);
  parts.push(extras.join(' · '));
  return parts.join('\n\n');
}
