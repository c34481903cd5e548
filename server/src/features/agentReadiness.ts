import type { Analysis, RuleFinding } from './analysis';
import { readingsOf } from './readings';
import { AgentScope, DeploymentAgent, DeploymentAgents, deploymentAgents } from '../model/agents';
import { rulesFor } from '../rules/registry';
import { needHolders } from '../rules/agentNeeds';
import { AGENT_PROFILES, UNNAMED_AGENT } from '../knowledge/agents';
import type { AnalyzedDocument } from '../model/document';
import type { WorkspaceView } from '../model/workspace';
import { basename } from '../text/paths';
import type { Locale } from '../l10n/locale';
import { Message, message, renderText } from '../l10n/message';

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
const HOW_TO_NAME_AGENTS = message('agents.how-to-name', { known: AGENT_PROFILES.map((profile) => profile.id) });

/** Between the agents of the status bar text and between pieces of evidence: a semicolon of the locale. */
const CLAUSE_SEPARATOR: Record<Locale, string> = { en: '; ', 'zh-cn': '；' };

/** A `file:` link to a line, which the editor opens at that line; `path` is absolute and `/`-separated. */
function lineLink(path: string, line: number): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `file://${encoded.startsWith('/') ? '' : '/'}${encoded}#L${line + 1}`;
}

/** The short name of what a rule checks (`uwsgi/lazy-apps` → `lazy-apps`), for the status bar. */
const checkName = (ruleId: string): string => ruleId.slice(ruleId.indexOf('/') + 1);

/** The Markdown of the hover on `[uwsgi]` or a Gunicorn config's first line: the agents, their evidence, their verdicts. */
export function agentReadinessHover(readiness: AgentReadiness, locale: Locale = 'en'): string {
  const say = (text: Message) => renderText(text, locale);
  const parts: string[] = [];
  if (readiness.how === 'none') parts.push(say(message('agents.hover-none', { how: HOW_TO_NAME_AGENTS })));
  else parts.push(say(message(readiness.how === 'named' ? 'agents.hover-named' : 'agents.hover-found')));
  for (const { agent, checkedBy, findings, ready } of readiness.verdicts) {
    const name = readiness.how === 'none' ? message('agents.the-agent') : agent.profile.name;
    const lines: string[] = [];
    const problems = findings.filter(isProblem).length;
    const verdict = ready
      ? message(checkedBy.length > 0 ? 'agents.meets' : 'agents.nothing-checked')
      : problems === 1
        ? message('agents.misses-one')
        : message('agents.misses-many', { count: problems });
    const rules = checkedBy.map((id) => `\`${id}\``);
    lines.push(say(checkedBy.length > 0 ? message('agents.verdict-checked', { agent: name, verdict, rules }) : message('agents.verdict', { agent: name, verdict })));
    for (const signal of agent.signals) lines.push(`- ${renderText(signal.description, locale)}: [${basename(signal.path)}:${signal.range.start.line + 1}](${lineLink(signal.path, signal.range.start.line)})`);
    if (agent.signals.length === 0 && readiness.how === 'named') lines.push(say(message('agents.named-only')));
    for (const { rule, severity, finding } of findings) {
      lines.push(say(message('agents.finding', { severity: message(`agents.severity.${severity}`), rule: rule.id, line: finding.range.start.line + 1, message: renderText(finding.message, locale) })));
    }
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

export function agentStatus(analysis: Analysis, locale: Locale = 'en'): AgentStatus {
  const say = (text: Message) => renderText(text, locale);
  const readiness = agentReadiness(analysis);
  const problems = analysis.findings.filter(isProblem).length;
  const verdicts = readiness?.verdicts ?? [];
  const missing = verdicts.filter((verdict) => !verdict.ready);
  const named = readiness && readiness.how !== 'none' ? verdicts.map((verdict) => verdict.agent.profile.name) : [];
  const misses = (verdict: AgentVerdict) => [...new Set(verdict.findings.filter(isProblem).map(({ rule }) => checkName(rule.id)))];
  const separator = CLAUSE_SEPARATOR[locale];
  let text: string;
  if (missing.length > 0) {
    const which =
      readiness?.how === 'none'
        ? say(message('agents.status-not-ready', { missing: misses(missing[0]) }))
        : say(message('agents.status-not-ready', { missing: missing.map((verdict) => say(message('agents.status-agent-misses', { agent: verdict.agent.profile.name, checks: misses(verdict) }))).join(separator) }));
    text = which;
  } else if (problems > 0) text = say(problems === 1 ? message('agents.status-problem') : message('agents.status-problems', { count: problems }));
  else text = say(named.length > 0 ? message('agents.status-ready-for', { agents: named }) : message('agents.status-ready'));

  const tooltip: string[] = [];
  if (!readiness) tooltip.push(say(message('agents.tooltip-no-server')));
  else if (readiness.how === 'none') tooltip.push(say(message('agents.tooltip-none', { how: HOW_TO_NAME_AGENTS })));
  else tooltip.push(say(message(readiness.how === 'named' ? 'agents.tooltip-named' : 'agents.tooltip-found')));
  for (const verdict of readiness && readiness.how !== 'none' ? verdicts : []) {
    const evidence = verdict.agent.signals.map((signal) => `${renderText(signal.description, locale)} (${basename(signal.path)}:${signal.range.start.line + 1})`);
    const state = verdict.ready ? message('agents.tooltip-ready') : message('agents.tooltip-misses', { checks: misses(verdict) });
    const agent = verdict.agent.profile.name;
    tooltip.push(say(evidence.length > 0 ? message('agents.tooltip-agent-evidence', { agent, verdict: state, evidence: evidence.join(separator) }) : message('agents.tooltip-agent', { agent, verdict: state })));
  }
  if (readiness?.how === 'none' && missing.length > 0) tooltip.push(say(message('agents.tooltip-misses-sentence', { checks: misses(missing[0]) })));
  if (problems > 0) tooltip.push(say(problems === 1 ? message('agents.tooltip-problem') : message('agents.tooltip-problems', { count: problems })));
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
export function projectAgents(root: string, workspace: WorkspaceView, agentNames: readonly string[] | undefined, locale: Locale = 'en'): ProjectAgent[] {
  const scope: AgentScope = { kind: 'requirements', path: `${root === '/' ? '' : root}/requirements.txt`, text: '', requirementKind: 'requirements', workspace, agentNames };
  const agents = deploymentAgents(scope);
  if (agents.how === 'none') return [];
  return agents.agents.map(({ profile, signals }) => ({ id: profile.id, name: profile.name, evidence: renderText(signals[0]?.description ?? message('agents.named-in-settings'), locale) }));
}
