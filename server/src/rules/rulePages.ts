/**
 * Where each rule's documentation page lies, relative to the root of the installed extension or package. The build
 * writes the pages there from the registry (scripts/generate-rule-pages.ts); the language server links each
 * diagnostic to its rule's page, and the VS Code client opens it.
 */
export const RULE_PAGES_FOLDER = 'out/rules';

/** The page of one rule, e.g. `out/rules/uwsgi/enable-threads.md`. */
export function rulePagePath(ruleId: string): string {
  return `${RULE_PAGES_FOLDER}/${ruleId}.md`;
}

/** The page that lists every rule. */
export const RULE_INDEX_PATH = `${RULE_PAGES_FOLDER}/index.md`;
