import { parser } from '@lezer/python';
import type { SyntaxNodeRef } from '@lezer/common';
import { WorkspaceView, computedOnce } from './workspace';
import { dirname } from '../text/paths';
import type { DocumentOfKind } from './document';
import { appReference, locateModule } from './appReference';
import { locateInWorkspace } from './workspaceFiles';

/**
 * The Python source a deployment serves, as a static scan sees it: the app module and the workspace modules it
 * imports, with comments and strings blanked out. Nothing is ever run.
 */

/** The text with the spans the tree walk picks blanked out (line breaks kept): same length, same offsets. */
function blanked(text: string, blank: (node: SyntaxNodeRef) => boolean): string {
  const chars = text.split('');
  const cursor = parser.parse(text).cursor();
  do {
    if (blank(cursor)) {
      for (let i = cursor.from; i < cursor.to; i++) if (chars[i] !== '\n') chars[i] = ' ';
    }
  } while (cursor.next());
  return chars.join('');
}

const NOT_CODE = new Set(['Comment', 'String', 'FormatString']);

/** Python source with comments and string literals blanked out, so that only code is matched. */
export function pythonCode(text: string): string {
  return blanked(text, ({ name }) => NOT_CODE.has(name));
}

/**
 * The code that runs when a module is imported: `pythonCode` with the bodies of functions and lambdas blanked too
 * (a class body runs, and so do decorators and default values).
 */
export function importTimeCode(text: string): string {
  return blanked(
    text,
    (node) => NOT_CODE.has(node.name) || node.name === 'LambdaExpression' || (node.name === 'Body' && node.node.parent?.name === 'FunctionDefinition'),
  );
}

/** Modules a file imports (`import a.b`, `from a.b import c`, `from .x import y` found from the file's own folder). */
function importedModules(code: string, path: string): Array<{ module: string; folder?: string }> {
  const found: Array<{ module: string; folder?: string }> = [];
  for (const match of code.matchAll(/^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+\(?([\w, \t]+)/gm)) {
    const [, dots, name, names] = match;
    if (dots === '') {
      // `from pkg import module` imports `pkg.module` when that is a module (and a name of `pkg` otherwise).
      found.push({ module: name }, ...names.split(',').map((imported) => ({ module: `${name}.${imported.trim().split(/\s+/)[0]}` })));
      continue;
    }
    let folder = dirname(path);
    for (let i = 1; i < dots.length; i++) folder = dirname(folder);
    if (name) found.push({ module: name, folder });
    else for (const imported of names.split(',')) found.push({ module: imported.trim(), folder });
  }
  for (const match of code.matchAll(/^[ \t]*import[ \t]+([\w., \t]+)/gm)) {
    for (const part of match[1].split(',')) found.push({ module: part.trim().split(/\s+/)[0] });
  }
  return found.filter(({ module }) => module !== '');
}

/** One module of the app as the scan read it. */
export interface ScannedModule {
  path: string;
  text: string;
  /** The text with comments and strings blanked out: same length, same offsets. */
  code: string;
}

/** How far the scan follows imports, and how many files it reads at most: an app's entry and its settings. */
const IMPORT_DEPTH = 3;
const MAX_FILES = 30;

/**
 * The app module, then the workspace modules it imports, breadth first, up to two imports away. Several rules and the
 * agents' detection scan the same app: read once per workspace state where the shell keeps one.
 */
export function scanAppModules(workspace: WorkspaceView, root: string, start: string, folders: readonly string[]): ScannedModule[] {
  return computedOnce(workspace, `app-modules:${root}:${start}:${folders.join(':')}`, (view) => scan(view, root, start, folders));
}

function scan(workspace: WorkspaceView, root: string, start: string, folders: readonly string[]): ScannedModule[] {
  const modules: ScannedModule[] = [];
  const seen = new Set<string>();
  let frontier = [start];
  for (let depth = 0; depth < IMPORT_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const path of frontier) {
      if (seen.has(path) || modules.length >= MAX_FILES) continue;
      seen.add(path);
      const text = workspace.readFile(path);
      if (text === undefined) continue;
      const code = pythonCode(text);
      modules.push({ path, text, code });
      for (const imported of importedModules(code, path)) {
        const found = locateModule(workspace, root, imported.module, imported.folder ? [imported.folder] : [...folders, dirname(path)]);
        if (found) next.push(found);
      }
    }
    frontier = next;
  }
  return modules;
}

const scanned = new WeakMap<object, ScannedModule[] | undefined>();

/**
 * The app's modules of a server config's reading (see scanAppModules); undefined when the app module (`module`,
 * `wsgi-file`, `wsgi_app`, the command line's app) is not in the workspace. Scanned once per config object: agent
 * detection and several rules read them.
 */
export function appModulesOf(document: DocumentOfKind<'uwsgi-ini' | 'gunicorn-py'>): ScannedModule[] | undefined {
  const key = document.kind === 'uwsgi-ini' ? document.uwsgi : document.gunicorn;
  if (scanned.has(key)) return scanned.get(key);
  const { workspace } = document;
  const root = workspace.rootOf(document.path);
  const app = appReference(document, workspace);
  const start =
    app?.module !== undefined ? locateModule(workspace, root, app.module, app.folders) : app?.file !== undefined ? locateInWorkspace(workspace, root, app.file, app.folders) : undefined;
  const modules = start !== undefined && app ? scanAppModules(workspace, root, start, app.folders) : undefined;
  scanned.set(key, modules);
  return modules;
}
