import type { IniEntry, IniSection } from '../parse/uwsgiIni';
import type { AgentIniDocument } from '../parse/agentIni';
import { DEFAULT_SECTION, NEWRELIC_MAIN_SECTION, isNewRelicSettingsSection } from '../knowledge/newrelic/options';
import type { Range } from '../text/lineIndex';

/**
 * `newrelic.ini` as the New Relic agent reads it: Python's RawConfigParser, sections by exact name, keys compared
 * lower-cased, and `[DEFAULT]`'s options inherited by every section that does not set them.
 */
export class NewRelicConfig {
  constructor(readonly document: AgentIniDocument) {}

  /** Every section with a header, in file order. */
  get sections(): IniSection[] {
    return this.document.sections.filter((section) => section.header !== undefined);
  }

  /** The first section of that name (the reader refuses a second one; see newrelic/duplicate-option). */
  section(name: string): IniSection | undefined {
    return this.sections.find((section) => section.name === name);
  }

  /** `[newrelic]` and every `[newrelic:ENV]`, in file order. */
  get settingsSections(): IniSection[] {
    return this.sections.filter((section) => isNewRelicSettingsSection(section.name));
  }

  /** The entry that sets a key in a section, or in `[DEFAULT]` when the section does not. */
  entry(sectionName: string, key: string): IniEntry | undefined {
    const lower = key.toLowerCase();
    const find = (name: string) => this.section(name)?.entries.find((entry) => entry.hasEquals && entry.key.toLowerCase() === lower);
    return find(sectionName) ?? find(DEFAULT_SECTION);
  }

  /** Where findings about the whole file go: the `[newrelic]` header, else the first line. */
  get anchor(): Range {
    return this.section(NEWRELIC_MAIN_SECTION)?.header?.range ?? this.document.index.lineRange(0);
  }
}
