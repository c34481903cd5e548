import type { Range } from '../text/lineIndex';
import type { LaunchInsertion } from '../parse/launch/types';

/**
 * What a fix wants done, said by intent rather than by offsets, so that several fixes applied together
 * ("fix all", `--fix`) agree on one place for the lines they add and never add a line twice.
 */
export type Change =
  /** Put new text over a range that a parser gave (a value to flip, a key to rename). */
  | { kind: 'replace'; range: Range; newText: string }
  /**
   * Make `key = value` part of the named ini section, creating the section when the file has none. A key the section
   * has already is left as it is, unless `repeatable` (a list option such as uWSGI's `import`, where each line adds
   * a value): then the line is added unless the same value is there.
   */
  | { kind: 'set-ini-option'; section: string; key: string; value: string; repeatable?: boolean }
  /**
   * Add a block of lines at the end of the file, after a blank line. `key` names what the block adds: two
   * changes with the same key add it once.
   */
  | { kind: 'append-block'; key: string; lines: readonly string[] }
  /** Remove a whole line, its line break included. */
  | { kind: 'delete-line'; line: number }
  /**
   * Silence a rule for the findings on a line: a `# pydeploy: disable-next-line=RULE` comment line above it, in
   * its indentation, or the rule added to such a comment that is already there.
   */
  | { kind: 'disable-next-line'; line: number; rule: string }
  /**
   * Changes to another file of the workspace (the agent's config, from a rule on the server config), said in
   * that file's own terms. `path` is absolute and `/`-separated; see `changesToFileEdits`.
   */
  | { kind: 'edit-file'; path: string; changes: readonly Change[] }
  /**
   * Add arguments to a launch's command line where and as its reader says (a new element of an exec-form JSON array,
   * words before a trailing `&&` or comment, a YAML list item): two changes at one launch add each argument once.
   */
  | { kind: 'append-launch-arguments'; insertion: LaunchInsertion; args: readonly string[] };
