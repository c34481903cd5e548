/**
 * pydeploy's own requests beside LSP's, which the VS Code client sends: the status bar's text for the active
 * document, and the agents a workspace folder shows for "New deployment config…". Kept free of the analysis code
 * so that the client bundles only these names and types.
 */
import type { AgentStatus, ProjectAgent } from '../features/agentReadiness';

/** Params `{ textDocument: { uri } }` of an open document; the result is an AgentStatus, or null for a file pydeploy does not read. */
export const AGENT_STATUS_REQUEST = 'pydeploy/agentStatus';

/** Params `{ uri }` of a folder or file of the workspace; the result lists the agents its folder's files show (ProjectAgent[]). */
export const PROJECT_AGENTS_REQUEST = 'pydeploy/projectAgents';

export type { AgentStatus, ProjectAgent };
