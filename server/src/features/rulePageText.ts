// The text of each rule's page, from the registry: the build writes the pages (in each language) beside the server for
// editors that open its `file:` links, the language server hands them to the VS Code client (rulePageAt), and
// `pydeploy check --format sarif` carries the same help in each rule's descriptor.
import type { Rule, RuleDocs, RuleScope, Severity } from '../rules/types';
import { ruleIndexPath, rulePagePath } from '../rules/rulePages';
import { LOCALES, Locale } from '../l10n/locale';
import { Message, MessageArgument, message, renderText } from '../l10n/message';
import { RULE_DOCS_ZH_CN } from '../l10n/ruleDocs.zh-cn';

const SEVERITY: Record<Severity, Message> = {
  error: message('severity.error'),
  warning: message('severity.warning'),
  information: message('severity.information'),
  hint: message('severity.hint'),
};

const CHECKS: Record<RuleScope, Message> = {
  'uwsgi-ini': message('page.checks.uwsgi-ini'),
  'gunicorn-py': message('page.checks.gunicorn-py'),
  'agent-ini': message('page.checks.agent-ini'),
  'newrelic-ini': message('page.checks.newrelic-ini'),
  requirements: message('page.checks.requirements'),
  launch: message('page.checks.launch'),
  'too-large': message('page.checks.too-large'),
  any: message('page.checks.any'),
};

/** A rule's documentation in a locale: its translation where there is one, else the English text. */
export function ruleDocsIn(rule: Rule, locale: Locale): RuleDocs {
  const translated = locale === 'zh-cn' ? RULE_DOCS_ZH_CN[rule.id] : undefined;
  return translated ? { ...rule.docs, ...translated } : rule.docs;
}

/** `a and b and c`. */
function kindsOf(kinds: readonly MessageArgument[]): MessageArgument {
  return kinds.length <= 1 ? kinds[0] ?? '' : message('page.kinds', { first: kinds[0], rest: kindsOf(kinds.slice(1)) });
}

function fence(file: string, lines: readonly string[]): string {
  const language = file.endsWith('.py') ? 'python' : file.endsWith('.ini') ? 'ini' : 'text';
  return ['```' + language, ...lines, '```'].join('\n');
}

/** A link from one page to another, relative, so that it works in the shipped folder and in a preview alike. */
function relativeLink(from: string, to: string): string {
  const fromFolders = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromFolders.length && fromFolders[common] === toParts[common]) common++;
  return '../'.repeat(fromFolders.length - common) + toParts.slice(common).join('/');
}

/** One rule's page: its help (below), and a link back to the list of rules. */
export function rulePageMarkdown(rule: Rule, locale: Locale = 'en'): string {
  const allRules = renderText(message('page.all-rules', { link: relativeLink(rulePagePath(rule.id, locale), ruleIndexPath(locale)) }), locale);
  return [`# ${rule.id}`, '', ruleHelpMarkdown(rule, locale), '', allRules, ''].join('\n');
}

/** What a rule reports and why, an example, the fix, how to silence it: the page without its title and links. */
export function ruleHelpMarkdown(rule: Rule, locale: Locale = 'en'): string {
  const docs = ruleDocsIn(rule, locale);
  const kinds = (typeof rule.fileKind === 'string' ? [rule.fileKind] : rule.fileKind) as readonly RuleScope[];
  const say = (text: Message) => renderText(text, locale);
  const id = rule.id;
  return [
    say(message('page.by-default', { severity: SEVERITY[rule.defaultSeverity], kinds: kindsOf(kinds.map((kind) => CHECKS[kind])) })),
    '',
    `**${docs.summary}**`,
    '',
    docs.details,
    '',
    say(message('page.example')),
    '',
    say(message('page.wrong', { file: docs.example.file })),
    '',
    fence(docs.example.file, docs.example.wrong),
    '',
    say(message('page.right')),
    '',
    fence(docs.example.file, docs.example.right),
    '',
    say(message('page.how-to-fix')),
    '',
    docs.fix,
    '',
    say(message('page.how-to-silence')),
    '',
    docs.silence,
    '',
    say(message('page.silence-line', { rule: id })),
    say(message('page.silence-file', { rule: id })),
    say(message('page.silence-project', { setting: `rules = { "${id}" = "off" }` })),
    say(message('page.silence-vscode', { setting: `"pydeploy.rules": { "${id}": "off" }` })),
  ].join('\n');
}

/** The page listing every rule, with links to their pages. */
export function ruleIndexMarkdown(rules: readonly Rule[], locale: Locale = 'en'): string {
  const index = ruleIndexPath(locale);
  // English lists the severity as the setting's value; other languages name it.
  const severity = (rule: Rule) => (locale === 'en' ? rule.defaultSeverity : renderText(SEVERITY[rule.defaultSeverity], locale));
  return [
    renderText(message('page.index-title'), locale),
    '',
    renderText(message('page.index-header'), locale),
    '|---|---|---|',
    ...rules.map((rule) => `| [${rule.id}](${relativeLink(index, rulePagePath(rule.id, locale))}) | ${severity(rule)} | ${ruleDocsIn(rule, locale).summary} |`),
    '',
  ].join('\n');
}

/** The page at `path` as rulePagePath and ruleIndexPath name them, in any language; undefined for a path that is no page. */
export function rulePageAt(rules: readonly Rule[], path: string): string | undefined {
  for (const locale of LOCALES) {
    if (path === ruleIndexPath(locale)) return ruleIndexMarkdown(rules, locale);
    const rule = rules.find((candidate) => rulePagePath(candidate.id, locale) === path);
    if (rule) return rulePageMarkdown(rule, locale);
  }
  return undefined;
}
