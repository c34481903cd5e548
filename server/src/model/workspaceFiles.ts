import type { WorkspaceView } from './workspace';
import { resolvePath } from '../text/paths';

/**
 * The files of a workspace folder that pydeploy reads, and where a file a config names is among them. Everything is
 * found through the WorkspaceView; nothing is run.
 */

/** Folders no project keeps its deployment files in, and that can be huge. */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.tox', '.nox', '.venv', 'venv', 'site-packages', '.mypy_cache', '.pytest_cache']);

const WALK_LIMIT = 20_000;

/**
 * The files under a workspace folder, from the shell's index when it keeps one, else by walking the folder
 * through the view (bounded, skipping virtual environments and tool folders).
 */
export function workspaceFiles(workspace: WorkspaceView, root: string): readonly string[] {
  const indexed = workspace.filesUnder?.(root);
  if (indexed) return indexed;
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    const names = workspace.listFolder(folder);
    if (!names || depth > 12) return;
    for (const name of [...names].sort()) {
      if (found.length >= WALK_LIMIT) return;
      const path = `${folder === '/' ? '' : folder}/${name}`;
      if (SKIPPED_FOLDERS.has(name)) continue;
      const inner = workspace.listFolder(path);
      if (inner !== undefined) {
        if (!inner.includes('pyvenv.cfg')) walk(path, depth + 1);
      } else found.push(path);
    }
  };
  walk(root, 0);
  return found;
}

/**
 * Finds a file a config names in the workspace: as written (absolute, or relative to each of `folders`), then, for
 * an absolute path of the deployment machine (`/srv/app/tingyun.ini`), by its trailing parts under the workspace
 * root (`<root>/app/tingyun.ini`, `<root>/tingyun.ini`).
 */
export function locateInWorkspace(workspace: WorkspaceView, root: string, target: string, folders: readonly string[]): string | undefined {
  const candidates = target.startsWith('/') ? [resolvePath('/', target)] : folders.map((folder) => resolvePath(folder, target));
  if (target.startsWith('/')) {
    const parts = target.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) candidates.push(resolvePath(root, parts.slice(i).join('/')));
  }
  return candidates.find((path) => workspace.readFile(path) !== undefined);
}
