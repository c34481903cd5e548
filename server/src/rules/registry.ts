import type { FileKind } from '../model/document';
import type { Rule } from './types';
import { enableThreadsRule } from './uwsgi/enableThreads';
import { singleInterpreterRule } from './uwsgi/singleInterpreter';
import { lazyAppsRule } from './uwsgi/lazyApps';
import { preferLazyAppsRule } from './uwsgi/preferLazyApps';
import { unknownSettingRule } from './gunicorn/unknownSetting';
import { invalidValueRule } from './gunicorn/invalidValue';
import { hookSignatureRule } from './gunicorn/hookSignature';
import { preloadAppRule } from './gunicorn/preloadApp';
import { asyncWorkerRule } from './gunicorn/asyncWorker';

/** Every rule pydeploy has, in the order their findings and fixes are listed. */
export const RULES: readonly Rule[] = [
  enableThreadsRule,
  singleInterpreterRule,
  lazyAppsRule,
  preferLazyAppsRule,
  unknownSettingRule,
  invalidValueRule,
  hookSignatureRule,
  preloadAppRule,
  asyncWorkerRule,
] as readonly Rule[];

export function rulesFor(kind: FileKind): readonly Rule[] {
  return RULES.filter((rule) => rule.fileKind === kind);
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
