/**
 * pydeploy's own requests beside LSP's, which the VS Code client sends: the status bar's text for the active
 * document, the agents a workspace folder shows for "New deployment config…", and the rule pages it previews. Kept free of the analysis code
 * so that the client bundles only these names and types.
 */
import type { AgentStatus, ProjectAgent } from '../features/agentReadiness';

/** Params `{ textDocument: { uri } }` of an open document; the result is an AgentStatus, or null for a file pydeploy does not read. */
export const AGENT_STATUS_REQUEST = 'pydeploy/agentStatus';

/** Params `{ uri }` of a folder or file of the workspace; the result lists the agents its folder's files show (ProjectAgent[]). */
export const PROJECT_AGENTS_REQUEST = 'pydeploy/projectAgents';

/**
 * Params `{ path }`, a page's path as rulePagePath or ruleIndexPath name it (`out/rules/zh-cn/uwsgi/lazy-apps.md`);
 * the result is the page's Markdown, or null for a path that is no page. The .vsix ships no pages: they are made here.
 */
export const RULE_PAGE_REQUEST = 'pydeploy/rulePage';

export type { AgentStatus, ProjectAgent };
