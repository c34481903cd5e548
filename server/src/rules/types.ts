import type { Range } from '../text/lineIndex';
import type { AnalyzedDocument, DocumentKind, DocumentOfKind } from '../model/document';
import type { Change } from './change';
import type { AgentNeed } from '../knowledge/agents';
import type { Text } from '../l10n/message';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation {
  range: Range;
  message: Text;
  /** The file the location is in, when it is not the one the finding is in (absolute, `/`-separated). */
  path?: string;
}

/** What a rule found: where, what to tell the user, and what its fixes need to know. */
export interface Finding<Data = unknown> {
  range: Range;
  /** A catalogue message, rendered in the user's language by the shell (an English sentence in rules not yet converted). */
  message: Text;
  data: Data;
  related?: RelatedLocation[];
  /**
   * How bad this finding is when the user has not set the rule's severity: an agent rule takes it from the agents'
   * profiles (the worst impact among them). Without it the rule's default applies.
   */
  severity?: Severity;
  /** The agents (profile ids) whose needs the finding is about, for the editor's per-agent verdict (features/agentReadiness.ts). */
  agents?: readonly string[];
}

/** A fix is a set of changes described by intent; `features/changes.ts` turns them into text edits. */
export interface Fix {
  title: Text;
  /** The fix a user most likely wants; "fix all" and `pydeploy check --fix` apply only these. */
  isPreferred: boolean;
  changes: Change[];
}

/** A config the rule reports on, and the same config as the rule wants it: the rule page shows both. */
export interface RuleExample {
  /** The name the example is read as, which also gives its syntax. */
  file: string;
  wrong: readonly string[];
  right: readonly string[];
}

/** What the README's rule list and the rule's page (the diagnostic's link) say about a rule. */
export interface RuleDocs {
  /** One line: what the rule reports. */
  summary: string;
  /** Why it matters and how to fix it, for the README. */
  details: string;
  example: RuleExample;
  /** What the quick fix changes, or how to fix it by hand when there is none. */
  fix: string;
  /** When turning the rule off is reasonable (the comment and settings that do it are the same for every rule). */
  silence: string;
}

/**
 * The kind of file a rule checks, or `any` for a rule about pydeploy's own comments, which every kind that is read
 * has (not `too-large`: a file that is not read has no comments pydeploy knows of).
 */
export type RuleScope = DocumentKind | 'any';

export type DocumentInScope<K extends RuleScope> = K extends DocumentKind ? DocumentOfKind<K> : Exclude<AnalyzedDocument, { kind: 'too-large' }>;

/** One rule: an id, a default severity, its docs, a check and the fixes for what it finds. */
export interface Rule<K extends RuleScope = RuleScope, Data = unknown> {
  id: string;
  /** The kind of file the rule checks, or several (a cross-file rule may report on uWSGI and Gunicorn configs). */
  fileKind: K | readonly K[];
  defaultSeverity: Severity;
  /** The agents' needs (knowledge/agents) this rule checks: each need a profile cites has a rule that names it. */
  needs?: readonly AgentNeed[];
  docs: RuleDocs;
  check(document: DocumentInScope<K>): Finding<Data>[];
  fixes(document: DocumentInScope<K>, finding: Finding<Data>): Fix[];
}

/** Helps a rule module keep its Data type while the registry holds rules of every kind. */
export function defineRule<K extends RuleScope, Data>(rule: Rule<K, Data>): Rule<K, Data> {
  return rule;
}
