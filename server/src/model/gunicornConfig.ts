import { PyAssignment, PyFunction, PyImport, PyModule, PyValue } from '../parse/gunicornPy';
import { Range, comparePositions } from '../text/lineIndex';
import { GunicornSettingFacts, gunicornSetting } from '../knowledge/gunicorn/settings';
import { EffectiveValue, Verdict, validateLaunchValue, validateSetting } from './gunicornValues';
import type { GunicornCommandLine, GunicornLaunchSetting } from './gunicornCommandLine';

/** One way the file gives a module-level name a value: `name = ...`, `def name(...)`, an import or a class. */
export type Binding =
  | { source: 'assignment'; name: string; nameRange: Range; conditional: boolean; assignment: PyAssignment }
  | { source: 'function'; name: string; nameRange: Range; conditional: boolean; fn: PyFunction }
  | { source: 'import'; name: string; nameRange: Range; conditional: boolean; imported: PyImport }
  | { source: 'class'; name: string; nameRange: Range; conditional: boolean }
  /** A setting the launch gives: its environment, `GUNICORN_CMD_ARGS` or its command line. */
  | { source: 'launch'; name: string; nameRange: Range; conditional: false; setting: GunicornLaunchSetting; value: PyValue };

/** A binding of the config file itself. */
export type FileBinding = Exclude<Binding, { source: 'launch' }>;

/** The value a launch setting hands Gunicorn, as the config file would write it. */
function launchValue(setting: GunicornLaunchSetting): PyValue {
  if (setting.value === undefined) return { kind: 'bool', value: setting.facts.action !== 'store_const', range: setting.keyRange };
  if (setting.opaque) return { kind: 'unknown', why: 'computed', range: setting.valueRange };
  return { kind: 'str', value: setting.value, range: setting.valueRange };
}

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
  readonly bindings: FileBinding[];
  readonly settings: SettingBinding[];

  /**
   * `launch`: the launch that starts Gunicorn with this file (or, for a launch file, the launch itself): its
   * environment's settings apply before the file's, `GUNICORN_CMD_ARGS` and the command line after.
   */
  constructor(
    readonly module: PyModule,
    readonly launch?: GunicornCommandLine,
    /** Which of the two is the checked file: findings land only on its values. */
    readonly checked: 'config-file' | 'launch' = 'config-file',
  ) {
    const bindings: FileBinding[] = [
      ...module.assignments.map((assignment): FileBinding => ({ source: 'assignment', name: assignment.name, nameRange: assignment.nameRange, conditional: assignment.conditional, assignment })),
      ...module.functions.map((fn): FileBinding => ({ source: 'function', name: fn.name, nameRange: fn.nameRange, conditional: fn.conditional, fn })),
      ...module.imports.map((imported): FileBinding => ({ source: 'import', name: imported.name, nameRange: imported.range, conditional: imported.conditional, imported })),
      ...module.classes.map((cls): FileBinding => ({ source: 'class', name: cls.name, nameRange: cls.nameRange, conditional: cls.conditional })),
    ];
    this.bindings = bindings.sort((a, b) => comparePositions(a.nameRange.start, b.nameRange.start));
    const fromFile = this.bindings.flatMap((binding) => {
      const facts = gunicornSetting(binding.name);
      return facts ? [{ facts, binding }] : [];
    });
    const fromLaunch = (launch?.settings ?? []).map(
      (setting): SettingBinding => ({
        facts: setting.facts,
        binding: { source: 'launch', name: setting.facts.name, nameRange: setting.keyRange, conditional: false, setting, value: launchValue(setting) },
      }),
    );
    const isDefault = (setting: SettingBinding) => setting.binding.source === 'launch' && setting.binding.setting.from === 'env';
    this.settings = [...fromLaunch.filter(isDefault), ...fromFile, ...fromLaunch.filter((setting) => !isDefault(setting))];
  }

  /** Whether a binding is in the checked file, where findings about it land. */
  isLocal(binding: Binding): boolean {
    return (binding.source === 'launch') === (this.checked === 'launch');
  }

  /** Whether the config file's own text is the checked file (not merely read for a launch's sake). */
  get checksFile(): boolean {
    return this.checked === 'config-file';
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
    if (binding.source === 'launch') {
      const value = this.launchListValue(found, binding.value);
      const verdict = binding.setting.value === undefined || value !== binding.value ? validateSetting(last.facts, value) : validateLaunchValue(last.facts, binding.value);
      return { state: value.kind === 'unknown' ? 'unknown' : 'literal', binding: last, value, verdict } as SettingState;
    }
    const laterConditional = found.some((other) => other !== last && other.binding.conditional && comparePositions(other.binding.nameRange.start, binding.nameRange.start) > 0);
    if (binding.source !== 'assignment' || binding.conditional || laterConditional || binding.assignment.kind !== 'plain' || this.isIncomplete) {
      return { state: 'unknown', binding: last };
    }
    const value = binding.assignment.value;
    return { state: 'literal', binding: last, value, verdict: validateSetting(last.facts, value) };
  }

  /** A flag given several times in one place of the launch (`-b a -b b`) appends: the values as one list. */
  private launchListValue(found: SettingBinding[], last: PyValue): PyValue {
    const lastBinding = found[found.length - 1].binding;
    if (lastBinding.source !== 'launch' || found[0].facts.action !== 'append') return last;
    const from = lastBinding.setting.from;
    const items: PyValue[] = [];
    for (const { binding } of found) if (binding.source === 'launch' && binding.setting.from === from) items.push(binding.value);
    return items.some((item) => item.kind === 'unknown') ? { kind: 'unknown', why: 'computed', range: last.range } : { kind: 'list', items, range: last.range };
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
