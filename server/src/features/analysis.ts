import { parseIni } from '../parse/uwsgiIni';
import { UwsgiConfig } from '../model/uwsgiConfig';
import { parsePython } from '../parse/gunicornPy';
import { GunicornConfig } from '../model/gunicornConfig';
import { projectPackageVersion } from '../model/projectVersion';
import { NO_WORKSPACE, WorkspaceView, computedOnce } from '../model/workspace';
import type { AnalyzedDocument } from '../model/document';
import { rulesFor } from '../rules/registry';
import { agentProfile } from '../knowledge/agents';
import type { Finding, Rule, Severity } from '../rules/types';
import { detectFileKind } from './fileKinds';
import { effectiveSettings } from './settings';
import { isSuppressed, suppressionsOf } from '../model/suppressions';
import { parseAgentIni } from '../parse/agentIni';
import { AgentConfig } from '../model/agentConfig';
import { NewRelicConfig } from '../model/newrelicConfig';
import { namedAgentConfigs } from '../model/agentConfigLocation';
import { requirementFileKind } from '../parse/requirements';
import { basename } from '../text/paths';
import { MAX_ANALYZED_BYTES } from '../rules/pydeploy/fileTooLarge';
import { readLaunchFile } from '../parse/launch/registry';
import type { Launch } from '../parse/launch/types';
import { LineIndex } from '../text/lineIndex';
import { namedGunicornConfigs } from '../model/launches';
import { Reading, launchesAround, readingsOf } from './readings';
import { message, renderText } from '../l10n/message';

/** The UTF-8 size of a text: what the file takes on disk. */
function utf8Length(text: string): number {
  // An all-ASCII text (most configs) is one byte per unit: one native search instead of a loop over every unit.
  if (!/[^\x00-\x7f]/.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The UTF-8 size of a text over the limit, or undefined for one within it. A text of at most limit / 3 UTF-16 units
 * cannot be over it (no unit takes more than 3 bytes), and that is every real config: it is not counted at all.
 */
function sizeOverLimit(text: string): number | undefined {
  if (text.length <= MAX_ANALYZED_BYTES / 3) return undefined;
  const bytes = utf8Length(text);
  return bytes > MAX_ANALYZED_BYTES ? bytes : undefined;
}

/** Per-rule severity, or `off`, keyed by rule id; rules not named keep their default. */
export type RuleSeverities = Readonly<Record<string, Severity | 'off'>>;

export interface AnalysisSettings {
  rules?: RuleSeverities;
  /** Extra globs of Python files to read as Gunicorn configs, besides `gunicorn*.py`. */
  gunicornConfigFiles?: readonly string[];
  /** The uWSGI version to assume, overriding what the project's requirement files pin. */
  uwsgiVersion?: string;
  /** Where `uwsgiVersion` was set, for messages; the `pydeploy.uwsgiVersion` setting when unset. */
  uwsgiVersionSource?: string;
  /** The APM agents the project uses, by profile id, replacing detection; undefined (`"auto"`) to detect them. */
  agents?: readonly string[];
}

export interface RuleFinding {
  rule: Rule;
  severity: Severity;
  finding: Finding;
  /** The reading the rule judged, when it is not the analysed document itself (a launch's): its fixes need it. */
  reading?: AnalyzedDocument;
}

export interface Analysis {
  document: AnalyzedDocument;
  findings: RuleFinding[];
  /** The files around the document: fixes that edit another file (the agent's config) read it from here. */
  workspace: WorkspaceView;
  /** The editor's settings it was made with, so that fix all can analyse its own result the same way. */
  settings: AnalysisSettings;
}

/**
 * The file kind of a document: by name and content, else, for a file no name or section gives away, whether a
 * uWSGI or Gunicorn config of its workspace folder names it as an agent's config (`TING_YUN_CONFIG_FILE`,
 * `NEW_RELIC_CONFIG_FILE`).
 */
export function documentKind(path: string, text: string, settings: AnalysisSettings, workspace: WorkspaceView) {
  const kind = detectFileKind(path, text, settings);
  if (kind || workspace === NO_WORKSPACE) return kind;
  // A Python file a launch names with `-c` is a Gunicorn config whatever its name.
  if (path.endsWith('.py')) return namedGunicornConfigs(workspace, launchesAround(workspace, path)).has(path) ? 'gunicorn-py' : undefined;
  const root = workspace.rootOf(path);
  // Only `.ini` and `gunicorn*.py` files are read for it, whose kind no setting changes: one index per folder serves
  // every file, computed once per workspace state when the shell keeps it (a repository may hold thousands of `.ini`).
  const named = computedOnce(workspace, `named-agent-configs:${root}`, (view) => namedAgentConfigs(view, root, serverConfigKind));
  return named.get(path);
}

function serverConfigKind(path: string, text: string): 'uwsgi-ini' | 'gunicorn-py' | undefined {
  const found = detectFileKind(path, text);
  return found === 'uwsgi-ini' || found === 'gunicorn-py' ? found : undefined;
}

/**
 * The launch, without its insertion point when an argument added there would not read back as the launch's last one
 * (an unclosed quote would swallow it): a fix that cannot take effect is not offered.
 */
function withInsertionThatReadsBack(launch: Launch, text: string): Launch {
  const { insertion } = launch;
  if (!insertion) return launch;
  const index = new LineIndex(text);
  const at = index.offsetAt(insertion.insertAt);
  const probe = '--pydeploy-probe';
  const { launches } = readLaunchFile(launch.path, text.slice(0, at) + insertion.argumentsText([probe]) + text.slice(at));
  const readsBack = launches.some((other) => other.label === launch.label && other.args[other.args.length - 1]?.value === probe);
  return readsBack ? launch : { ...launch, insertion: undefined };
}

/**
 * Reads a file into the model of its kind; undefined for a file pydeploy does not handle. `path` is
 * absolute and `/`-separated: included files and requirement files are found relative to it.
 */
export function readDocument(
  path: string,
  text: string,
  settings: AnalysisSettings = {},
  workspace: WorkspaceView = NO_WORKSPACE,
): AnalyzedDocument | undefined {
  const kind = documentKind(path, text, settings, workspace);
  // Checked before any parsing: the point of the limit is that a huge file costs no more than its size check.
  const bytes = kind !== undefined ? sizeOverLimit(text) : undefined;
  if (kind !== undefined && bytes !== undefined) return { kind: 'too-large', path, text, contentKind: kind, bytes, limit: MAX_ANALYZED_BYTES };
  switch (kind) {
    case 'uwsgi-ini':
      return {
        kind,
        path,
        text,
        uwsgi: new UwsgiConfig(parseIni(text), { path, workspace }),
        uwsgiVersion: projectPackageVersion(workspace, path, 'uwsgi', settings.uwsgiVersion, settings.uwsgiVersionSource),
        workspace,
        agentNames: settings.agents,
      };
    case 'gunicorn-py':
      // Parsed, never executed: opening an untrusted repository must not run its code.
      return { kind, path, text, gunicorn: new GunicornConfig(parsePython(text)), workspace, agentNames: settings.agents };
    case 'agent-ini':
      return { kind, path, text, agent: new AgentConfig(parseAgentIni(text)) };
    case 'newrelic-ini':
      return { kind, path, text, newrelic: new NewRelicConfig(parseAgentIni(text)), workspace };
    case 'launch': {
      const launches = readLaunchFile(path, text).launches.map((launch) => withInsertionThatReadsBack(launch, text));
      if (launches.length === 0) return undefined;
      const uwsgiVersion = launches.some((launch) => launch.server === 'uwsgi')
        ? projectPackageVersion(workspace, path, 'uwsgi', settings.uwsgiVersion, settings.uwsgiVersionSource)
        : undefined;
      return { kind, path, text, launches, uwsgiVersion, workspace, agentNames: settings.agents };
    }
    case 'requirements': {
      const requirementKind = requirementFileKind(basename(path));
      return requirementKind && { kind, path, text, requirementKind, workspace, agentNames: settings.agents };
    }
    case undefined:
      return undefined;
  }
}

/**
 * The one pipeline every shell uses: settings (the project file's `[tool.pydeploy]` under the editor's) → model →
 * rules → severity settings → suppression comments. A rule that throws on some input loses only its own findings,
 * never the others' or the editor's connection.
 */
export function analyze(path: string, text: string, editorSettings: AnalysisSettings = {}, workspace: WorkspaceView = NO_WORKSPACE): Analysis | undefined {
  const settings = effectiveSettings(path, editorSettings, workspace);
  const document = readDocument(path, text, settings, workspace);
  if (!document) return undefined;
  const findings = mergedFindings(document, document.kind === 'too-large' ? [{ document }] : readingsOf(document), settings);
  // A file too large to read has no comments pydeploy knows of: only a `pydeploy.rules` setting silences its finding.
  if (document.kind === 'too-large') return { document, findings, workspace, settings: editorSettings };
  // `# pydeploy: disable...` comments, here and nowhere else, so that the editor and the command line agree.
  const suppressions = suppressionsOf(document);
  return {
    document,
    findings: findings.filter(({ rule, finding }) => !isSuppressed(suppressions, rule.id, finding.range.start.line)),
    workspace,
    settings: editorSettings,
  };
}

/**
 * The findings of every reading of a document (one per launch that starts the server with it), each once: a finding
 * that only some of several launches give says which launch it comes from.
 */
function mergedFindings(document: AnalyzedDocument, readings: readonly Reading[], settings: AnalysisSettings): RuleFinding[] {
  // In the order first found. A finding is the same as another when rule, range and English text agree; the text is
  // rendered only for findings that share a rule and range, which are few (a long config has thousands of findings).
  const merged: MergedFinding[] = [];
  const byPlace = new Map<string, MergedFinding[]>();
  const launches = readings.filter((reading) => reading.launch && reading.document.kind === document.kind);
  for (const reading of readings) {
    for (const rule of rulesFor(reading.document.kind)) {
      const chosen = settings.rules?.[rule.id];
      if (chosen === 'off' || !checksNamedAgent(rule, settings)) continue;
      for (const finding of runRule(rule, reading.document)) {
        const severity = chosen ?? finding.severity ?? rule.defaultSeverity;
        const place = `${rule.id} ${finding.range.start.line}:${finding.range.start.character}-${finding.range.end.line}:${finding.range.end.character}`;
        const samePlace = byPlace.get(place);
        const english = samePlace && renderText(finding.message, 'en');
        const known = samePlace?.find((other) => englishOf(other) === english);
        if (known) {
          known.launches.push(reading);
          continue;
        }
        const result: MergedFinding = { found: { rule, severity, finding, ...(reading.document !== document ? { reading: reading.document } : {}) }, launches: [reading], english };
        merged.push(result);
        if (samePlace) samePlace.push(result);
        else byPlace.set(place, [result]);
      }
    }
  }
  return merged.map(({ found: result, launches: from }) => {
    // A file with no [uwsgi] section read through its named sections: each finding says which one it is for.
    if (from[0].section !== undefined) {
      const sections = from.map((reading) => `[${reading.section}]`);
      return { ...result, finding: { ...result.finding, message: message('analysis.reading-sections', { message: result.finding.message, sections }) } };
    }
    if (launches.length < 2 || from.length === launches.length || !from[0].launch) return result;
    const launched = from.map((reading) => message('analysis.launch-in-file', { label: reading.launch?.label ?? '', file: basename(reading.launch?.path ?? '') }));
    return { ...result, finding: { ...result.finding, message: message('analysis.when-launched-by', { message: result.finding.message, launches: launched }) } };
  });
}

/** A finding of mergedFindings, with the readings that gave it and, once asked for, its English text. */
interface MergedFinding {
  found: RuleFinding;
  launches: Reading[];
  english?: string;
}

function englishOf(merged: MergedFinding): string {
  merged.english ??= renderText(merged.found.finding.message, 'en');
  return merged.english;
}

/**
 * The rules of an agent's own config file carry the agent's id as their prefix (`tingyun/`, `newrelic/`): when the
 * settings name the agents the project uses and leave that one out, its config file is not the deployment's concern.
 */
function checksNamedAgent(rule: Rule, settings: AnalysisSettings): boolean {
  const prefix = rule.id.slice(0, rule.id.indexOf('/'));
  return settings.agents === undefined || agentProfile(prefix) === undefined || settings.agents.includes(prefix);
}

function runRule(rule: Rule, document: AnalyzedDocument): Finding[] {
  try {
    return rule.check(document);
  } catch (error) {
    console.error(`pydeploy: rule ${rule.id} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return [];
  }
}
