import { MESSAGES, MessageId } from './messages';
import type { Locale } from './locale';

/** A value put into a message's placeholder: a name or number as it is, a list, or another message. */
export type MessageArgument = string | number | Message | readonly MessageArgument[];

/** The `{name}` placeholders of a text, as a union of names (never for a text without any). */
type PlaceholdersOf<Text extends string> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;

type ArgumentsOf<Id extends MessageId> = { readonly [Name in PlaceholdersOf<(typeof MESSAGES)[Id]['en']>]: MessageArgument };

/** A text to show a user, as a message id and its arguments: each shell renders it in the locale it was given. */
export interface Message<Id extends MessageId = MessageId> {
  readonly id: Id;
  readonly args: ArgumentsOf<Id>;
}

/** What a rule or a feature says: a catalogue message, or (until every rule is converted) an English sentence. */
export type Text = string | Message;

/** A message of the catalogue; the compiler checks that the arguments fill exactly its placeholders. */
export function message<Id extends MessageId>(id: Id, ...args: PlaceholdersOf<(typeof MESSAGES)[Id]['en']> extends never ? [] : [ArgumentsOf<Id>]): Message<Id> {
  return { id, args: (args[0] ?? {}) as ArgumentsOf<Id> };
}

/** `a or b or c`, in any locale. */
export function alternatives(items: readonly string[]): MessageArgument {
  return items.length <= 1 ? items.join('') : message('or', { first: items[0], rest: alternatives(items.slice(1)) });
}

const LIST_SEPARATOR: Record<Locale, string> = { en: ', ', 'zh-cn': '、' };

function renderArgument(argument: MessageArgument, locale: Locale): string {
  if (typeof argument === 'string') return argument;
  if (typeof argument === 'number') return String(argument);
  if (isMessageList(argument)) return argument.map((each) => renderArgument(each, locale)).join(LIST_SEPARATOR[locale]);
  return renderText(argument, locale);
}

function isMessageList(argument: MessageArgument): argument is readonly MessageArgument[] {
  return Array.isArray(argument);
}

/**
 * A text in a locale: the message's translation with its placeholders filled, English where the locale has no
 * (or an empty) translation, so that a user never sees a message id or an empty text.
 */
export function renderText(text: Text, locale: Locale): string {
  if (typeof text === 'string') return text;
  const entry: { en: string; 'zh-cn'?: string } = MESSAGES[text.id];
  const template = (locale !== 'en' && entry[locale]) || entry.en;
  const args = text.args as Readonly<Record<string, MessageArgument>>;
  const parts = templateParts(template);
  let rendered = parts[0];
  for (let at = 1; at < parts.length; at += 2) {
    const name = parts[at];
    rendered += (name in args ? renderArgument(args[name], locale) : `{${name}}`) + parts[at + 1];
  }
  return rendered;
}

/** Each catalogue text cut at its `{name}` placeholders, once: a long config's diagnostics render thousands of messages. */
const PARTS_OF_TEMPLATE = new Map<string, readonly string[]>();

/** Literal text at even indexes, placeholder names at odd ones (`a {x} b` is `['a ', 'x', ' b']`). */
function templateParts(template: string): readonly string[] {
  let parts = PARTS_OF_TEMPLATE.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    PARTS_OF_TEMPLATE.set(template, parts);
  }
  return parts;
}
