/**
 * The workbench in Simplified Chinese (code-server started with `--locale zh-cn` and the fixture language pack
 * test/e2e/fixtures/zh-cn-language-pack, as for a user who set VS Code's display language to 中文(简体)): the Problems
 * panel and the hover of an option read in Chinese, the same words the language server gives a client whose
 * `initialize` says `locale: "zh-cn"` (VS Code sends its display language), and the status bar item shows what the
 * server answers such a client. Screenshots of the Problems panel and of the hover are saved in .test-artifacts/
 * (zh-cn-problems.png, zh-cn-hover.png). */
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver';
import { COLD_START_MS, RunOptions, STATUS_ITEM, expectedProblemRows, markdownWords, renderedWords, sameJson } from './index';
import { ServerAnswers } from './serverAnswers';
import { ProblemRow, Workbench, waitFor } from './workbench';

/** A config with findings of rules that speak through the message catalogue: a misspelt option and a bad number. */
export const FIRST_FILE = 'zh/uwsgi.ini';

export const WORKSPACE_FILES: Record<string, string> = {
  [FIRST_FILE]: ['[uwsgi]', 'module = app:application', 'enable-threads = true', 'single-interpreter = true', 'lazy-apps = true', 'proceses = 4', 'harakiri = 30s', ''].join('\n'),
};

const CHINESE = /[\u4e00-\u9fff]/;

/** Runs the checks; resolves to the number that failed (each failure saves a screenshot). */
export async function runWorkbenchChecks({ page, workspace, artifacts, log }: RunOptions): Promise<number> {
  const workbench = new Workbench(page);
  const server = await ServerAnswers.start(workspace, 'zh-cn');
  const screenshot = (name: string) => page.screenshot({ path: path.join(artifacts, name) });
  let failed = 0;
  const check = async (name: string, run: () => Promise<void>): Promise<void> => {
    try {
      await run();
      log(`✔ ${name}`);
    } catch (error) {
      failed++;
      await screenshot(`zh-cn-failure-${failed}.png`).catch(() => undefined);
      log(`✘ ${name}\n    ${String((error as Error)?.stack ?? error).split('\n').join('\n    ')}`);
      await workbench.closeWidgets().catch(() => undefined);
    }
  };
  try {
    await workbench.waitForActiveEditor(FIRST_FILE, COLD_START_MS);
    const diagnostics = await server.diagnostics(FIRST_FILE);
    await check('zh-cn: the server answers a zh-cn client in Chinese', async () => {
      sameJson(diagnostics.map((diagnostic) => CHINESE.test(diagnostic.message)), [true, true], 'Chinese messages of zh/uwsgi.ini');
    });
    await check('zh-cn: the status bar item says what the server answers a zh-cn client', async () => {
      const expected = await server.statusBarText(FIRST_FILE);
      let shown: string | undefined;
      await waitFor(
        `the status bar item to show ${JSON.stringify(expected)}`,
        async () => {
          shown = await workbench.statusBarItemText(STATUS_ITEM);
          return shown === expected ? true : undefined;
        },
        async () => JSON.stringify(shown),
        COLD_START_MS,
      );
    });
    await check('zh-cn: the Problems panel lists the findings in Chinese', async () => {
      // The panel orders rows by severity, the server by place: compare them in the order of the file.
      const byPosition = (a: ProblemRow, b: ProblemRow): number => a.position.localeCompare(b.position);
      const expected = expectedProblemRows(FIRST_FILE, diagnostics).sort(byPosition);
      await workbench.showProblems();
      const shownRows = async () => (await workbench.problemRows()).map((row) => ({ ...row, file: path.relative(workspace, row.file) })).sort(byPosition);
      await waitFor('the Problems panel rows in Chinese', async () => (JSON.stringify(await shownRows()) === JSON.stringify(expected) ? true : undefined)).catch(() => undefined);
      sameJson(await shownRows(), expected, 'the Problems panel rows');
      await screenshot('zh-cn-problems.png');
    });
    await check('zh-cn: the hover of an option is in Chinese', async () => {
      const onKey: Position = { line: 4, character: 2 };
      const documentation = await server.hover(FIRST_FILE, onKey);
      if (!documentation.startsWith('**lazy-apps**（uWSGI 选项）')) throw new Error(`the server's hover starts ${JSON.stringify(documentation.slice(0, 40))}`);
      await workbench.focusEditor();
      await workbench.hoverText(onKey.line, onKey.character, 'lazy-apps');
      sameJson(renderedWords(await workbench.hoverMarkdownText()), markdownWords(documentation), 'the words of the option hover');
      await screenshot('zh-cn-hover.png');
      await workbench.moveMouseAway();
    });
  } finally {
    server.dispose();
  }
  return failed;
}
