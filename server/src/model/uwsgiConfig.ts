import { IniEntry, ScannedSection, UwsgiIniDocument, parseIni, sectionsNamed } from '../parse/uwsgiIni';
import { Range } from '../text/lineIndex';
import { UwsgiOptionFacts, uwsgiAliases, uwsgiOption } from '../knowledge/uwsgi/options';
import { NO_WORKSPACE, WorkspaceView } from './workspace';
import { basename, dirname, resolvePath } from '../text/paths';
import type { LaunchConfigFile, LaunchOption, UwsgiCommandLine, ValueOrigin } from './uwsgiCommandLine';
import { hasTemplatePlaceholder, isTemplateInsertion, isTemplateName, jinjaStatement, usesJinja } from './templates';

/** The section uWSGI reads when a file is given without `:section`. */
export const DEFAULT_UWSGI_SECTION = 'uwsgi';

export type FlagState = 'on' | 'off' | 'unknown';

const OFF_SPELLINGS = new Set(['false', 'off', 'no', '0']);

/**
 * Whether a value holds something replaced before it is used: by uWSGI (`$(ENV)`, `@(file)`, `%(placeholder)`,
 * a one-letter magic variable such as `%d`) or by a template step (`{{ var }}`, `${VAR}`, ...; see templates.ts).
 * Such values are not judged: the file alone does not say what they become.
 */
export function hasExpansion(value: string): boolean {
  return /\$\(|@\(|%./.test(value) || hasTemplatePlaceholder(value);
}

/** What C's atoi makes of a value, as uWSGI reads numbers: the leading digits, 0 when there are none. */
export function readsAsNumber(value: string): number {
  const leading = /^\s*[+-]?\d+/.exec(value);
  return leading ? Number(leading[0]) : 0;
}

/** How uWSGI reads a flag's config value: only false/off/no/0 (any case) switch it off. */
export function readFlag(value: string): FlagState {
  if (hasExpansion(value)) return 'unknown';
  return OFF_SPELLINGS.has(value.toLowerCase()) ? 'off' : 'on';
}

/** One file that contributes options: the checked file itself or one it includes. */
export interface UwsgiSource {
  path: string;
  document: UwsgiIniDocument;
  /**
   * The file starts with a UTF-8 byte order mark. Editors hide it, but uWSGI reads it as part of the first
   * line, so a `[uwsgi]` header there is not a header for uWSGI and the options under it are never read.
   */
  byteOrderMark: boolean;
}

/** The sections of a file that uWSGI really reads for a name (a header hidden behind a BOM is not one). */
function readableSections(source: UwsgiSource, name: string): ScannedSection[] {
  return sectionsNamed(source.document, name).filter((section) => !(source.byteOrderMark && section.header?.line === 0));
}

/**
 * `set = name=value` sets the real option when `name` is one: the line then counts as that option, with
 * ranges on the name and the value inside the `set` line.
 */
function optionSetBy(entry: IniEntry): IniEntry | undefined {
  if (entry.key !== 'set') return undefined;
  const equals = entry.value.indexOf('=');
  const key = entry.value.slice(0, equals);
  if (equals <= 0 || !uwsgiOption(key)) return undefined;
  const { valueRange } = entry;
  const start = valueRange.start.character;
  // Field by field: a scanned entry's ranges, indent and separator are getters, which a spread would not copy.
  return {
    kind: 'entry',
    line: entry.line,
    key,
    value: entry.value.slice(equals + 1),
    keyRange: { start: { line: entry.line, character: start }, end: { line: entry.line, character: start + equals } },
    valueRange: { start: { line: entry.line, character: start + equals + 1 }, end: valueRange.end },
    hasEquals: entry.hasEquals,
    indent: entry.indent,
    separator: '=',
  };
}

export interface UwsgiOption {
  entry: IniEntry;
  source: UwsgiSource;
  /** In the checked file itself, not in a file it includes: only these get findings. */
  local: boolean;
  /** Inside an `if-*` or `for*` block: whether, or how often, uWSGI applies it depends on the machine. */
  conditional: boolean;
  /** Set through a `set = name=value` line rather than a line of its own. */
  viaSet?: boolean;
  /** Where the value comes from: a config file, the command line or the environment of the launch. */
  origin: ValueOrigin;
  /** The value holds a shell expansion of the launch (`$PORT`) that the files alone cannot resolve. */
  opaque?: boolean;
}

/**
 * An option written on a line of an ini file: the option and its entry in one object, with the ranges, indent and
 * separator read from the document's columns when asked for. A long config has one of these per line and nothing
 * else, so that reading it allocates little that the garbage collector has to keep moving.
 */
class IniLineOption implements UwsgiOption, IniEntry {
  constructor(
    readonly source: UwsgiSource,
    readonly line: number,
    public key: string,
    public value: string,
    public local: boolean,
    public conditional: boolean,
  ) {}

  get kind(): 'entry' {
    return 'entry';
  }

  get entry(): IniEntry {
    return this;
  }

  get origin(): ValueOrigin {
    return 'ini';
  }

  get hasEquals(): boolean {
    return this.source.document.hasEqualsAt(this.line);
  }

  get keyRange(): Range {
    return this.source.document.keyRangeAt(this.line);
  }

  get valueRange(): Range {
    return this.source.document.valueRangeAt(this.line);
  }

  get indent(): string {
    return this.source.document.indentAt(this.line);
  }

  get separator(): string {
    return this.source.document.separatorAt(this.line);
  }
}

/** Whether a line of the file uses Jinja syntax (`{% if %}`, `{{ var }}`): it is then a template. */
function usesJinjaOnAnyLine(document: UwsgiIniDocument): boolean {
  if (!document.text.includes('{')) return false;
  for (let line = 0; line < document.index.lineCount; line++) {
    if (!document.isEntry(line) || !(document.keyAt(line).includes('{') || document.valueAt(line).includes('{'))) continue;
    if (usesJinja(entryText(document.entryAt(line)!))) return true;
  }
  return false;
}

/** A config file a launch names, and what became of it. */
export interface UwsgiNamedFile {
  item: LaunchConfigFile;
  /** The file in the workspace, when it was found. */
  path?: string;
  status: 'read' | 'not-found' | 'no-section' | 'dynamic' | 'other-format';
}

/** The launch a config is read under, and how it finds the files it names in the workspace. */
export interface UwsgiLaunchContext {
  commandLine: UwsgiCommandLine;
  locate(file: string): string | undefined;
}

const NO_LINES = parseIni('');
const NO_OPTIONS: readonly UwsgiOption[] = [];

/** An option of the command line or environment as a config line: same key and value, ranges in the launch file. */
function launchEntry(option: LaunchOption): IniEntry {
  return {
    kind: 'entry',
    line: option.keyRange.start.line,
    key: option.key,
    value: option.value,
    keyRange: option.keyRange,
    valueRange: option.valueRange,
    hasEquals: option.hasValue,
    indent: '',
    separator: '',
  };
}

/** An `ini =`, `include =` or `inherit =` line, and what became of it. */
export interface UwsgiInclude {
  option: UwsgiOption;
  /** The file and section it names, after `%d`-style and placeholder expansion. */
  target: string;
  section: string;
  status: 'read' | 'not-found' | 'no-section' | 'dynamic' | 'other-format' | 'cycle';
}

/** A line of an ini file as written, from its key to the end of its value. */
function entryText(entry: IniEntry): string {
  return entry.hasEquals ? `${entry.key}${entry.separator}${entry.value}` : entry.key;
}

/** Keys that end an `if-*` or `for*` block; `end` is a keyword uWSGI handles outside its option table. */
const BLOCK_ENDS = new Set(['end', 'endif', 'end-if', 'endfor', 'end-for']);

export function endsBlock(key: string): boolean {
  return BLOCK_ENDS.has(key);
}

/** `if-env`, `for`, `else` and the like: the lines after it, up to an end, are conditional. */
export function startsBlock(key: string): boolean {
  return !BLOCK_ENDS.has(key) && uwsgiOption(key)?.role === 'config-logic';
}

/** Options that make uWSGI load a Python app (without them a config is a router or an emperor). */
const APP_LOADERS = ['module', 'wsgi', 'wsgi-file', 'file', 'mount', 'paste', 'eval'];

/** Options whose value names a placeholder: `set-placeholder = name=value`, `declare-option = name=...`. */
const PLACEHOLDER_SETTERS = new Set(['set', 'set-placeholder', 'set-ph', 'declare-option', 'declare-option2']);

/** Magic variables that depend only on the config file's path, expanded in include paths. */
export function expandPathMagic(value: string, path: string, section: string): string {
  const folder = dirname(path);
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const table: Record<string, string> = {
    // uWSGI's %d ends with the slash (`%dapp.ini` is a file beside the config; `%d/app.ini` has two slashes, harmless).
    d: folder.endsWith('/') ? folder : `${folder}/`,
    p: path,
    s: name,
    n: dot > 0 ? name.slice(0, dot) : name,
    e: dot > 0 ? name.slice(dot + 1) : '',
    c: basename(folder),
    x: section,
    '%': '%',
  };
  return value.replace(/%([dpsnecx%])/gi, (whole, letter: string) => table[letter.toLowerCase()] ?? whole);
}

export interface UwsgiConfigOptions {
  /** Absolute path of the file, `/`-separated; includes are resolved against it. */
  path?: string;
  workspace?: WorkspaceView;
  section?: string;
  /** The launch that starts uWSGI with this file (or, for a launch file, the launch itself). */
  launch?: UwsgiLaunchContext;
}

/**
 * What one uWSGI instance reads from a file: the options of every section with the requested name, in
 * the order uWSGI applies them (same-named sections merged, included files expanded where they are
 * included), and what the files alone cannot tell.
 */
export class UwsgiConfig {
  readonly path: string;
  readonly sectionName: string;
  readonly root: UwsgiSource;
  readonly sections: ScannedSection[];
  readonly options: UwsgiOption[] = [];
  /**
   * What the option table says of each option, in the order of `options` (undefined for a key that is no option):
   * looked up once as the config is read, since most rules ask it of every line.
   */
  readonly optionFacts: (UwsgiOptionFacts | undefined)[] = [];
  readonly includes: UwsgiInclude[] = [];
  /** The config files the launch names, in its order. */
  readonly namedFiles: UwsgiNamedFile[] = [];
  readonly launch?: UwsgiLaunchContext;
  /** `{{ ... }}` lines and placeholder keys of a template: the rendered file has options there this model cannot see. */
  readonly templateInsertions: IniEntry[] = [];
  /**
   * The file is a template rendered before uWSGI reads it: its name says so (`uwsgi.ini.j2`, `.template`, `.in`...)
   * or it uses Jinja syntax. Its `${VAR}` are then the template's, not a mistake of uWSGI syntax.
   */
  readonly isTemplate: boolean;
  private readonly workspace: WorkspaceView;
  /**
   * What `%(name)` stands for, by name: the first line so far that sets it. Kept as options are read, so that
   * expanding an include or a path does not scan every option before it (quadratic on a long config).
   */
  private readonly firstValues = new Map<string, string>();
  /** The options by key, in order: the rules ask for single keys (`flag`, `last`) many times per config. */
  private readonly byKey = new Map<string, UwsgiOption[]>();
  /** `declaredNames` and `referencedNames`, found once: several rules ask, and each answer is a scan of every line. */
  private declared?: Set<string>;
  private referenced?: Set<string>;
  private threads?: FlagState;

  constructor(readonly document: UwsgiIniDocument, settings: UwsgiConfigOptions = {}) {
    this.path = settings.path ?? '/uwsgi.ini';
    this.sectionName = settings.section ?? DEFAULT_UWSGI_SECTION;
    this.workspace = settings.workspace ?? NO_WORKSPACE;
    this.root = { path: this.path, document, byteOrderMark: this.workspace.hasByteOrderMark?.(this.path) ?? false };
    this.sections = readableSections(this.root, this.sectionName);
    this.isTemplate = isTemplateName(basename(this.path)) || usesJinjaOnAnyLine(document);
    this.launch = settings.launch;
    if (this.launch) this.readLaunch(this.launch);
    else this.read(this.root, this.sectionName, new Set());
  }

  /** The launch's environment, then its command line with the files it names read where uWSGI reads them. */
  private readLaunch({ commandLine, locate }: UwsgiLaunchContext): void {
    const launchPath = commandLine.launch.path;
    for (const item of commandLine.items) {
      if (item.kind === 'option') {
        const path = item.path ?? launchPath;
        const source: UwsgiSource = path === this.path ? { ...this.root, document: NO_LINES } : { path, document: NO_LINES, byteOrderMark: false };
        this.add({ entry: launchEntry(item), source, local: path === this.path, conditional: false, origin: item.origin, ...(item.opaque ? { opaque: true } : {}) });
        continue;
      }
      if (item.opaque) {
        this.namedFiles.push({ item, status: 'dynamic' });
        continue;
      }
      if (item.format !== 'ini') {
        this.namedFiles.push({ item, status: 'other-format' });
        continue;
      }
      const path = locate(item.file);
      if (path === undefined) {
        this.namedFiles.push({ item, status: 'not-found' });
        continue;
      }
      let source: UwsgiSource | undefined = path === this.path ? this.root : undefined;
      if (!source) {
        const text = this.workspace.readFile(path);
        if (text === undefined) {
          this.namedFiles.push({ item, status: 'not-found' });
          continue;
        }
        source = { path, document: parseIni(text.replace(/^\uFEFF/, '')), byteOrderMark: this.workspace.hasByteOrderMark?.(path) ?? false };
      }
      this.namedFiles.push({ item, path, status: readableSections(source, item.section).length > 0 ? 'read' : 'no-section' });
      this.read(source, item.section, new Set());
    }
  }

  /**
   * Whether an option this config lacks is to be added in another file than the checked one: a launch file whose
   * launch names a config file of the workspace gets its missing options there, where they are reported.
   */
  get missingBelongsElsewhere(): boolean {
    return this.namedFiles.some((named) => named.path !== undefined && named.path !== this.path);
  }

  private read(source: UwsgiSource, section: string, visiting: Set<string>): void {
    const key = `${source.path}:${section}`;
    visiting.add(key);
    const { document } = source;
    const local = source === this.root;
    let inBlock = false;
    let jinjaDepth = 0;
    for (const { firstLine, endLine } of readableSections(source, section)) {
      for (let line = firstLine; line < endLine; line++) {
        if (!document.isEntry(line)) continue;
        let key = document.keyAt(line);
        // One look-up in the option table per line: a long config is mostly option lines.
        const known = uwsgiOption(key);
        if (known?.role === 'config-logic' || BLOCK_ENDS.has(key)) {
          inBlock = startsBlock(key);
          continue;
        }
        // A template's own lines: `{% if %}` blocks make what they hold conditional, `{{ var }}` may insert options.
        if (key.startsWith('{')) {
          const entry = document.entryAt(line)!;
          const statement = jinjaStatement(entryText(entry));
          if (statement === 'open') jinjaDepth++;
          if (statement === 'close') jinjaDepth = Math.max(0, jinjaDepth - 1);
          if (statement !== undefined) continue;
          if (!entry.hasEquals && isTemplateInsertion(entry.key)) {
            if (local) this.templateInsertions.push(entry);
            continue;
          }
        }
        // `{{ key }} = {{ value }}` (in a loop, often): the rendered file has options there that the template does not name.
        if (!known && hasTemplatePlaceholder(key)) {
          if (local) this.templateInsertions.push(document.entryAt(line)!);
          continue;
        }
        // The option's own name string instead of the copy sliced from the text: every rule looks the key up in
        // the option table, and a lookup with the table's own string is a pointer comparison.
        if (known) key = known.name;
        const option = new IniLineOption(source, line, key, document.valueAt(line), local, inBlock || jinjaDepth > 0);
        this.add(option, known);
        const setOption = optionSetBy(option);
        if (setOption) this.add({ entry: setOption, source, local, conditional: option.conditional, origin: 'ini', viaSet: true });
        if (known?.role === 'config-include') this.include(option, section, visiting);
      }
    }
    visiting.delete(key);
  }

  private add(option: UwsgiOption, facts = uwsgiOption(option.entry.key)): void {
    this.options.push(option);
    this.optionFacts.push(facts);
    const { key, value } = option.entry;
    const sameKey = this.byKey.get(key);
    if (sameKey) sameKey.push(option);
    else {
      this.byKey.set(key, [option]);
      // The first line with this key: what `%(key)` stands for, unless a placeholder of that name came before.
      if (!this.firstValues.has(key)) this.firstValues.set(key, value);
    }
    if (PLACEHOLDER_SETTERS.has(key) && key !== 'declare-option') {
      const equals = value.indexOf('=');
      const name = value.slice(0, equals);
      if (equals >= 0 && !this.firstValues.has(name)) this.firstValues.set(name, value.slice(equals + 1));
    }
  }

  /** Reads an included ini file (or another section of the same file) where the line stands, as uWSGI does. */
  private include(option: UwsgiOption, currentSection: string, visiting: Set<string>): void {
    const { key, value } = option.entry;
    const expanded = this.expandPath(value, option.source.path, currentSection);
    const colon = expanded.lastIndexOf(':');
    const file = colon >= 0 ? expanded.slice(0, colon) : expanded;
    const section = colon >= 0 && colon < expanded.length - 1 ? expanded.slice(colon + 1) : DEFAULT_UWSGI_SECTION;
    const record = (status: UwsgiInclude['status'], target = expanded): void => {
      this.includes.push({ option, target, section, status });
    };

    const isIniLoader = key === 'ini' || ((key === 'include' || key === 'inherit') && /\.ini$/i.test(file));
    if (hasExpansion(expanded) || /^[a-z]+:\/\//i.test(file)) return record('dynamic');
    if (!isIniLoader && file !== '') return record('other-format');

    let source: UwsgiSource | undefined;
    if (file === '') {
      source = option.source; // `ini = :section` reads another section of the same file
    } else {
      const candidates = file.startsWith('/')
        ? [resolvePath('/', file)]
        : [resolvePath(dirname(option.source.path), file), resolvePath(this.workspace.rootOf(this.path), file)];
      for (const path of candidates) {
        const text = path === this.path ? undefined : this.workspace.readFile(path);
        if (text !== undefined) {
          source = { path, document: parseIni(text.replace(/^\uFEFF/, '')), byteOrderMark: this.workspace.hasByteOrderMark?.(path) ?? false };
          break;
        }
      }
      if (!source) return record('not-found', candidates[0]);
    }
    if (visiting.has(`${source.path}:${section}`)) return record('cycle', source.path);
    // uWSGI only warns when the section is missing, and reads nothing from the file.
    record(readableSections(source, section).length > 0 ? 'read' : 'no-section', source.path);
    this.read(source, section, visiting);
  }

  /**
   * A path-like value as uWSGI would read it in a file: magic variables of that file (`%d`, `%n`, ...) and
   * single-name placeholders replaced; what stays unexpanded (`$(ENV)`, `@(file)`) is left as written.
   */
  expandPath(value: string, path: string, section: string = this.sectionName): string {
    return this.expandPlaceholders(expandPathMagic(value, path, section));
  }

  /** Replaces single-name `%(name)` references with the first value of that option or placeholder so far. */
  private expandPlaceholders(value: string): string {
    return value.replace(/%\(([\w.-]+)\)/g, (whole, name: string) => {
      const defined = this.placeholderValue(name);
      return defined ?? whole;
    });
  }

  /** The value `%(name)` stands for: the first line that sets it, or a `set-placeholder` of it. */
  placeholderValue(name: string): string | undefined {
    if (!name.includes('=')) return this.firstValues.get(name);
    // A name with `=` in it can only be matched by a line's full prefix; rare enough to scan for.
    for (const { entry } of this.options) {
      if (entry.key === name) return entry.value;
      if (PLACEHOLDER_SETTERS.has(entry.key) && entry.key !== 'declare-option' && entry.value.startsWith(`${name}=`)) return entry.value.slice(name.length + 1);
    }
    return undefined;
  }

  /** Names this config defines as placeholders or custom options (`set-placeholder`, `declare-option`, ...). */
  get declaredNames(): ReadonlySet<string> {
    this.declared ??= this.findDeclaredNames();
    return this.declared;
  }

  private findDeclaredNames(): Set<string> {
    const names = new Set<string>();
    for (const { entry } of this.options) {
      if (!PLACEHOLDER_SETTERS.has(entry.key)) continue;
      const name = /^\s*([^=\s]+)\s*=/.exec(entry.value)?.[1];
      if (name) names.add(name);
    }
    return names;
  }

  /** Names used as `%(name)` (or inside a `%(a + b)` expression) anywhere in this file or a file it includes. */
  get referencedNames(): ReadonlySet<string> {
    this.referenced ??= this.findReferencedNames();
    return this.referenced;
  }

  private findReferencedNames(): Set<string> {
    const names = new Set<string>();
    const documents = new Set<UwsgiIniDocument>([this.document]);
    for (const option of this.options) documents.add(option.source.document);
    for (const document of documents) {
      // Searched in the whole text at once, then kept when inside a value: most lines of a long file have none.
      for (const match of document.text.matchAll(/%\(([^()\r\n]*)\)/g)) {
        if (!document.isInValue(match.index)) continue;
        for (const token of match[1].split(/\s+/)) if (/^[A-Za-z_][\w.-]*$/.test(token)) names.add(token);
      }
    }
    return names;
  }

  /** Every occurrence of an option, in the order uWSGI applies them. */
  all(key: string): readonly UwsgiOption[] {
    return this.byKey.get(key) ?? NO_OPTIONS;
  }

  /** The occurrence that decides the value of a single-valued option: the last one. */
  last(key: string): UwsgiOption | undefined {
    const found = this.byKey.get(key);
    return found?.[found.length - 1];
  }

  /** The occurrence that decides an option uWSGI also knows by other names (`processes`, `workers`): the last of any. */
  lastOfAliases(key: string): UwsgiOption | undefined {
    const facts = uwsgiOption(key);
    const names = [key, ...(facts ? uwsgiAliases(facts) : [])];
    const found = names.flatMap((name) => this.last(name) ?? []);
    return found.length < 2 ? found[0] : found.sort((a, b) => this.options.indexOf(b) - this.options.indexOf(a))[0];
  }

  /** The state of a flag option as uWSGI ends up with it; `unset` when no line sets it. */
  flag(key: string): { state: FlagState | 'unset'; option?: UwsgiOption } {
    const option = this.last(key);
    if (!option) return { state: 'unset' };
    if (option.conditional || option.opaque) return { state: 'unknown', option };
    return { state: readFlag(option.entry.value), option };
  }

  /**
   * Whether uWSGI up to 2.0.26 starts Python with thread support, in the order uWSGI decides it: every option
   * with the THREADS flag (`threads`, `py-autoreload`, `gevent`, ...) turns it on while the file is read; the
   * last `enable-threads` is applied afterwards and overrides that; finally `threads` above 1 forces it on.
   * (Measured with Debian's uWSGI 2.0.21: `threads = 1` with `enable-threads = false` is off.) 2.0.27 and
   * later always turn it on.
   */
  threadSupport(): FlagState {
    // A scan of every option, asked by several agent rules and once per agent: found once.
    this.threads ??= this.findThreadSupport();
    return this.threads;
  }

  private findThreadSupport(): FlagState {
    const implying = this.options.filter((_, at) => this.optionFacts[at]?.flags.includes('THREADS'));
    let state: FlagState = implying.some((option) => !option.conditional) ? 'on' : implying.length > 0 ? 'unknown' : 'off';
    const enableThreads = this.flag('enable-threads');
    if (enableThreads.state !== 'unset') state = enableThreads.state;
    const threads = this.last('threads');
    if (threads && !threads.conditional && !threads.opaque && !hasExpansion(threads.entry.value) && readsAsNumber(threads.entry.value) > 1) state = 'on';
    // An unseen include may turn threads on, but not past an explicit `enable-threads = false` written here.
    return state === 'off' && this.isIncomplete && enableThreads.state === 'unset' ? 'unknown' : state;
  }

  /** Whether options may come from files this model cannot read, so an absent option may still be set. */
  get isIncomplete(): boolean {
    const unread = (status: string) => status === 'not-found' || status === 'dynamic' || status === 'other-format';
    return (
      this.templateInsertions.length > 0 ||
      this.includes.some((include) => unread(include.status)) ||
      this.namedFiles.some((named) => unread(named.status)) ||
      (this.launch?.commandLine.incomplete ?? false)
    );
  }

  /** An emperor or router configuration loads no Python app, so what the agent needs does not apply. */
  get loadsPythonApp(): boolean {
    if (APP_LOADERS.some((key) => this.byKey.has(key))) return true;
    return !this.byKey.has('emperor');
  }

  /** The first header of the section, where findings about missing options are shown. */
  get anchor(): Range {
    const header = this.sections[0]?.header;
    if (header) return header.range;
    // A launch file: the launch itself, where its fixes add options.
    if (this.launch && this.launch.commandLine.launch.path === this.path) return this.launch.commandLine.launch.range;
    return this.document.index.lineRange(0);
  }
}
