import type { AgentProfile } from './profile';
import { MessageArgument, message } from '../../l10n/message';
import { TINGYUN } from './tingyun';
import { NEW_RELIC } from './newRelic';
import { DATADOG } from './datadog';
import { SENTRY } from './sentry';
import { OPEN_TELEMETRY } from './openTelemetry';
import { ELASTIC } from './elastic';
import { SCOUT } from './scout';
import { APP_DYNAMICS } from './appDynamics';
import { PYROSCOPE } from './pyroscope';
import { PROMETHEUS } from './prometheus';

/** Every agent pydeploy knows, in the order messages list them. */
export const AGENT_PROFILES: readonly AgentProfile[] = [TINGYUN, NEW_RELIC, DATADOG, SENTRY, OPEN_TELEMETRY, ELASTIC, SCOUT, APP_DYNAMICS, PYROSCOPE, PROMETHEUS];

export function agentProfile(id: string): AgentProfile | undefined {
  return AGENT_PROFILES.find((profile) => profile.id === id);
}

/**
 * What applies when a project shows no agent and names none: the requirements pydeploy was first built from
 * (Tingyun's), told of "the APM agent", so that such a project keeps its findings and their severities.
 */
export const UNNAMED_AGENT: AgentProfile = { ...TINGYUN, id: 'apm-agent', name: 'the APM agent' };

/** The agents whose name is translated (the others' names are the same in every language). */
const LOCALIZED_NAMES: Readonly<Record<string, MessageArgument>> = {
  [TINGYUN.id]: message('agent.name.tingyun'),
  [UNNAMED_AGENT.id]: message('agent.name.apm-agent'),
};

/** An agent's name in messages, in the reader's language: `听云`, `APM 探针`. */
export function agentName(profile: AgentProfile): MessageArgument {
  return LOCALIZED_NAMES[profile.id] ?? profile.name;
}

export type { ConsequenceId } from './profile';
export type { AgentProfile, AgentNeed, AgentRequirement, Impact, Evidence } from './profile';
