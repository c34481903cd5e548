import type { IniEntry, IniSection } from '../parse/uwsgiIni';
import { AgentIniDocument } from '../parse/agentIni';
import { AGENT_BOOLEAN_FALSE, AGENT_BOOLEAN_TRUE, MAIN_SECTION } from '../knowledge/agent/options';
import type { Range } from '../text/lineIndex';

/** How the agent reads a boolean: only true/false/on/off in any case; undefined means "dropped, default kept". */
export function readAgentBoolean(value: string): boolean | undefined {
  const lower = value.trim().toLowerCase();
  if (AGENT_BOOLEAN_TRUE.includes(lower)) return true;
  if (AGENT_BOOLEAN_FALSE.includes(lower)) return false;
  return undefined;
}

/** Whether a section name is one of the agent's (`tingyun` or `tingyun:...`); other sections are left alone. */
export function isTingyunSectionName(name: string): boolean {
  return name === 'tingyun' || name.startsWith('tingyun:');
}

/** The agent's config file as the agent reads it: sections by exact name, keys compared lower-cased. */
export class AgentConfig {
  constructor(readonly document: AgentIniDocument) {}

  /** Every section with a header, in file order. */
  get sections(): IniSection[] {
    return this.document.sections.filter((section) => section.header !== undefined);
  }

  /** The first section of that name (Python's reader refuses a second one). */
  section(name: string): IniSection | undefined {
    return this.sections.find((section) => section.name === name);
  }

  /** The entry that sets an option, the first one when it is (wrongly) repeated. */
  entry(sectionName: string, key: string): IniEntry | undefined {
    const lower = key.toLowerCase();
    return this.section(sectionName)?.entries.find((entry) => entry.hasEquals && entry.key.toLowerCase() === lower);
  }

  /** A boolean of `[tingyun]` as the agent ends up with it: the file's value when readable, else the default. */
  flag(key: string, fallback: boolean): { value: boolean; entry?: IniEntry; readable: boolean } {
    const entry = this.entry(MAIN_SECTION, key);
    if (!entry) return { value: fallback, readable: true };
    const read = readAgentBoolean(entry.value);
    return read === undefined ? { value: fallback, entry, readable: false } : { value: read, entry, readable: true };
  }

  /** Where findings about the whole file go: the `[tingyun]` header, else the first line. */
  get anchor(): Range {
    return this.section(MAIN_SECTION)?.header?.range ?? this.document.index.lineRange(0);
  }
}
