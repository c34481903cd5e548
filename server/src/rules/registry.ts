import type { DocumentKind } from '../model/document';
import type { Rule } from './types';
import { enableThreadsRule } from './uwsgi/enableThreads';
import { singleInterpreterRule } from './uwsgi/singleInterpreter';
import { lazyAppsRule } from './uwsgi/lazyApps';
import { preferLazyAppsRule } from './uwsgi/preferLazyApps';
import { forkSafetyRule } from './uwsgi/forkSafety';
import { masterRule } from './uwsgi/master';
import { skipAtexitRule } from './uwsgi/skipAtexit';
import { agentImportRule } from './uwsgi/agentImport';
import { geventMonkeyPatchRule } from './uwsgi/geventMonkeyPatch';
import { wsgiEnvBehaviorRule } from './uwsgi/wsgiEnvBehavior';
import { unknownSettingRule } from './gunicorn/unknownSetting';
import { invalidValueRule as gunicornInvalidValueRule } from './gunicorn/invalidValue';
import { hookSignatureRule } from './gunicorn/hookSignature';
import { preloadAppRule } from './gunicorn/preloadApp';
import { asyncWorkerRule } from './gunicorn/asyncWorker';
import { agentStartedInMasterRule } from './gunicorn/agentStartedInMaster';
import { geventPatchOrderRule } from './gunicorn/geventPatchOrder';
import { instrumentWorkerMetricsRule } from './gunicorn/instrumentWorkerMetrics';
import { multiprocDirRule } from './prometheus/multiprocDir';
import { childExitRule } from './prometheus/childExit';
import { ineffectiveSettingRule } from './gunicorn/ineffectiveSetting';
import { overriddenSettingRule } from './gunicorn/overriddenSetting';
import { unknownOptionRule } from './uwsgi/unknownOption';
import { invalidValueRule as uwsgiInvalidValueRule } from './uwsgi/invalidValue';
import { unusualFlagValueRule } from './uwsgi/unusualFlagValue';
import { duplicateOptionRule } from './uwsgi/duplicateOption';
import { conflictingOptionsRule } from './uwsgi/conflictingOptions';
import { overriddenOptionRule } from './uwsgi/overriddenOption';
import { optionPrefixRule, unknownCommandLineOptionRule } from './launch/unknownOption';
import { agentWrapperRule } from './launch/agentWrapper';
import { osAfterForkRule } from './uwsgi/osAfterFork';
import { includeNotFoundRule } from './uwsgi/includeNotFound';
import { inlineCommentRule } from './uwsgi/inlineComment';
import { byteOrderMarkRule } from './uwsgi/byteOrderMark';
import { ineffectiveOptionRule } from './uwsgi/ineffectiveOption';
import { mountAndModuleRule } from './uwsgi/mountAndModule';
import { workerLifetimeRule } from './uwsgi/workerLifetime';
import { unexpandedVariableRule } from './uwsgi/unexpandedVariable';
import { unknownRuleRule } from './pydeploy/unknownRule';
import { fileTooLargeRule } from './pydeploy/fileTooLarge';
import { missingSectionRule } from './tingyun/missingSection';
import { missingLicenseKeyRule } from './tingyun/missingLicenseKey';
import { unknownOptionRule as agentUnknownOptionRule } from './tingyun/unknownOption';
import { unknownSectionRule } from './tingyun/unknownSection';
import { invalidValueRule as agentInvalidValueRule } from './tingyun/invalidValue';
import { duplicateOptionRule as agentDuplicateOptionRule } from './tingyun/duplicateOption';
import { excludePluginsRule } from './tingyun/excludePlugins';
import { syntaxErrorRule as newRelicSyntaxErrorRule } from './newrelic/syntaxError';
import { duplicateOptionRule as newRelicDuplicateOptionRule } from './newrelic/duplicateOption';
import { unknownOptionRule as newRelicUnknownOptionRule } from './newrelic/unknownOption';
import { removedOptionRule as newRelicRemovedOptionRule } from './newrelic/removedOption';
import { unknownSectionRule as newRelicUnknownSectionRule } from './newrelic/unknownSection';
import { invalidValueRule as newRelicInvalidValueRule } from './newrelic/invalidValue';
import { literalPlaceholderRule as newRelicLiteralPlaceholderRule } from './newrelic/literalPlaceholder';
import { missingLicenseKeyRule as newRelicMissingLicenseKeyRule } from './newrelic/missingLicenseKey';
import { unsupportedVersionRule } from './tornado/unsupportedVersion';
import { wsgiAdapterModeRule } from './tornado/wsgiAdapterMode';

/**
 * Every rule pydeploy has, in the order their findings and fixes are listed. Each rule runs only on
 * documents of its own fileKind (see rulesFor), which is what makes the widening below sound.
 */
export const RULES = [
  enableThreadsRule,
  singleInterpreterRule,
  lazyAppsRule,
  preferLazyAppsRule,
  osAfterForkRule,
  forkSafetyRule,
  masterRule,
  skipAtexitRule,
  agentImportRule,
  geventMonkeyPatchRule,
  wsgiEnvBehaviorRule,
  unknownOptionRule,
  uwsgiInvalidValueRule,
  unusualFlagValueRule,
  duplicateOptionRule,
  conflictingOptionsRule,
  overriddenOptionRule,
  unknownCommandLineOptionRule,
  optionPrefixRule,
  agentWrapperRule,
  inlineCommentRule,
  byteOrderMarkRule,
  unexpandedVariableRule,
  includeNotFoundRule,
  ineffectiveOptionRule,
  mountAndModuleRule,
  workerLifetimeRule,
  unknownSettingRule,
  gunicornInvalidValueRule,
  hookSignatureRule,
  preloadAppRule,
  agentStartedInMasterRule,
  geventPatchOrderRule,
  instrumentWorkerMetricsRule,
  multiprocDirRule,
  childExitRule,
  asyncWorkerRule,
  ineffectiveSettingRule,
  overriddenSettingRule,
  missingSectionRule,
  missingLicenseKeyRule,
  agentUnknownOptionRule,
  unknownSectionRule,
  agentInvalidValueRule,
  agentDuplicateOptionRule,
  excludePluginsRule,
  newRelicSyntaxErrorRule,
  newRelicMissingLicenseKeyRule,
  newRelicUnknownOptionRule,
  newRelicRemovedOptionRule,
  newRelicUnknownSectionRule,
  newRelicInvalidValueRule,
  newRelicLiteralPlaceholderRule,
  newRelicDuplicateOptionRule,
  unsupportedVersionRule,
  wsgiAdapterModeRule,
  unknownRuleRule(() => RULE_IDS),
  fileTooLargeRule,
] as readonly Rule[];

const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export function rulesFor(kind: DocumentKind): readonly Rule[] {
  return RULES.filter((rule) => {
    const kinds: readonly string[] = typeof rule.fileKind === 'string' ? [rule.fileKind] : rule.fileKind;
    return kinds.includes(kind) || (kinds.includes('any') && kind !== 'too-large');
  });
}

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
