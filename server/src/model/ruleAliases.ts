/**
 * Old rule ids that still work wherever a user writes a rule id: the `pydeploy.rules` setting, `rules` of
 * `[tool.pydeploy]`, and `# pydeploy: disable...` comments. Tingyun's config rules were `agent/...` while pydeploy
 * knew one agent; every agent now has its own prefix, and configs written for the old ids keep their meaning.
 */
export const RULE_ALIASES: Readonly<Record<string, string>> = {
  'agent/missing-section': 'tingyun/missing-section',
  'agent/missing-license-key': 'tingyun/missing-license-key',
  'agent/unknown-option': 'tingyun/unknown-option',
  'agent/unknown-section': 'tingyun/unknown-section',
  'agent/invalid-value': 'tingyun/invalid-value',
  'agent/duplicate-option': 'tingyun/duplicate-option',
  'agent/exclude-plugins': 'tingyun/exclude-plugins',
};

/** The current id of a rule id a user wrote: the alias's target, else the id itself. */
export function canonicalRuleId(id: string): string {
  return Object.hasOwn(RULE_ALIASES, id) ? RULE_ALIASES[id] : id;
}
