/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Reads and drives VS Code's workbench the way a user does, through the rendered DOM of code-server in Chromium:
 * keys, mouse moves and what is painted (view lines, decorations, widgets, panels). The selectors are VS Code
 * 1.100's (code-server 4.100.3); a renamed class fails a check with the selector it waited for.
 *
 * Every wait polls the page until its condition holds or its time is up, then fails saying what it waited for and
 * what it saw last.
 */
import type { Locator, Page } from 'playwright-core';

/** The longest a single wait may take (a busy 2-core machine runs the language server and the workbench together). */
const WAIT_MS = 20_000;

const ACTIVE_GROUP = '.part.editor .editor-group-container.active';
const EDITOR = `${ACTIVE_GROUP} .editor-instance .monaco-editor`;
const SUGGEST_ROWS = '.editor-widget.suggest-widget.visible .monaco-list-row';
const ACTION_WIDGET = '.action-widget';
const VISIBLE_HOVER = '.monaco-hover:not(.hidden)';
const QUICK_INPUT = '.quick-input-widget';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Collapses runs of white space (the DOM renders spaces as no-break spaces) and trims. */
export function normalize(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Polls `probe` until it returns something other than undefined. On timeout the error names `what` and, when
 * `describe` is given, the last state it read.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, describe?: () => Promise<string>, timeout = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const seen = describe ? `\n  last seen: ${await describe().catch((error: unknown) => `(unreadable: ${String(error)})`)}` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${seen}`);
    }
    await sleep(100);
  }
}

/** A decoration painted over text, mapped back to a 0-based line and characters through the rendered text. */
export interface PaintedDecoration {
  className: string;
  line: number;
  /** The characters the decoration covers, from where its left and right edges fall in the line's text. */
  startCharacter: number;
  endCharacter: number;
}

export interface ProblemRow {
  /** The file's path, as the panel's file row names it. */
  file: string;
  severity: string;
  message: string;
  source: string;
  code: string;
  /** As the panel prints it, e.g. `[Ln 4, Col 18]`. */
  position: string;
}

export interface QuickFixEntry {
  title: string;
  focused: boolean;
}

export interface SuggestEntry {
  label: string;
  details: string;
  focused: boolean;
}

export class Workbench {
  constructor(readonly page: Page) {}

  get editor(): Locator {
    return this.page.locator(EDITOR);
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits until it is the active editor. */
  async openFile(relative: string): Promise<void> {
    const name = relative.split('/').pop() ?? relative;
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator(`${QUICK_INPUT} .quick-input-box input`);
    await input.waitFor({ state: 'visible', timeout: WAIT_MS });
    await input.fill(relative);
    // The first pick must be this file (the list fills in as the file search answers): its name, and its folder
    // as the description.
    const folder = relative.slice(0, relative.length - name.length).replace(/\/$/, '');
    const firstPick = (): Promise<string> =>
      this.page
        .locator('.quick-input-list .monaco-list-row')
        .first()
        .evaluate((row) => `${row.querySelector('.label-name')?.textContent ?? ''}|${row.querySelector('.label-description')?.textContent ?? ''}`)
        .catch(() => '(no pick)');
    await waitFor(`Quick Open to list ${relative} first`, async () => ((await firstPick()) === `${name}|${folder}` ? true : undefined), firstPick);
    await this.page.keyboard.press('Enter');
    await this.waitForActiveEditor(relative);
  }

  /**
   * Waits until the active editor is the workspace file `relative`: its tab is active and the breadcrumbs above the
   * text start with its folders and name (two files may share a name).
   */
  async waitForActiveEditor(relative: string, timeout = WAIT_MS): Promise<void> {
    const parts = relative.split('/');
    const shown = async (): Promise<{ tab: string; breadcrumbs: string[] }> => ({
      tab: (await this.page.locator('.part.editor .tabs-container .tab.active .label-name').first().textContent().catch(() => null)) ?? '',
      breadcrumbs: await this.page.locator(`${ACTIVE_GROUP} .breadcrumbs-control .monaco-breadcrumb-item`).allInnerTexts(),
    });
    await waitFor(
      `the active editor to be ${relative}`,
      async () => {
        const { tab, breadcrumbs } = await shown();
        return tab === parts[parts.length - 1] && parts.every((part, i) => breadcrumbs[i]?.trim() === part) ? true : undefined;
      },
      async () => JSON.stringify(await shown()),
      timeout,
    );
    await this.editor.waitFor({ state: 'visible', timeout: WAIT_MS });
    await this.focusEditor();
  }

  async focusEditor(): Promise<void> {
    await this.editor.locator('textarea.inputarea, .native-edit-context').first().focus();
  }

  /** The editor's text as rendered: its view lines top to bottom (every line of a short file is rendered). */
  async editorText(): Promise<string> {
    const lines = await this.editor.locator('.view-lines').evaluate((viewLines) =>
      [...viewLines.querySelectorAll<HTMLElement>(':scope > .view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')),
    );
    return lines.join('\n');
  }

  /** Waits until the rendered text is `expected`; on timeout shows the first line that differs. */
  async waitForText(what: string, expected: string): Promise<void> {
    let last = '';
    await waitFor(
      what,
      async () => {
        last = await this.editorText();
        return last === expected ? true : undefined;
      },
      async () => firstDifference(last, expected),
    );
  }

  /**
   * The squiggles (and other `cdr` decorations whose class matches) the editor paints, each mapped to a line
   * through the line-number gutter (same `top` as the overlay line) and to characters through the rendered text.
   */
  async paintedDecorations(classPattern: RegExp): Promise<PaintedDecoration[]> {
    const painted = await this.editor.evaluate((editor, source) => {
      const pattern = new RegExp(source);
      const topOf = (element: HTMLElement): number => parseFloat(element.style.top);
      const lineNumberAt = new Map<number, number>();
      for (const margin of editor.querySelectorAll<HTMLElement>('.margin-view-overlays > div')) {
        const number = margin.querySelector('.line-numbers')?.textContent;
        if (number) lineNumberAt.set(topOf(margin), Number(number));
      }
      const viewLineAt = new Map<number, HTMLElement>();
      for (const line of editor.querySelectorAll<HTMLElement>('.view-lines > .view-line')) viewLineAt.set(topOf(line), line);

      /** The character whose left edge is nearest to x in a rendered line. */
      const characterAt = (line: HTMLElement, x: number): number => {
        // edges[i] is where character i starts; the last entry is where the line's text ends.
        const edges: number[] = [];
        let end = line.getBoundingClientRect().left;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < (node as Text).length; i++) {
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getBoundingClientRect();
            edges.push(box.left);
            end = box.right;
          }
        }
        edges.push(end);
        let best = 0;
        for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i] - x) < Math.abs(edges[best] - x)) best = i;
        return best;
      };

      const found: { className: string; line: number; startCharacter: number; endCharacter: number }[] = [];
      for (const overlayLine of editor.querySelectorAll<HTMLElement>('.view-overlays > div')) {
        const top = topOf(overlayLine);
        for (const decoration of overlayLine.querySelectorAll<HTMLElement>('.cdr')) {
          const className = [...decoration.classList].find((name) => pattern.test(name));
          if (!className) continue;
          const lineNumber = lineNumberAt.get(top);
          const viewLine = viewLineAt.get(top);
          if (lineNumber === undefined || !viewLine) throw new Error(`a ${className} decoration at top ${top}px has no line number or text beside it`);
          const box = decoration.getBoundingClientRect();
          found.push({ className, line: lineNumber - 1, startCharacter: characterAt(viewLine, box.left), endCharacter: characterAt(viewLine, box.right) });
        }
      }
      return found;
    }, classPattern.source);
    return painted.sort((a, b) => a.line - b.line || a.startCharacter - b.startCharacter || a.className.localeCompare(b.className));
  }

  /** The middle of a character of the active editor's text, in page coordinates. */
  async characterCenter(line: number, character: number): Promise<{ x: number; y: number }> {
    const center = await this.editor.evaluate(
      (editor, [line, character]) => {
        const lines = [...editor.querySelectorAll<HTMLElement>('.view-lines > .view-line')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
        const viewLine = lines[line];
        if (!viewLine) return undefined;
        const walker = document.createTreeWalker(viewLine, NodeFilter.SHOW_TEXT);
        let offset = character;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (offset < (node as Text).length) {
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, offset + 1);
            const box = range.getBoundingClientRect();
            return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          }
          offset -= (node as Text).length;
        }
        return undefined;
      },
      [line, character] as const,
    );
    if (!center) throw new Error(`line ${line + 1} has no rendered character ${character + 1}`);
    return center;
  }

  /** Clicks a character, which puts the cursor before it. */
  async clickCharacter(line: number, character: number): Promise<void> {
    const { x, y } = await this.characterCenter(line, character);
    // The left half of the character's box: the cursor lands before it.
    await this.page.mouse.click(x - 2, y);
    await waitFor(
      `the cursor at Ln ${line + 1}, Col ${character + 1}`,
      async () => ((await this.statusBarItemText('status.editor.selection')) === `Ln ${line + 1}, Col ${character + 1}` ? true : undefined),
      async () => (await this.statusBarItemText('status.editor.selection')) ?? '(no cursor position in the status bar)',
    );
  }

  /** Moves the mouse over a character and waits for the content hover; returns its rendered text. */
  async hoverText(line: number, character: number, expectedPart: string): Promise<string> {
    await this.moveMouseAway();
    const { x, y } = await this.characterCenter(line, character);
    await this.page.mouse.move(x, y);
    let text = '';
    await waitFor(
      `a hover containing "${expectedPart}" over Ln ${line + 1}, Col ${character + 1}`,
      async () => {
        const hovers = await this.page.locator(`${VISIBLE_HOVER} .monaco-hover-content`).allInnerTexts();
        text = hovers.join('\n');
        return normalize(text).includes(normalize(expectedPart)) ? true : undefined;
      },
      async () => text || '(no hover)',
    );
    return text;
  }

  /** The hover's rendered markdown (the option documentation), '' when the hover shows none. */
  async hoverMarkdownText(): Promise<string> {
    return (await this.page.locator(`${VISIBLE_HOVER} .rendered-markdown`).allInnerTexts()).join('\n');
  }

  /** The hover's diagnostic rows: message followed by `source(code)`. */
  async hoverMarkerTexts(): Promise<string[]> {
    return this.page.locator(`${VISIBLE_HOVER} .marker.hover-contents`).allInnerTexts();
  }

  async moveMouseAway(): Promise<void> {
    // Onto the empty middle of the activity bar (no icon, so no tooltip there): the editor's hover hides.
    const bar = await this.page.locator('.part.activitybar').boundingBox();
    if (!bar) throw new Error('no activity bar to move the mouse to');
    await this.page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await waitFor('the hover to close', async () => ((await this.page.locator(VISIBLE_HOVER).count()) === 0 ? true : undefined));
  }

  /** Ctrl+. at the cursor; resolves with the quick-fix menu's entries once it shows at least one. */
  async openQuickFixMenu(): Promise<QuickFixEntry[]> {
    await this.page.keyboard.press('Control+.');
    return waitFor(
      'the quick-fix menu',
      async () => {
        const entries = await this.quickFixEntries();
        return entries.length > 0 ? entries : undefined;
      },
      () => this.page.locator(ACTION_WIDGET).allInnerTexts().then((texts) => texts.join(' | ') || '(no action widget)'),
    );
  }

  async quickFixEntries(): Promise<QuickFixEntry[]> {
    return this.page.locator(`${ACTION_WIDGET} .monaco-list-row.action`).evaluateAll((rows) =>
      rows
        .filter((row) => row.checkVisibility())
        .map((row) => ({ title: row.querySelector('.title')?.textContent ?? '', focused: row.classList.contains('focused') })),
    );
  }

  /** Moves the focus in the quick-fix menu to the entry titled `title` and presses Enter. */
  async chooseQuickFix(title: string): Promise<void> {
    await this.moveFocusTo(
      `"${title}" focused in the quick-fix menu`,
      async () => (await this.quickFixEntries()).map((entry) => ({ name: entry.title, focused: entry.focused })),
      title,
    );
    await this.page.keyboard.press('Enter');
    await waitFor('the quick-fix menu to close', async () => ((await this.page.locator(`${ACTION_WIDGET} .monaco-list-row.action`).count()) === 0 ? true : undefined));
  }

  /** The suggest widget's rows: the label (a snippet's prefix) and the details (a snippet's name). */
  async suggestEntries(): Promise<SuggestEntry[]> {
    return this.page.locator(SUGGEST_ROWS).evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label-name')?.textContent ?? '',
        details: row.querySelector('.details-label')?.textContent ?? '',
        focused: row.classList.contains('focused'),
      })),
    );
  }

  /**
   * Waits for the suggest widget to list an entry. It opens by itself as one types (quick suggestions); if it has not
   * after a short while, or it shows something else, Ctrl+Space asks again.
   */
  async waitForSuggestion(what: string, matches: (entry: SuggestEntry) => boolean): Promise<SuggestEntry[]> {
    const listed = async (): Promise<SuggestEntry[] | undefined> => {
      const entries = await this.suggestEntries();
      return entries.some(matches) ? entries : undefined;
    };
    const describe = async (): Promise<string> => JSON.stringify(await this.suggestEntries());
    try {
      return await waitFor(what, listed, describe, 2_000);
    } catch {
      await this.page.keyboard.press('Control+Space');
      return waitFor(what, listed, describe);
    }
  }

  /** Moves the focus in the suggest widget to the entry `matches` picks and accepts it with Enter. */
  async acceptSuggestion(what: string, matches: (entry: SuggestEntry) => boolean): Promise<void> {
    const target = (await this.suggestEntries()).find(matches);
    if (!target) throw new Error(`${what} is not listed`);
    await this.moveFocusTo(
      what,
      async () => (await this.suggestEntries()).map((entry) => ({ name: `${entry.label}\u0000${entry.details}`, focused: entry.focused })),
      `${target.label}\u0000${target.details}`,
    );
    await this.page.keyboard.press('Enter');
  }

  /** Down arrow until the focused row of a list is `name` (the lists open with their first row focused). */
  private async moveFocusTo(what: string, rows: () => Promise<{ name: string; focused: boolean }[]>, name: string): Promise<void> {
    const all = await rows();
    if (!all.some((row) => row.name === name)) throw new Error(`${what}: no such entry among ${JSON.stringify(all.map((row) => row.name))}`);
    for (let step = 0; step <= all.length; step++) {
      const focused = await waitFor(`a focused row (${what})`, async () => (await rows()).find((row) => row.focused));
      if (focused.name === name) return;
      await this.page.keyboard.press('ArrowDown');
      await waitFor(`the focus to move (${what})`, async () => ((await rows()).find((row) => row.focused)?.name !== focused.name ? true : undefined));
    }
    throw new Error(`${what}: the focus never reached it`);
  }

  /** Escape until no suggest widget, quick-fix menu, snippet choice, hover or Quick Open is left open. */
  async closeWidgets(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      const open = await this.page.locator(`${SUGGEST_ROWS}, ${ACTION_WIDGET} .monaco-list-row.action, ${VISIBLE_HOVER}, ${QUICK_INPUT}:visible`).count();
      if (open === 0) return;
      await this.page.keyboard.press('Escape');
      await sleep(100);
    }
  }

  /** A status bar item's rendered text (icons are `$(name)`, as the extension sets them), undefined when not shown. */
  async statusBarItemText(id: string): Promise<string | undefined> {
    const item = this.page.locator(`.part.statusbar [id="${id}"]`);
    if ((await item.count()) === 0 || !(await item.isVisible())) return undefined;
    return item.evaluate((element) => {
      const label = element.querySelector('.statusbar-item-label');
      if (!label) return '';
      let text = '';
      for (const node of label.childNodes) {
        if (node instanceof HTMLElement && node.classList.contains('codicon')) {
          const icon = [...node.classList].find((name) => name.startsWith('codicon-'));
          text += icon ? `$(${icon.slice('codicon-'.length)})` : '';
        } else text += node.textContent ?? '';
      }
      return text.replace(/\u00a0/g, ' ').trim();
    });
  }

  /** Shows the Problems panel (Ctrl+Shift+M) and waits for its list. */
  async showProblems(): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel .monaco-list').first().waitFor({ state: 'visible', timeout: WAIT_MS });
  }

  /** The Problems panel's marker rows, each under the file row above it. */
  async problemRows(): Promise<ProblemRow[]> {
    return this.page.locator('.markers-panel .monaco-list-rows').evaluate((list) => {
      const rows = [...list.querySelectorAll<HTMLElement>(':scope > .monaco-list-row')].sort(
        (a, b) => Number(a.dataset.index) - Number(b.dataset.index),
      );
      const found: ProblemRow[] = [];
      let file = '';
      for (const row of rows) {
        // A file's row; its label's aria-label is the file's path.
        const resource = row.querySelector('.resource-label-container .monaco-icon-label');
        if (resource) {
          file = resource.getAttribute('aria-label') ?? '';
          continue;
        }
        const icon = row.querySelector('.marker-icon');
        if (!icon) continue; // related information
        found.push({
          file,
          severity: ['error', 'warning', 'info'].find((name) => icon.classList.contains(name)) ?? [...icon.classList].join(' '),
          message: row.querySelector('.marker-message')?.textContent ?? '',
          source: row.querySelector('.marker-source')?.textContent ?? '',
          code: row.querySelector('.marker-code')?.textContent ?? '',
          position: row.querySelector('.marker-line')?.textContent ?? '',
        });
      }
      return found;
    });
  }
}

function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    if (a[i] !== e[i]) return `line ${i + 1}: rendered ${JSON.stringify(a[i])}, expected ${JSON.stringify(e[i])} (${a.length} lines rendered, ${e.length} expected)`;
  }
  return 'no difference';
}
