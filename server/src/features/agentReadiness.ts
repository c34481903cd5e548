import type { Analysis, RuleFinding } from './analysis';
import { readingsOf } from './readings';
import { AgentScope, DeploymentAgent, DeploymentAgents, deploymentAgents } from '../model/agents';
import { rulesFor } from '../rules/registry';
import { needHolders } from '../rules/agentNeeds';
import { AGENT_PROFILES, UNNAMED_AGENT } from '../knowledge/agents';
import type { AnalyzedDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace';
import { basename } from '../text/paths';
import { renderText } from '../l10n/message';

/**
 * Whether a deployment config is ready for the agents of its project, agent by agent: the rules that check each
 * agent's needs here, and the findings of the analysis about it. Nothing is judged again: a need is unmet exactly
 * when a rule reported a finding about that agent (`Finding.agents`).
 */

export interface AgentVerdict {
  agent: DeploymentAgent;
  /** The rules of this file's kind that check a need of the agent that holds here (the pinned uWSGI may rule one out). */
  checkedBy: string[];
  /** The analysis's findings about the agent's needs, in the file's order. */
  findings: RuleFinding[];
  /** No finding about it at error or warning severity. */
  ready: boolean;
}

export interface AgentReadiness {
  how: DeploymentAgents['how'];
  verdicts: AgentVerdict[];
}

const isProblem = ({ severity }: RuleFinding): boolean => severity === 'error' || severity === 'warning';

function inScope(document: AnalyzedDocument): document is AgentScope & AnalyzedDocument {
  return document.kind === 'uwsgi-ini' || document.kind === 'gunicorn-py';
}

/**
 * The verdict for each agent of the analysed config (or of the configs a launch file starts), undefined for a file
 * that starts no server. With several launches the agents of each are listed once, with the evidence of the first.
 */
export function agentReadiness(analysis: Analysis): AgentReadiness | undefined {
  const readings = readingsOf(analysis.document).map((reading) => reading.document).filter(inScope);
  if (readings.length === 0) return undefined;
  const verdicts = new Map<string, AgentVerdict>();
  let how: DeploymentAgents['how'] = 'none';
  for (const reading of readings) {
    const agents = deploymentAgents(reading);
    if (agents.how !== 'none') how = agents.how;
    const needs = rulesFor(reading.kind).filter((rule) => rule.needs && analysis.settings.rules?.[rule.id] !== 'off');
    for (const agent of agents.agents) {
      const id = agent.profile.id;
      const verdict = verdicts.get(id) ?? { agent, checkedBy: [], findings: [], ready: true };
      for (const rule of needs) {
        const holds = (rule.needs ?? []).some((need) => needHolders(reading, need).some((holder) => holder.agent.profile.id === id));
        if (holds && !verdict.checkedBy.includes(rule.id)) verdict.checkedBy.push(rule.id);
      }
      verdicts.set(id, verdict);
    }
  }
  for (const verdict of verdicts.values()) {
    verdict.findings = analysis.findings
      .filter(({ finding }) => finding.agents?.includes(verdict.agent.profile.id))
      .sort((a, b) => a.finding.range.start.line - b.finding.range.start.line || a.finding.range.start.character - b.finding.range.start.character);
    verdict.ready = !verdict.findings.some(isProblem);
  }
  // The unnamed agent stands for "none found": not listed beside agents another launch's reading shows.
  return { how, verdicts: [...verdicts.values()].filter((verdict) => how === 'none' || verdict.agent.profile !== UNNAMED_AGENT) };
}

/** How to name the agents, said wherever pydeploy found none. */
const HOW_TO_NAME_AGENTS =
  `name yours with the setting \`pydeploy.agents\` (for example \`["datadog"]\`) or \`agents = ["datadog"]\` in \`[tool.pydeploy]\` of pyproject.toml; known: ${AGENT_PROFILES.map((profile) => profile.id).join(', ')}`;

/** A `file:` link to a line, which the editor opens at that line; `path` is absolute and `/`-separated. */
function lineLink(path: string, line: number): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}#L${line + 1}`;
}

/** The short name of what a rule checks (`uwsgi/lazy-apps` → `lazy-apps`), for the status bar. */
const checkName = (ruleId: string): string => ruleId.slice(ruleId.indexOf('/') + 1);

/** The Markdown of the hover on `[uwsgi]` or a Gunicorn config's first line: the agents, their evidence, their verdicts. */
export function agentReadinessHover(readiness: AgentReadiness): string {
  const parts: string[] = [];
  if (readiness.how === 'none') {
    parts.push(`**APM agents:** none found in the project and none named, so pydeploy checks what an APM agent commonly needs; ${HOW_TO_NAME_AGENTS}.`);
  } else {
    parts.push(readiness.how === 'named' ? '**APM agents** named in the settings (`agents`):' : '**APM agents** found in the project:');
  }
  for (const { agent, checkedBy, findings, ready } of readiness.verdicts) {
    const name = readiness.how === 'none' ? 'The APM agent' : agent.profile.name;
    const lines: string[] = [];
    const problems = findings.filter(isProblem).length;
    const verdict = ready
      ? checkedBy.length > 0
        ? 'this configuration meets its needs'
        : 'none of its needs is checked in this file'
      : `this configuration misses ${problems === 1 ? 'one of its needs' : `${problems} of its needs`}`;
    lines.push(`**${name}**: ${verdict}${checkedBy.length > 0 ? ` (checked: ${checkedBy.map((id) => `\`${id}\``).join(', ')})` : ''}.`);
    for (const signal of agent.signals) lines.push(`- ${renderText(signal.description, 'en')}: [${basename(signal.path)}:${signal.range.start.line + 1}](${lineLink(signal.path, signal.range.start.line)})`);
    if (agent.signals.length === 0 && readiness.how === 'named') lines.push('- named in the settings; nothing in the project shows it');
    for (const { rule, severity, finding } of findings) lines.push(`- ${severity} \`${rule.id}\` (line ${finding.range.start.line + 1}): ${renderText(finding.message, 'en')}`);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n');
}

/** What the status bar shows for an analysed file: whether it is agent-ready, and for which agents, or what it misses. */
export interface AgentStatus {
  ready: boolean;
  /** `agent-ready: Datadog, Sentry`, `not agent-ready: Datadog (lazy-apps)`, `2 problems`. */
  text: string;
  /** Markdown: the agents with their evidence, and what is missing, one paragraph each. */
  tooltip: string;
}

export function agentStatus(analysis: Analysis): AgentStatus {
  const readiness = agentReadiness(analysis);
  const problems = analysis.findings.filter(isProblem).length;
  const verdicts = readiness?.verdicts ?? [];
  const missing = verdicts.filter((verdict) => !verdict.ready);
  const named = readiness && readiness.how !== 'none' ? verdicts.map((verdict) => verdict.agent.profile.name) : [];
  const misses = (verdict: AgentVerdict) => [...new Set(verdict.findings.filter(isProblem).map(({ rule }) => checkName(rule.id)))].join(', ');
  let text: string;
  if (missing.length > 0) {
    text = `not agent-ready: ${readiness?.how === 'none' ? misses(missing[0]) : missing.map((verdict) => `${verdict.agent.profile.name} (${misses(verdict)})`).join('; ')}`;
  } else if (problems > 0) text = `${problems} ${problems === 1 ? 'problem' : 'problems'}`;
  else text = `agent-ready${named.length > 0 ? `: ${named.join(', ')}` : ''}`;

  const tooltip: string[] = [];
  if (!readiness) tooltip.push('pydeploy: this file starts no server with an APM agent pydeploy knows of.');
  else if (readiness.how === 'none') tooltip.push(`pydeploy: no APM agent found in the project or named: ${HOW_TO_NAME_AGENTS}.`);
  else tooltip.push(`pydeploy: APM agents ${readiness.how === 'named' ? 'named in the settings' : 'found in the project'}:`);
  for (const verdict of readiness && readiness.how !== 'none' ? verdicts : []) {
    const evidence = verdict.agent.signals.map((signal) => `${renderText(signal.description, 'en')} (${basename(signal.path)}:${signal.range.start.line + 1})`);
    tooltip.push(`${verdict.agent.profile.name}: ${verdict.ready ? 'ready' : `misses ${misses(verdict)}`}${evidence.length > 0 ? ` — ${evidence.join('; ')}` : ''}`);
  }
  if (readiness?.how === 'none' && missing.length > 0) tooltip.push(`Misses ${misses(missing[0])}.`);
  if (problems > 0) tooltip.push(`${problems} ${problems === 1 ? 'error or warning' : 'errors and warnings'} in this file: click to show the Problems panel.`);
  return { ready: missing.length === 0 && problems === 0, text, tooltip: tooltip.join('\n\n') };
}

/** An agent the project shows, for "New deployment config…" to offer first. */
export interface ProjectAgent {
  id: string;
  name: string;
  /** The first piece of evidence: `ddtrace in requirements.txt`. */
  evidence: string;
}

/**
 * The agents a workspace folder's requirement and config files show (no launch or app module: there is no config
 * yet), or those the `agents` setting names.
 */
export function projectAgents(root: string, workspace: WorkspaceView, agentNames: readonly string[] | undefined): ProjectAgent[] {
  const scope: AgentScope = { kind: 'requirements', path: `${root === '/' ? '' : root}/requirements.txt`, text: '', requirementKind: 'requirements', workspace, agentNames };
  const agents = deploymentAgents(scope);
  if (agents.how === 'none') return [];
  return agents.agents.map(({ profile, signals }) => ({ id: profile.id, name: profile.name, evidence: signals[0] ? renderText(signals[0].description, 'en') : 'named in the settings' }));
}
