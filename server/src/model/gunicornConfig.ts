import { PyAssignment, PyFunction, PyImport, PyModule, PyValue } from '../parse/gunicornPy';
import { Range, comparePositions } from '../text/lineIndex';
import { GunicornSettingFacts, gunicornSetting } from '../knowledge/gunicorn/settings';
import { EffectiveValue, Verdict, validateSetting } from './gunicornValues';

/** One way the file gives a module-level name a value: `name = ...`, `def name(...)`, an import or a class. */
export type Binding =
  | { source: 'assignment'; name: string; nameRange: Range; conditional: boolean; assignment: PyAssignment }
  | { source: 'function'; name: string; nameRange: Range; conditional: boolean; fn: PyFunction }
  | { source: 'import'; name: string; nameRange: Range; conditional: boolean; imported: PyImport }
  | { source: 'class'; name: string; nameRange: Range; conditional: boolean };

export interface SettingBinding {
  facts: GunicornSettingFacts;
  binding: Binding;
}

/** What the file alone says a setting ends up as after Gunicorn reads the file. */
export type SettingState =
  | { state: 'unset' }
  /** Set, but only running the file tells to what (a computed value, a branch, an import). */
  | { state: 'unknown'; binding?: SettingBinding }
  | { state: 'literal'; binding: SettingBinding; value: PyValue; verdict: Verdict };

/** Names that are Python or Gunicorn machinery rather than configuration. */
const MODULE_DUNDERS = /^__\w+__$/;

/**
 * A gunicorn.conf.py as Gunicorn will see it once it has run the file: every module-level name that
 * matches a setting is applied (the last binding wins), every other name is ignored. Built from the
 * source alone; the file is never run.
 */
export class GunicornConfig {
  /** Every module-level binding in file order. */
  readonly bindings: Binding[];
  readonly settings: SettingBinding[];

  constructor(readonly module: PyModule) {
    const bindings: Binding[] = [
      ...module.assignments.map((assignment): Binding => ({ source: 'assignment', name: assignment.name, nameRange: assignment.nameRange, conditional: assignment.conditional, assignment })),
      ...module.functions.map((fn): Binding => ({ source: 'function', name: fn.name, nameRange: fn.nameRange, conditional: fn.conditional, fn })),
      ...module.imports.map((imported): Binding => ({ source: 'import', name: imported.name, nameRange: imported.range, conditional: imported.conditional, imported })),
      ...module.classes.map((cls): Binding => ({ source: 'class', name: cls.name, nameRange: cls.nameRange, conditional: cls.conditional })),
    ];
    this.bindings = bindings.sort((a, b) => comparePositions(a.nameRange.start, b.nameRange.start));
    this.settings = this.bindings.flatMap((binding) => {
      const facts = gunicornSetting(binding.name);
      return facts ? [{ facts, binding }] : [];
    });
  }

  /** Whether some setting may be set in a way this model can't see: `from x import *`, `globals()[...] = ...`. */
  get isIncomplete(): boolean {
    return this.module.dynamicNames || this.module.imports.some((imported) => imported.name === '*');
  }

  /** The bindings of one setting, in file order. */
  all(name: string): SettingBinding[] {
    return this.settings.filter((setting) => setting.facts.name === name);
  }

  /** What a setting ends up as; only an unconditional plain assignment, with nothing after it, gives a literal. */
  state(name: string): SettingState {
    const found = this.all(name);
    const last = found[found.length - 1];
    if (!last) return this.isIncomplete ? { state: 'unknown' } : { state: 'unset' };
    const { binding } = last;
    const laterConditional = found.some((other) => other !== last && other.binding.conditional && comparePositions(other.binding.nameRange.start, binding.nameRange.start) > 0);
    if (binding.source !== 'assignment' || binding.conditional || laterConditional || binding.assignment.kind !== 'plain' || this.isIncomplete) {
      return { state: 'unknown', binding: last };
    }
    const value = binding.assignment.value;
    return { state: 'literal', binding: last, value, verdict: validateSetting(last.facts, value) };
  }

  /** The value Gunicorn stores for a setting the file gives literally; undefined when the file alone can't tell. */
  effective(name: string): EffectiveValue | undefined {
    const state = this.state(name);
    return state.state === 'literal' && state.verdict.verdict === 'valid' ? state.verdict.effective : undefined;
  }

  /** Where a name is read anywhere in the file (so it is a helper, not a forgotten setting). */
  isRead(name: string): boolean {
    return (this.module.reads.get(name)?.length ?? 0) > 0 || this.module.globals.has(name);
  }

  /** Module-level assignments whose name is no setting, in file order: Gunicorn ignores them. */
  get nonSettingAssignments(): PyAssignment[] {
    return this.module.assignments.filter((assignment) => !gunicornSetting(assignment.name) && !MODULE_DUNDERS.test(assignment.name));
  }

  /** The statement after which new module-level code goes: the last top-level statement of the file. */
  get end(): Range {
    const end = this.module.index.positionAt(this.module.text.length);
    return { start: end, end };
  }
}

/** Reads a worker_class literal as a short name, lower-cased (`"gevent"`, `"gthread"`), when it is one. */
export function workerShortName(config: GunicornConfig): { name: string; binding: SettingBinding; value: PyValue } | undefined {
  const state = config.state('worker_class');
  if (state.state !== 'literal' || state.value.kind !== 'str') return undefined;
  return { name: state.value.value.trim(), binding: state.binding, value: state.value };
}
