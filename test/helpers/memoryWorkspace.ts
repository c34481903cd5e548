import type { WorkspaceView } from '../../server/src/model/workspace';

/** A workspace held in memory: absolute `/`-separated paths to file texts, bounded by `root`. */
export function memoryWorkspace(files: Record<string, string>, root = '/project'): WorkspaceView {
  return {
    readFile: (path) => files[path],
    listFolder: (folder) => {
      const prefix = folder === '/' ? '/' : `${folder}/`;
      const names = Object.keys(files)
        .filter((path) => path.startsWith(prefix))
        .map((path) => path.slice(prefix.length).split('/')[0]);
      return names.length > 0 ? [...new Set(names)] : undefined;
    },
    rootOf: () => root,
  };
}
