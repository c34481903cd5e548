import { IniDocument, IniEntry, IniSection, sectionsNamed } from '../parse/uwsgiIni';
import { Range } from '../text/lineIndex';
import { uwsgiOption } from '../knowledge/uwsgi/options';

/** The section uWSGI reads when a file is given without `:section`. */
export const DEFAULT_UWSGI_SECTION = 'uwsgi';

export type FlagState = 'on' | 'off' | 'unknown';

const OFF_SPELLINGS = new Set(['false', 'off', 'no', '0']);

/**
 * Whether a value holds something uWSGI replaces before using it: `$(ENV)`, `@(file)`, `%(placeholder)`
 * or a one-letter magic variable such as `%d`. Such values are not judged: the file alone does not say what they become.
 */
export function hasExpansion(value: string): boolean {
  return /\$\(|@\(|%./.test(value);
}

/** How uWSGI reads a flag's config value: only false/off/no/0 (any case) switch it off. */
export function readFlag(value: string): FlagState {
  if (hasExpansion(value)) return 'unknown';
  return OFF_SPELLINGS.has(value.toLowerCase()) ? 'off' : 'on';
}

export interface UwsgiOption {
  entry: IniEntry;
  /** Inside an `if-*` or `for*` block: whether, or how often, uWSGI applies it depends on the machine. */
  conditional: boolean;
}

/** Keys that end an `if-*` or `for*` block; `end` is a keyword uWSGI handles outside its option table. */
const BLOCK_ENDS = new Set(['end', 'endif', 'end-if', 'endfor', 'end-for']);

/** Options that bring in the content of another config file, which this model does not read yet. */
function loadsOtherConfig(key: string): boolean {
  return uwsgiOption(key)?.role === 'config-include' || key === 'inject-before' || key === 'inject-after';
}

/** Options that make uWSGI load a Python app (without them a config is a router or an emperor). */
const APP_LOADERS = ['module', 'wsgi', 'wsgi-file', 'file', 'mount', 'paste', 'eval'];

/**
 * What one uWSGI instance reads from a file: the options of every section with the requested name, in
 * file order (uWSGI merges same-named sections), and what the file alone cannot tell.
 */
export class UwsgiConfig {
  readonly sections: IniSection[];
  readonly options: UwsgiOption[] = [];
  /** Lines that load other config files: options set there are invisible to this model. */
  readonly includes: IniEntry[] = [];

  constructor(readonly document: IniDocument, readonly sectionName: string = DEFAULT_UWSGI_SECTION) {
    this.sections = sectionsNamed(document, sectionName);
    let inBlock = false;
    for (const section of this.sections) {
      for (const entry of section.entries) {
        const role = uwsgiOption(entry.key)?.role;
        if (BLOCK_ENDS.has(entry.key)) {
          inBlock = false;
        } else if (role === 'config-logic') {
          inBlock = true;
        } else {
          if (loadsOtherConfig(entry.key)) this.includes.push(entry);
          this.options.push({ entry, conditional: inBlock });
        }
      }
    }
  }

  /** Every occurrence of an option, in the order uWSGI applies them. */
  all(key: string): UwsgiOption[] {
    return this.options.filter((option) => option.entry.key === key);
  }

  /** The occurrence that decides the value of a single-valued option: the last one. */
  last(key: string): UwsgiOption | undefined {
    const found = this.all(key);
    return found[found.length - 1];
  }

  /** The state of a flag option as uWSGI ends up with it; `unset` when no line sets it. */
  flag(key: string): { state: FlagState | 'unset'; option?: UwsgiOption } {
    const option = this.last(key);
    if (!option) return { state: 'unset' };
    if (option.conditional) return { state: 'unknown', option };
    return { state: readFlag(option.entry.value), option };
  }

  /** Whether options may come from files this model does not read, so an absent option may still be set. */
  get isIncomplete(): boolean {
    return this.includes.length > 0;
  }

  /** An emperor or router configuration loads no Python app, so what the agent needs does not apply. */
  get loadsPythonApp(): boolean {
    const keys = new Set(this.options.map((option) => option.entry.key));
    if (APP_LOADERS.some((key) => keys.has(key))) return true;
    return !keys.has('emperor');
  }

  /** The first header of the section, where findings about missing options are shown. */
  get anchor(): Range {
    const header = this.sections[0]?.header;
    return header ? header.range : this.document.index.lineRange(0);
  }
}
