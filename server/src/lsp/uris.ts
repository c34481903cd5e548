import type { InitializeParams } from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { corePath } from '../node/fileWorkspace';

/** The file path part of a document URI; the analysis core decides by name and content, not by URI scheme. */
export function pathOf(uri: string): string {
  const withoutQuery = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(withoutQuery.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));
  } catch {
    return withoutQuery;
  }
}

/**
 * The absolute, `/`-separated path the analysis core speaks for a `file:` URI (the same form the CLI
 * gives it), or undefined for any other scheme: only files on disk have includes and requirement files
 * around them to read.
 */
export function filePathOf(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    return corePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** The URIs of the workspace's folders as `initialize` names them (the root URI of a client without folders). */
export function workspaceFolderUris(params: InitializeParams): string[] {
  return params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
}

/** The paths of those folders that are on disk: they bound the searches for included configs and requirement files. */
export function folderPaths(folderUris: readonly string[]): string[] {
  return folderUris.map(filePathOf).filter((path): path is string => path !== undefined);
}

/** The folders of the workspace, which bound the searches for included configs and requirement files. */
export function workspaceRoots(params: InitializeParams): string[] {
  const roots = folderPaths(workspaceFolderUris(params));
  if (roots.length === 0 && params.rootPath) roots.push(corePath(params.rootPath));
  return roots;
}
