import type { Locale } from '../l10n/locale';

/**
 * Where each rule's documentation page lies, relative to the root of the installed extension or package. The build
 * writes the pages there from the registry (scripts/generate-rule-pages.ts); the language server links each
 * diagnostic to its rule's page, and the VS Code client opens it. English pages are at the top of the folder, each
 * other language's in a folder named by its locale.
 */
export const RULE_PAGES_FOLDER = 'out/rules';

function pagesFolder(locale: Locale): string {
  return locale === 'en' ? RULE_PAGES_FOLDER : `${RULE_PAGES_FOLDER}/${locale}`;
}

/** The page of one rule, e.g. `out/rules/uwsgi/enable-threads.md`, or `out/rules/zh-cn/uwsgi/enable-threads.md`. */
export function rulePagePath(ruleId: string, locale: Locale = 'en'): string {
  return `${pagesFolder(locale)}/${ruleId}.md`;
}

/** The page that lists every rule. */
export function ruleIndexPath(locale: Locale = 'en'): string {
  return `${pagesFolder(locale)}/index.md`;
}

/** The English index. */
export const RULE_INDEX_PATH = ruleIndexPath('en');
