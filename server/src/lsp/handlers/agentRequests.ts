import { AgentStatus, ProjectAgent, agentStatus as statusOf, projectAgents as agentsOf } from '../../features/agentReadiness';
import { effectiveSettings } from '../../features/settings';
import { checkDocumentParams, invalidParams, isObject } from '../params';
import { AGENT_STATUS_REQUEST, PROJECT_AGENTS_REQUEST } from '../requests';
import type { ServerState } from '../serverState';
import { filePathOf } from '../uris';

/** `pydeploy/agentStatus`: the status bar's text for an open document, or null for a file pydeploy does not read. */
export async function agentStatus(state: ServerState, params: unknown): Promise<AgentStatus | null> {
  checkDocumentParams(AGENT_STATUS_REQUEST, params, false);
  const analysis = (await state.analysisFor((params as { textDocument: { uri: string } }).textDocument.uri))?.analysis;
  return analysis ? statusOf(analysis, state.locale) : null;
}

/** `pydeploy/projectAgents`: the agents the files of a folder show, for "New deployment config…". */
export async function projectAgents(state: ServerState, params: unknown): Promise<ProjectAgent[]> {
  if (!isObject(params) || typeof params.uri !== 'string') throw invalidParams(PROJECT_AGENTS_REQUEST, '`uri` must be a string');
  const path = filePathOf(params.uri);
  if (path === undefined) return [];
  const settings = effectiveSettings(path, await state.settings.for(params.uri), state.workspace);
  return agentsOf(state.workspace.rootOf(path), state.workspace, settings.agents, state.locale);
}
