/**
 * The workbench checks: what a user of pydeploy sees in VS Code (code-server 4.100.3 in Chromium), read from the
 * rendered DOM — squiggles, hovers, the suggest widget after typing each snippet prefix, the Ctrl+. menu, the status
 * bar item and the Problems panel. scripts/e2e/run-code-server.mjs runs them with a code-server of their own, on a
 * copy of test/e2e/fixtures/workspace plus WORKSPACE_FILES, after the API-level suite (test/e2e/suite).
 *
 * Which findings each fixture has (rule, severity, place) is pinned here. The words (messages, hover text, quick-fix
 * titles) and the fixes' results come from the language server, asked over LSP for the same files
 * (serverAnswers.ts), so that the checks compare the screen with the server and follow a rewording.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Diagnostic, Position } from 'vscode-languageserver';
import { DEPLOYMENT_SOLUTIONS, SnippetDefinition, snippetBody } from '../../../client/src/solutions';
import { expandSnippet } from '../../helpers/snippets';
import { ServerAnswers, codeOf } from './serverAnswers';
import { PaintedDecoration, ProblemRow, Workbench, normalize, waitFor } from './workbench';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const STATUS_ITEM = 'pydeploy.pydeploy.pydeploy.status';
/** How long the first findings may take: the extension activates and starts its server on a busy machine. */
export const COLD_START_MS = 90_000;

/** The file the runner opens with the workbench (the `openFile` payload). */
export const FIRST_FILE = 'uwsgi.ini';

/** A config the agent is happy with (what "Fix all" makes of uwsgi.ini): no error, no warning, no hint. */
const CLEAN_CONFIG = ['[uwsgi]', 'module = app:application', 'master = true', 'processes = 4', 'single-interpreter = true', 'enable-threads = true', 'lazy-apps = true', ''].join('\n');

/** The empty file each deployment solution's snippets are typed into, named as the solution names its file. */
function typedFile(solutionId: string, fileName: string): string {
  return `typed/${solutionId}/${fileName}`;
}

/**
 * Files the runner adds to its copy of the fixture workspace for these checks only (the API suite's workspace stays
 * as committed): a clean config, and an empty file per solution.
 */
export const WORKSPACE_FILES: Record<string, string> = {
  'clean/uwsgi.ini': CLEAN_CONFIG,
  ...Object.fromEntries(DEPLOYMENT_SOLUTIONS.map((solution) => [typedFile(solution.id, solution.fileName), ''])),
};

/** A finding as pinned: rule, severity (LSP number), 0-based `line:character-line:character`. */
type Finding = [code: string, severity: 1 | 2 | 3 | 4, range: string];

const FINDINGS: Record<string, Finding[]> = {
  'uwsgi.ini': [
    ['uwsgi/enable-threads', 1, '0:0-0:7'],
    ['uwsgi/lazy-apps', 2, '0:0-0:7'],
    ['uwsgi/single-interpreter', 2, '4:21-4:26'],
  ],
  'app.ini': [
    ['uwsgi/enable-threads', 1, '3:17-3:22'],
    ['uwsgi/prefer-lazy-apps', 4, '5:0-5:4'],
  ],
  'other.ini': [],
  'clean/uwsgi.ini': [],
};

const SQUIGGLE_CLASS: Record<number, string> = { 1: 'squiggly-error', 2: 'squiggly-warning', 3: 'squiggly-info', 4: 'squiggly-hint' };
const PANEL_SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

function rangeText(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

function findingsOf(diagnostics: Diagnostic[]): Finding[] {
  return diagnostics.map((diagnostic): Finding => [codeOf(diagnostic), (diagnostic.severity ?? 1) as Finding[1], rangeText(diagnostic)]).sort();
}

/** Fails unless both are the same JSON; for two lists, the message names only the items that differ. */
export function sameJson(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  if (Array.isArray(actual) && Array.isArray(expected)) {
    const actualItems = actual.map((item) => JSON.stringify(item));
    const expectedItems = expected.map((item) => JSON.stringify(item));
    const unexpected = actualItems.filter((item) => !expectedItems.includes(item));
    const missing = expectedItems.filter((item) => !actualItems.includes(item));
    if (unexpected.length > 0 || missing.length > 0) {
      throw new Error(`${what}\n  shown, not expected:\n    ${unexpected.join('\n    ') || '(none)'}\n  expected, not shown:\n    ${missing.join('\n    ') || '(none)'}`);
    }
  }
  throw new Error(`${what}\n  actual:   ${JSON.stringify(actual)}\n  expected: ${JSON.stringify(expected)}`);
}

/**
 * The words of a markdown text as a reader sees them rendered: link targets and markup dropped. Comparing words
 * keeps the check on the text, not on how VS Code lays out paragraphs, code spans and links.
 */
export function markdownWords(markdown: string): string[] {
  const visible = markdown
    .replace(/\]\([^)]*\)/g, ']') // [text](target) shows text
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, ''); // list markers are drawn, not written
  return visible.match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function renderedWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The squiggles VS Code paints for diagnostics: a hint is drawn as three dots at its start, so only that is compared. */
function squiggleText(decoration: Pick<PaintedDecoration, 'className' | 'line' | 'startCharacter' | 'endCharacter'>): string {
  const end = decoration.className === 'squiggly-hint' ? '' : `-${decoration.endCharacter}`;
  return `${decoration.className} ${decoration.line}:${decoration.startCharacter}${end}`;
}

function expectedSquiggles(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map((diagnostic) => {
      const { start, end } = diagnostic.range;
      if (start.line !== end.line) throw new Error(`${codeOf(diagnostic)} spans lines; these checks expect one-line findings`);
      return squiggleText({ className: SQUIGGLE_CLASS[diagnostic.severity ?? 1], line: start.line, startCharacter: start.character, endCharacter: end.character });
    })
    .sort();
}

export function expectedProblemRows(file: string, diagnostics: Diagnostic[]): ProblemRow[] {
  // The Problems panel lists errors, warnings and information; hints only show in the editor.
  return diagnostics
    .filter((diagnostic) => (diagnostic.severity ?? 1) <= 3)
    .map((diagnostic) => ({
      file,
      severity: PANEL_SEVERITY[diagnostic.severity ?? 1],
      message: diagnostic.message,
      source: diagnostic.source ?? '',
      code: codeOf(diagnostic),
      position: `[Ln ${diagnostic.range.start.line + 1}, Col ${diagnostic.range.start.character + 1}]`,
    }));
}

function rowKey(row: ProblemRow): string {
  return [row.file, row.position, row.code, row.severity].join(' ');
}

/**
 * What the status bar says of a config whose findings are all about Tingyun's needs, in the order of the file (the
 * server composes it: pydeploy/agentStatus). The runner's workspace holds typed/agent/tingyun.ini, which shows Tingyun.
 */
function agentProblemsText(diagnostics: Diagnostic[]): string {
  const missing = [...new Set(diagnostics.filter((diagnostic) => (diagnostic.severity ?? 1) <= 2).map((diagnostic) => codeOf(diagnostic).replace(/^[a-z]+\//, '')))];
  return missing.length === 0 ? '$(check) agent-ready: Tingyun' : `$(warning) not agent-ready: Tingyun (${missing.join(', ')})`;
}

interface Context {
  workbench: Workbench;
  server: ServerAnswers;
  workspace: string;
  screenshot(name: string): Promise<string>;
  log(message: string): void;
}

/** Opens a file and checks that the server finds in it what is pinned above (the rest compares with the server). */
async function openChecked(context: Context, file: string): Promise<Diagnostic[]> {
  const diagnostics = await context.server.diagnostics(file);
  sameJson(findingsOf(diagnostics), [...FINDINGS[file]].sort(), `the server's findings in ${file}`);
  await context.workbench.openFile(file);
  return diagnostics;
}

async function expectSquiggles(workbench: Workbench, file: string, diagnostics: Diagnostic[], timeout?: number): Promise<void> {
  const expected = expectedSquiggles(diagnostics);
  let painted: string[] = [];
  await waitFor(
    `the squiggles of ${file}: ${JSON.stringify(expected)}`,
    async () => {
      painted = (await workbench.paintedDecorations(/^squiggly-/)).map(squiggleText).sort();
      return JSON.stringify(painted) === JSON.stringify(expected) ? true : undefined;
    },
    async () => JSON.stringify(painted),
    timeout,
  );
}

async function expectStatusBar(workbench: Workbench, what: string, expected: string | undefined): Promise<void> {
  let shown: string | undefined;
  await waitFor(
    `the status bar to show ${expected === undefined ? 'no pydeploy item' : JSON.stringify(expected)} (${what})`,
    async () => {
      shown = await workbench.statusBarItemText(STATUS_ITEM);
      return shown === expected ? true : undefined;
    },
    async () => JSON.stringify(shown),
  );
}

async function checkSquiggles(context: Context): Promise<void> {
  const { workbench } = context;
  for (const [index, file] of ['uwsgi.ini', 'app.ini', 'other.ini', 'clean/uwsgi.ini'].entries()) {
    const diagnostics = await openChecked(context, file);
    // The first file also waits for the extension to activate and its server to start.
    await expectSquiggles(workbench, file, diagnostics, index === 0 ? COLD_START_MS : undefined);
  }
}

async function checkHovers(context: Context): Promise<void> {
  const { workbench, server } = context;
  const file = 'app.ini';
  await openChecked(context, file);

  // The option's documentation, over the key `enable-threads` (line 4).
  const onKey: Position = { line: 3, character: 3 };
  const documentation = await server.hover(file, onKey);
  if (!documentation.startsWith('**enable-threads**')) throw new Error(`the server's hover on enable-threads starts ${JSON.stringify(documentation.slice(0, 40))}`);
  await workbench.hoverText(onKey.line, onKey.character, 'enable-threads');
  sameJson(renderedWords(await workbench.hoverMarkdownText()), markdownWords(documentation), 'the words of the option hover');
  await context.screenshot('hover.png');

  // The squiggle under `false`: the diagnostic's message and rule, and no option documentation (values have none).
  const onValue: Position = { line: 3, character: 19 };
  const under = (await server.diagnostics(file)).filter(
    (diagnostic) => diagnostic.range.start.line === onValue.line && diagnostic.range.start.character <= onValue.character && onValue.character < diagnostic.range.end.character,
  );
  sameJson(under.map(codeOf), ['uwsgi/enable-threads'], 'the findings under the hovered value');
  await workbench.hoverText(onValue.line, onValue.character, under[0].message);
  // Each diagnostic shows its message, then its source and its code (then related information, if any). The code links
  // the rule's page (codeDescription), and VS Code renders a linked code without the parentheses of `source(code)`.
  const markers = (await workbench.hoverMarkerTexts()).map(normalize);
  const heads = under.map((diagnostic) => normalize(`${diagnostic.message}${diagnostic.source}${codeOf(diagnostic)}`));
  if (markers.length !== heads.length || markers.some((marker, i) => !marker.startsWith(heads[i]))) {
    sameJson(markers, heads, 'the diagnostics in the hover over the squiggle');
  }
  sameJson(renderedWords(await workbench.hoverMarkdownText()), markdownWords(await server.hover(file, onValue)), 'the documentation in the hover over a value');
  await workbench.moveMouseAway();
}

async function checkStatusBar(context: Context): Promise<void> {
  const { workbench } = context;
  const broken = await openChecked(context, 'uwsgi.ini');
  await expectStatusBar(workbench, 'uwsgi.ini, 1 error and 2 warnings', '$(warning) not agent-ready: Tingyun (enable-threads, lazy-apps, single-interpreter)');
  sameJson(agentProblemsText(broken), '$(warning) not agent-ready: Tingyun (enable-threads, lazy-apps, single-interpreter)', 'the checks of the server\'s errors and warnings in uwsgi.ini');
  await openChecked(context, 'clean/uwsgi.ini');
  await expectStatusBar(workbench, 'a clean config', '$(check) agent-ready: Tingyun');
  await openChecked(context, 'app.ini');
  await expectStatusBar(workbench, 'app.ini, 1 error and a hint', '$(warning) not agent-ready: Tingyun (enable-threads)');
  await openChecked(context, 'other.ini');
  await expectStatusBar(workbench, 'an .ini without [uwsgi]', undefined);
}

async function checkProblemsPanel(context: Context): Promise<void> {
  const { workbench } = context;
  // The panel lists the findings of every open file: open all the fixtures.
  const expected: ProblemRow[] = [];
  for (const file of Object.keys(FINDINGS)) expected.push(...expectedProblemRows(file, await openChecked(context, file)));
  await workbench.openFile('uwsgi.ini');
  await workbench.showProblems();
  const byKey = (a: ProblemRow, b: ProblemRow): number => rowKey(a).localeCompare(rowKey(b));
  expected.sort(byKey);
  const shownRows = async (): Promise<ProblemRow[]> =>
    (await workbench.problemRows()).map((row) => ({ ...row, file: path.relative(context.workspace, row.file) })).sort(byKey);
  // The panel fills in as the files' diagnostics arrive: wait for the full list, then name what differs.
  await waitFor('the Problems panel rows', async () => (JSON.stringify(await shownRows()) === JSON.stringify(expected) ? true : undefined)).catch(() => undefined);
  const rows = await shownRows();
  sameJson(rows, expected, 'the Problems panel rows');
  // The row of the error in uwsgi.ini as a user reads it (pinned, not taken from the server).
  const threads = rows.find((row) => row.file === 'uwsgi.ini' && row.code === 'uwsgi/enable-threads');
  sameJson([threads?.severity, threads?.source, threads?.position], ['error', 'pydeploy', '[Ln 1, Col 1]'], 'the enable-threads row of uwsgi.ini');
  await context.screenshot('problems.png');
  // Put the panel away again: the editor gets its height back.
  await workbench.page.keyboard.press('Control+Shift+M');
}

/** Ctrl+. with the cursor before `at`; the menu must list the server's quick fixes; the preferred one for `code` is applied. */
async function checkQuickFix(context: Context, file: string, at: Position, code: string, expectedText: string, statusAfter: string): Promise<void> {
  const { workbench, server } = context;
  const before = await openChecked(context, file);
  const fixes = await server.quickFixes(file, at);
  const preferred = fixes.filter((fix) => fix.isPreferred && fix.codes.length === 1 && fix.codes[0] === code);
  if (preferred.length !== 1) throw new Error(`the server offers ${preferred.length} preferred fixes for ${code} at ${at.line}:${at.character}: ${JSON.stringify(fixes)}`);
  sameJson(preferred[0].result, expectedText, `the text the server's preferred fix for ${code} makes of ${file}`);

  await workbench.clickCharacter(at.line, at.character);
  const shown = await workbench.openQuickFixMenu();
  sameJson(
    shown.map((entry) => normalize(entry.title)).sort(),
    fixes.map((fix) => normalize(fix.title)).sort(),
    `the quick-fix menu at ${file} Ln ${at.line + 1}, Col ${at.character + 1}`,
  );
  await context.screenshot(`quick-fix-${file.replace(/\W+/g, '-')}.png`);
  await workbench.chooseQuickFix(preferred[0].title);
  await workbench.waitForText(`${file} after "${preferred[0].title}"`, expectedText);
  // The fixed finding's squiggle goes, the others stay.
  await expectSquiggles(workbench, `${file} after the fix`, before.filter((diagnostic) => codeOf(diagnostic) !== code));
  await expectStatusBar(workbench, `${file} after the fix`, statusAfter);
}

async function checkQuickFixes(context: Context): Promise<void> {
  // app.ini: one finding under the cursor (the value `false`).
  await checkQuickFix(
    context,
    'app.ini',
    { line: 3, character: 19 },
    'uwsgi/enable-threads',
    readFileSync(path.join(context.workspace, 'app.ini'), 'utf8').replace('enable-threads = false', 'enable-threads = true'),
    '$(check) agent-ready: Tingyun',
  );
  // uwsgi.ini: two findings under the cursor (the section header), so fixes for both are listed.
  await checkQuickFix(
    context,
    'uwsgi.ini',
    { line: 0, character: 2 },
    'uwsgi/enable-threads',
    `${readFileSync(path.join(context.workspace, 'uwsgi.ini'), 'utf8')}enable-threads = true\n`,
    '$(warning) not agent-ready: Tingyun (lazy-apps, single-interpreter)',
  );
}

function languageName(languageId: string): string {
  if (languageId === 'python') return 'Python';
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { languages: { id: string; aliases: string[] }[] } };
  const language = manifest.contributes.languages.find((each) => each.id === languageId);
  if (!language) throw new Error(`package.json contributes no language ${languageId}`);
  // The manifest names it by a `%key%` of package.nls.json (the English texts), which VS Code shows in English.
  const placeholder = /^%(.+)%$/.exec(language.aliases[0]);
  if (!placeholder) return language.aliases[0];
  const english = (JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>)[placeholder[1]];
  if (english === undefined) throw new Error(`package.nls.json has no ${placeholder[1]}`);
  return english;
}

async function checkSnippets(context: Context): Promise<void> {
  const { workbench } = context;
  const snippetFiles = new Map<string, Record<string, SnippetDefinition>>();
  for (const solution of DEPLOYMENT_SOLUTIONS) {
    if (!snippetFiles.has(solution.snippetFile)) {
      snippetFiles.set(solution.snippetFile, JSON.parse(readFileSync(path.join(ROOT, 'snippets', solution.snippetFile), 'utf8')) as Record<string, SnippetDefinition>);
    }
    const snippet = snippetFiles.get(solution.snippetFile)?.[solution.snippet];
    if (!snippet) throw new Error(`${solution.id}: no snippet "${solution.snippet}" in snippets/${solution.snippetFile}`);
    const expected = expandSnippet(snippetBody(snippet));
    const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];

    const file = typedFile(solution.id, solution.fileName);
    await workbench.openFile(file);
    const language = languageName(solution.language);
    await waitFor(`${file} in language ${language}`, async () => ((await workbench.statusBarItemText('status.editor.mode')) === language ? true : undefined));
    for (const prefix of prefixes) {
      const what = `the entry "${prefix}" (${solution.snippet}) in the suggest widget of ${file}`;
      const isEntry = (entry: { label: string; details: string }): boolean => entry.label === prefix && entry.details === solution.snippet;
      await workbench.focusEditor();
      await workbench.page.keyboard.press('Control+A');
      await workbench.page.keyboard.press('Delete');
      await workbench.waitForText(`${file} to be empty`, '');
      await workbench.page.keyboard.type(prefix);
      await workbench.waitForSuggestion(what, isEntry);
      if (solution.id === DEPLOYMENT_SOLUTIONS[0].id && prefix === prefixes[0]) await context.screenshot('suggest.png');
      await workbench.acceptSuggestion(what, isEntry);
      await workbench.waitForText(`${file} after accepting "${prefix}": the snippet with its defaults`, expected);
      await workbench.closeWidgets();
    }
    context.log(`  ${solution.id}: ${prefixes.length} prefix(es) typed and accepted in ${file}`);
  }
}

/**
 * Each check: a short id (its failure screenshot is ui-failure-<id>.png), what it shows, and the check. They run in
 * this order: the quick fixes leave app.ini and uwsgi.ini edited (unsaved), so the checks that read them go first.
 */
const CHECKS: [id: string, name: string, run: (context: Context) => Promise<void>][] = [
  ['squiggles', 'squiggles sit on the findings of each fixture', checkSquiggles],
  ['hover', 'the hover shows an option\'s documentation and a squiggle\'s diagnostic', checkHovers],
  ['status-bar', 'the status bar item says what the active config misses for the agent', checkStatusBar],
  ['problems', 'the Problems panel lists the server\'s findings of the open files', checkProblemsPanel],
  ['quick-fix', 'Ctrl+. lists the server\'s quick fixes and the preferred one fixes the file', checkQuickFixes],
  ['snippets', 'typing each snippet prefix of every deployment solution offers it, and accepting it inserts it', checkSnippets],
];

export interface RunOptions {
  page: Page;
  /** The workspace folder code-server opened (a copy of the fixture plus WORKSPACE_FILES). */
  workspace: string;
  /** Where screenshots go. */
  artifacts: string;
  log(message: string): void;
}

/** Runs every check (a failed one does not stop the next); resolves to the number of failed checks. */
export async function runWorkbenchChecks({ page, workspace, artifacts, log }: RunOptions): Promise<number> {
  const workbench = new Workbench(page);
  const server = await ServerAnswers.start(workspace);
  const screenshot = async (name: string): Promise<string> => {
    const file = path.join(artifacts, name);
    await page.screenshot({ path: file });
    return file;
  };
  const context: Context = { workbench, server, workspace, screenshot, log };
  let failed = 0;
  try {
    const started = Date.now();
    await workbench.waitForActiveEditor(FIRST_FILE, COLD_START_MS);
    log(`the workbench shows ${FIRST_FILE} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    // PYDEPLOY_E2E_GREP picks checks by name, as it picks the suite's tests.
    const grep = process.env.PYDEPLOY_E2E_GREP ? new RegExp(process.env.PYDEPLOY_E2E_GREP) : undefined;
    for (const [id, name, run] of CHECKS.filter(([, name]) => !grep || grep.test(name))) {
      const started = Date.now();
      try {
        await run(context);
        log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed++;
        const shot = await screenshot(`ui-failure-${id}.png`).catch(() => '(no screenshot)');
        log(`✘ ${name}\n    ${String((error as Error)?.stack ?? error).split('\n').join('\n    ')}\n    screenshot: ${shot}`);
        await workbench.closeWidgets().catch(() => undefined);
      }
    }
  } finally {
    server.dispose();
  }
  return failed;
}
