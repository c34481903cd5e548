import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Analysis } from '../../server/src/features/analysis';
import { PydeployCodeAction, fixAll, fixAllFiles, fixAllPasses, quickFixes } from '../../server/src/features/codeActions';
import { Range, TextEdit, applyEdits, assertValidRange, contentOf, endsWithLineBreak, linesWithEnds } from '../helpers/documentText';
import { EditShape, expectedLines, shapeOf } from './lineEffects';
import { Case, analyzeChecked, workspaceOf, withoutRuleFailures } from './harness';
import { agentText, newRelicText, assertProperty, dressArbitrary, dressed, gunicornText, launchFile, optionLaunchFile, surroundings, uwsgiText } from './generators';
import { renderText } from '../../server/src/l10n/message';

const RUNS = 200;

/**
 * Applies edits with the tests' own applier and proves they are of the shapes a fix may have (lineEffects.ts): every
 * line no edit names is byte-identical afterwards, terminator included, and a missing final newline stays missing.
 * A U+FEFF in the text is an ordinary character of line 0 here: editors and the CLI take the real BOM off before
 * analysing (the CLI puts it back on write, which the on-disk property checks).
 */
function applyChecked(text: string, edits: readonly TextEdit[], what: string): { output: string; shapes: EditShape[] } {
  const lines = linesWithEnds(text);
  for (const edit of edits) assertValidRange(lines, edit.range, `${what}: edit`);
  const shapes = edits.map((edit) => shapeOf(text, lines, edit));
  const output = applyEdits(text, edits);
  assert.deepEqual(linesWithEnds(output), expectedLines(text, shapes), `${what}: lines changed beyond its edits`);
  // Removing the last line after an empty one leaves that empty line last: the file then ends with the break before it.
  const emptiedLast = shapes.some((shape) => shape.kind === 'delete-last-lines' && contentOf(lines[shape.first - 1]) === '');
  if (text !== '' && !emptiedLast) assert.equal(endsWithLineBreak(output), endsWithLineBreak(text), `${what}: the final newline changed`);
  return { output, shapes };
}

/** Where a line of the original is after edits of these shapes; undefined when it was removed. */
function mapLine(line: number, shapes: readonly EditShape[]): number | undefined {
  let mapped = line;
  for (const shape of shapes) {
    if (shape.kind === 'lines-before' && shape.line <= line) mapped += shape.lines.length;
    else if (shape.kind === 'lines-after' && shape.line < line) mapped += shape.lines.length;
    else if ((shape.kind === 'delete-line' && shape.line === line) || (shape.kind === 'delete-last-lines' && line >= shape.first)) return undefined;
    else if (shape.kind === 'delete-line' && shape.line < line) mapped--;
  }
  return mapped;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * How many findings of a rule say this on a line: a finding's subject is its rule, line and message (a fix may leave
 * another finding of its rule there, e.g. `bmemcached` for `emcached` is warned about for also matching `memcached`).
 */
function countOnLine(analysis: Analysis | undefined, rule: string, line: number, message: string): number {
  return analysis?.findings.filter((found) => found.rule.id === rule && found.finding.range.start.line === line && renderText(found.finding.message, 'en') === message).length ?? 0;
}

/** Applies a code action to its file and the other files it edits; the workspace after it. */
function applyAction({ path, files }: Case, action: PydeployCodeAction, what: string) {
  const own = applyChecked(files[path], action.edits, what);
  const after: Record<string, string> = { ...files, [path]: own.output };
  for (const other of action.otherEdits) {
    const otherText = files[other.path];
    assert.ok(otherText !== undefined, `${what} edits ${other.path}, which is not in the workspace`);
    after[other.path] = applyChecked(otherText, other.edits, `${what} in ${other.path}`).output;
  }
  return { shapes: own.shapes, after };
}

/**
 * Every quick fix of every finding: (1) changes only what its shape allows, (2) leaves a file that analyses without
 * a rule failing, (3) removes the finding it fixes (one fewer finding of its rule on that line, or the line is gone).
 */
function checkQuickFixes(generated: Case, analysis: Analysis): void {
  for (const found of analysis.findings) {
    const actions = withoutRuleFailures(() => quickFixes(analysis, found.finding.range)).filter((action) =>
      action.diagnostics.some((d) => d.code === found.rule.id && sameRange(d.range, found.finding.range) && d.message === found.finding.message),
    );
    for (const action of actions) {
      const what = `"${action.title}" for ${found.rule.id} at ${found.finding.range.start.line}:${found.finding.range.start.character}`;
      const { shapes, after } = applyAction(generated, action, what);
      const reanalysed = analyzeChecked(generated.path, after[generated.path], workspaceOf(after));
      // A Python file that does not parse may swallow what a fix adds into its broken block: (1) and (2) still hold.
      if (analysis.document.kind === 'gunicorn-py' && analysis.document.gunicorn.module.syntaxErrors.length > 0) continue;
      const line = found.finding.range.start.line;
      const mapped = mapLine(line, shapes);
      if (mapped === undefined) continue;
      const before = countOnLine(analysis, found.rule.id, line, renderText(found.finding.message, 'en'));
      assert.ok(countOnLine(reanalysed, found.rule.id, mapped, renderText(found.finding.message, 'en')) < before, `${what} left the finding in place:\n${JSON.stringify(after[generated.path])}`);
    }
  }
}

function deletedLines(shape: EditShape, lineCount: number): number[] {
  if (shape.kind === 'delete-line') return [shape.line];
  if (shape.kind === 'delete-last-lines') return Array.from({ length: lineCount - shape.first }, (_, i) => shape.first + i);
  return [];
}

/** The lines the preferred quick fixes of an analysis remove: the only lines fix all may remove. */
function linesPreferredFixesDelete(analysis: Analysis, text: string): Set<number> {
  const lines = linesWithEnds(text);
  const deleted = new Set<number>();
  for (const found of analysis.findings) {
    for (const action of quickFixes(analysis, found.finding.range)) {
      if (!action.isPreferred) continue;
      for (const edit of action.edits) {
        for (const line of deletedLines(shapeOf(text, lines, edit), lines.length)) deleted.add(line);
      }
    }
  }
  return deleted;
}

/**
 * Fix all, pass by pass (a fix can uncover another): each pass's edits have the allowed shapes and remove only lines
 * a preferred quick fix of that pass removes, and each result analyses. The one action fix all offers gives exactly
 * what its passes give one after the other (and what fixAllFiles, so `--fix`, writes), and on its own output it
 * changes nothing.
 */
function checkFixAll(generated: Case): void {
  const analysis = analyzeChecked(generated.path, generated.files[generated.path], workspaceOf(generated.files));
  if (!analysis) return;
  let files = generated.files;
  withoutRuleFailures(() => fixAllPasses(analysis)).forEach((pass, i) => {
    const allowed = withoutRuleFailures(() => linesPreferredFixesDelete(pass.analysis, files[generated.path]));
    const { shapes, after } = applyAction({ path: generated.path, files }, pass.action, `fix all (pass ${i + 1})`);
    for (const line of shapes.flatMap((shape) => deletedLines(shape, linesWithEnds(files[generated.path]).length))) {
      assert.ok(allowed.has(line), `fix all (pass ${i + 1}) removed line ${line}, which no preferred fix removes`);
    }
    analyzeChecked(generated.path, after[generated.path], workspaceOf(after));
    files = after;
  });
  const action = withoutRuleFailures(() => fixAll(analysis));
  const once = action ? applyAction(generated, action, 'fix all').after : generated.files;
  for (const path of Object.keys(files)) assert.equal(once[path], files[path], `fix all gives another ${path} than its passes one after the other`);
  const fixed = withoutRuleFailures(() => fixAllFiles(generated.path, generated.files[generated.path], {}, workspaceOf(generated.files)));
  for (const [path, text] of fixed) assert.equal(text, files[path], `fixAllFiles gives another ${path} than fix all`);
  const again = analyzeChecked(generated.path, files[generated.path], workspaceOf(files));
  const second = again && withoutRuleFailures(() => fixAll(again));
  if (second) {
    const after = applyAction({ path: generated.path, files }, second, 'a second fix all').after;
    for (const path of Object.keys(files)) assert.equal(after[path], files[path], `a second fix all changed ${path}:\n${JSON.stringify(files[path])}`);
  }
}

function checkFixes(generated: Case): void {
  const analysis = analyzeChecked(generated.path, generated.files[generated.path], workspaceOf(generated.files));
  if (!analysis) return;
  checkQuickFixes(generated, analysis);
  checkFixAll(generated);
}

// ---------- configs with the mistakes the rules fix, mixed into generated ones ----------

/** Puts mistake lines at random places of a generated text's lines, then dresses it again. */
function withMistakes(base: fc.Arbitrary<string>, mistakes: readonly string[], header?: string): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.array(fc.tuple(fc.constantFrom(...mistakes), fc.nat()), { minLength: 1, maxLength: 6 }), dressArbitrary, fc.boolean())
    .map(([text, inserted, dress, withHeader]) => {
      const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
      for (const [mistake, at] of inserted) lines.splice(at % (lines.length + 1), 0, ...mistake.split('\n'));
      return dressed(header && withHeader ? [header, ...lines] : lines, dress);
    });
}

const UWSGI_MISTAKES = [
  'enable-threads = false', 'enable-threads = Off', 'lazy-apps = 0', 'single-interpreter = no', 'lazy = true', 'proceses = 4',
  'enable-thread = true', 'processes = 2', 'processes = 8', 'http-timeout = 30 ; seconds', 'harakiri = 60 # one minute',
  'master = ture', 'threads = 0', 'buffer_size = 32768', 'chmod-sock = 666', '  lazy-apps = off', '# pydeploy: disable-next-line=uwsgi/lazy-app',
  'module = deploy.wsgi:application', 'env = TING_YUN_CONFIG_FILE=/project/tingyun.ini', 'ini = missing.ini', 'gevent = 100',
];

const GUNICORN_MISTAKES = [
  'threds = 4', 'workrs = 2', 'preload_app = True', 'timeout = "30s"', 'worker_class = "geventt"', 'worker_class = "gevent"',
  'def when_ready(server, extra):\n    pass', 'def post_fork():\n    pass', 'max_requests = "1000"', 'wsgi_app = "deploy.wsgi:application"',
  'worker_class = "tornado"', 'keepalive = -1', '# pydeploy: disable=gunicorn/unknown-settng', 'preload_app = True  # fast start',
];

const AGENT_MISTAKES = [
  '[tingyun]', 'enabled = yes', 'log_level = verbose', 'licence_key = 0123', 'ssl = true', 'ssl = false', 'ssl = true',
  '[tingyun:exlude]', '[tingyun:exclude]', 'plugins = mysq, redis', 'license_key = ** YOUR-LICENSE-KEY **', 'audit_mode = on ; keep',
  'tornado_wsgi_adapter_mode = maybe', 'enabled = true # on', 'Enabled = off',
];

const NEWRELIC_MISTAKES = [
  '[newrelic]', 'monitor_mode = enabled', 'log_level = verbose', 'licence_key = 0123', 'ssl = true', 'transaction_tracer.enable = true',
  '[newrelic-staging]', '[NewRelic]', 'transaction_tracer.record_sql = Raw', 'high_security = off ; keep', 'log_level = info', 'LOG_LEVEL = info',
  'license_key =', 'app_name', '= x',
];

const cases: Record<string, fc.Arbitrary<Case>> = {
  'uWSGI ini': fc
    .tuple(withMistakes(uwsgiText, UWSGI_MISTAKES, '[uwsgi]'), surroundings, fc.constantFrom('/project/uwsgi.ini', '/project/app.ini'))
    .map(([text, files, path]) => ({ path, files: { ...files, [path]: text } })),
  'Gunicorn config': fc
    .tuple(withMistakes(gunicornText, GUNICORN_MISTAKES), surroundings)
    .map(([text, files]) => ({ path: '/project/gunicorn.conf.py', files: { ...files, '/project/gunicorn.conf.py': text } })),
  'agent tingyun.ini': withMistakes(agentText, AGENT_MISTAKES).map((text) => ({ path: '/project/tingyun.ini', files: { '/project/tingyun.ini': text } })),
  'New Relic newrelic.ini': withMistakes(newRelicText, NEWRELIC_MISTAKES).map((text) => ({ path: '/project/newrelic.ini', files: { '/project/newrelic.ini': text } })),
  'launch file': fc.tuple(launchFile, surroundings).map(([file, files]) => ({ path: file.path, files: { ...files, [file.path]: file.text } })),
  'launch file with server options': fc.tuple(optionLaunchFile, surroundings).map(([file, files]) => ({ path: file.path, files: { ...files, [file.path]: file.text } })),
};

describe('quick fixes and fix all change only what they mean to, remove their finding, and settle', () => {
  for (const [name, arbitrary] of Object.entries(cases)) {
    test(name, () => assertProperty(fc.property(arbitrary, checkFixes), RUNS));
  }
});
