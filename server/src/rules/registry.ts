import type { FileKind } from '../model/document';
import type { Rule } from './types';
import { enableThreadsRule } from './uwsgi/enableThreads';
import { singleInterpreterRule } from './uwsgi/singleInterpreter';
import { lazyAppsRule } from './uwsgi/lazyApps';
import { preferLazyAppsRule } from './uwsgi/preferLazyApps';
import { unknownOptionRule } from './uwsgi/unknownOption';
import { invalidValueRule } from './uwsgi/invalidValue';
import { unusualFlagValueRule } from './uwsgi/unusualFlagValue';
import { duplicateOptionRule } from './uwsgi/duplicateOption';
import { conflictingOptionsRule } from './uwsgi/conflictingOptions';
import { includeNotFoundRule } from './uwsgi/includeNotFound';
import { inlineCommentRule } from './uwsgi/inlineComment';

/** Every rule pydeploy has, in the order their findings and fixes are listed. */
export const RULES: readonly Rule[] = [
  enableThreadsRule,
  singleInterpreterRule,
  lazyAppsRule,
  preferLazyAppsRule,
  unknownOptionRule,
  invalidValueRule,
  unusualFlagValueRule,
  duplicateOptionRule,
  conflictingOptionsRule,
  inlineCommentRule,
  includeNotFoundRule,
];

export function rulesFor(kind: FileKind): readonly Rule[] {
  return RULES.filter((rule) => rule.fileKind === kind);
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
