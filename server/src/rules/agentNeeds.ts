import type { AgentNeed, AgentRequirement, Impact } from '../knowledge/agents';
import { AGENT_PROFILES, agentName } from '../knowledge/agents';
import { Message, message } from '../l10n/message';
import { AgentScope, DeploymentAgent, deploymentAgents, wrapperSignal } from '../model/agents';
import type { Launch, LaunchWrapper } from '../parse/launch/types';
import { PackageVersion, allowsOnlyBelow, allowsOnlyFrom } from '../model/projectVersion';
import { parseVersion } from '../parse/requirements';
import type { Finding, RelatedLocation, Severity } from './types';

/**
 * What the agents of a deployment need, for the rules that check it: which agents hold a need, how bad missing it
 * is (the worst of theirs), what goes wrong for each, and where the project shows each agent.
 */

/** One agent's requirement that applies to the deployment. */
export interface NeedHolder {
  agent: DeploymentAgent;
  requirement: AgentRequirement;
}

const SEVERITY_OF: Record<Impact, Severity> = { breaks: 'error', degrades: 'warning', noise: 'information' };
const RANK: Record<Impact, number> = { breaks: 0, degrades: 1, noise: 2 };

/** A requirement holds unless the pinned uWSGI version rules its versions out. */
function holdsFor(requirement: AgentRequirement, uwsgiVersion: PackageVersion | undefined): boolean {
  const { uwsgiBelow, uwsgiFrom } = requirement.versions ?? {};
  const below = uwsgiBelow === undefined ? undefined : parseVersion(uwsgiBelow);
  const from = uwsgiFrom === undefined ? undefined : parseVersion(uwsgiFrom);
  if (below && allowsOnlyFrom(uwsgiVersion, below)) return false;
  if (from && allowsOnlyBelow(uwsgiVersion, from)) return false;
  return true;
}

/** The agents of the deployment whose profile cites `need`, each with its requirement that holds for the pinned uWSGI. */
export function needHolders(document: AgentScope, need: AgentNeed): NeedHolder[] {
  const uwsgiVersion = document.kind === 'uwsgi-ini' ? document.uwsgiVersion : undefined;
  return deploymentAgents(document).agents.flatMap((agent) =>
    agent.profile.requirements.filter((requirement) => requirement.need === need && holdsFor(requirement, uwsgiVersion)).map((requirement) => ({ agent, requirement })),
  );
}

/**
 * The agents whose wrapper program a launch runs under and whose profile cites `need` for the pinned uWSGI. The
 * wrapper shows its agent whatever else the project shows or the `agents` setting names: it runs either way.
 */
export function wrapperHolders(launch: Launch, wrapper: LaunchWrapper, need: AgentNeed, uwsgiVersion: PackageVersion | undefined): NeedHolder[] {
  const signal = wrapperSignal(launch, wrapper);
  return AGENT_PROFILES.filter((profile) => profile.signals.wrappers.includes(wrapper.name)).flatMap((profile) =>
    profile.requirements
      .filter((requirement) => requirement.need === need && holdsFor(requirement, uwsgiVersion))
      .map((requirement) => ({ agent: { profile, signals: [signal] }, requirement })),
  );
}

/** The severity of a finding about holders' needs: the worst impact among them. */
export function holdersSeverity(holders: readonly NeedHolder[]): Severity {
  const worst = [...holders].sort((a, b) => RANK[a.requirement.impact] - RANK[b.requirement.impact])[0];
  return SEVERITY_OF[worst?.requirement.impact ?? 'degrades'];
}

/**
 * What goes wrong, agent by agent (the worst first, one clause per agent): `Datadog's tracer does not start; ...`, a
 * message to pass as an argument of the rule's own.
 */
export function consequences(holders: readonly NeedHolder[]): Message {
  const byAgent = new Map<string, NeedHolder>();
  for (const holder of [...holders].sort((a, b) => RANK[a.requirement.impact] - RANK[b.requirement.impact])) {
    if (!byAgent.has(holder.agent.profile.id)) byAgent.set(holder.agent.profile.id, holder);
  }
  const clauses = [...byAgent.values()].map(({ agent, requirement }) => message(requirement.consequence, { agent: agentName(agent.profile) }));
  return joined(clauses);
}

/** Clauses one after the other, `; ` between them in English, `；` in Chinese. */
function joined([first, ...rest]: readonly Message[]): Message {
  return rest.length === 0 ? first : message('agent.consequences', { first, rest: joined(rest) });
}

/** Where the project shows each holder's agent: the related information of a finding (none for an unnamed agent). */
export function agentEvidence(holders: readonly NeedHolder[], findingPath: string): RelatedLocation[] {
  const seen = new Set<string>();
  const related: RelatedLocation[] = [];
  for (const { agent } of holders) {
    if (seen.has(agent.profile.id)) continue;
    seen.add(agent.profile.id);
    const signal = agent.signals[0];
    if (!signal) continue;
    related.push({ range: signal.range, message: message('agent.evidence', { agent: agentName(agent.profile), signal: signal.description }), ...(signal.path !== findingPath ? { path: signal.path } : {}) });
  }
  return related;
}

/** A finding about holders' needs, with their severity, the agents it is about and, where the project shows them, the evidence. */
export function forAgents<F extends Finding>(finding: F, holders: readonly NeedHolder[], findingPath: string): F {
  // Evidence on the finding's own line (a wrapper next to the flag reported) would only repeat what the line shows.
  const evidence = agentEvidence(holders, findingPath).filter(({ path, range }) => path !== undefined || range.start.line !== finding.range.start.line);
  const related = [...(finding.related ?? []), ...evidence];
  const agents = [...new Set(holders.map(({ agent }) => agent.profile.id))];
  return { ...finding, severity: holdersSeverity(holders), agents, ...(related.length > 0 ? { related } : {}) };
}

/**
 * The findings of a rule about one need: `check` gets what the holders lose (`consequences`), and its findings get
 * their severity and evidence; nothing when no agent of the deployment holds the need.
 */
export function checkNeed<D>(document: AgentScope, need: AgentNeed, check: (what: Message) => Finding<D>[]): Finding<D>[] {
  const holders = needHolders(document, need);
  if (holders.length === 0) return [];
  return check(consequences(holders)).map((finding) => forAgents(finding, holders, document.path));
}
