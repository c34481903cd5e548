import { computedOnce } from './workspace';
import type { WorkspaceView } from './workspace';
import { workspaceFiles } from './workspaceFiles';
import { basename } from '../text/paths';

/**
 * Files a deployment sets environment variables in: dotenv files, shell scripts, Dockerfiles, Compose and
 * Kubernetes YAML, Procfiles, units, server configs, Python and TOML/JSON settings, files without an extension.
 */
function maySetEnvironment(path: string): boolean {
  const name = basename(path).toLowerCase();
  return name.startsWith('.env') || !name.includes('.') || /\.(env|sh|bash|ya?ml|ini|conf|cfg|py|toml|json|service|dockerfile|tf|j2|tpl|template)$/.test(name) || /^(dockerfile|containerfile|procfile)/.test(name);
}

/**
 * Whether any file of the workspace folder holding `path` names `variable` (`NEW_RELIC_LICENSE_KEY`): then the
 * deployment may well set it, and a config that leaves the value to it is not reported. Computed once per
 * workspace state when the shell keeps one.
 */
export function workspaceMentions(workspace: WorkspaceView, path: string, variable: string): boolean {
  const root = workspace.rootOf(path);
  return computedOnce(workspace, `mentions:${variable}:${root}`, (view) =>
    workspaceFiles(view, root).some((file) => file !== path && maySetEnvironment(file) && (view.readFile(file)?.includes(variable) ?? false)),
  );
}
