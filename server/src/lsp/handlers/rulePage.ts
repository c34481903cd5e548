import { rulePageAt } from '../../features/rulePageText';
import { RULES } from '../../rules/registry';
import { invalidParams, isObject } from '../params';
import { RULE_PAGE_REQUEST } from '../requests';

/** `pydeploy/rulePage`: the Markdown of a rule page by its path (`out/rules/...`), or null for no such page. */
export function rulePage(params: unknown): string | null {
  if (!isObject(params) || typeof params.path !== 'string') throw invalidParams(RULE_PAGE_REQUEST, '`path` must be a string');
  return rulePageAt(RULES, params.path) ?? null;
}
