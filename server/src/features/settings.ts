import { parse as parseToml } from 'smol-toml';
import type { AnalysisSettings } from './analysis';
import type { Severity } from '../rules/types';
import { RULES } from '../rules/registry';
import { AGENT_PROFILES } from '../knowledge/agents';
import { didYouMean } from '../knowledge/suggest';
import { RULE_ALIASES, canonicalRuleId } from '../model/ruleAliases';
import { WorkspaceView, foldersUpward } from '../model/workspace';
import { dirname } from '../text/paths';

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

/** How long the server waits after the last keystroke before it checks again (`pydeploy.validationDelay`). */
export const DEFAULT_VALIDATION_DELAY_MS = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type MutableSettings = { -readonly [K in keyof AnalysisSettings]: AnalysisSettings[K] };

/**
 * Severity per known rule id; unknown ids and values are handed to `problem` and dropped. An old id (an alias) sets
 * the rule it names now, unless the current id is set too.
 */
function readRules(raw: Record<string, unknown>, problem: (message: string) => void): Record<string, Severity | 'off'> {
  const known = RULES.map((rule) => rule.id);
  const rules: Record<string, Severity | 'off'> = {};
  for (const [written, severity] of Object.entries(raw)) {
    const id = canonicalRuleId(written);
    if (id !== written && Object.hasOwn(raw, id)) continue;
    if (!known.includes(id)) {
      const close = didYouMean(id, [...known, ...Object.keys(RULE_ALIASES)], '-').map(canonicalRuleId);
      problem(`unknown rule '${id}'${close.length > 0 ? ` (did you mean '${close[0]}'?)` : ''}`);
    } else if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
      problem(`rule '${written}': '${String(severity)}' is none of ${[...SEVERITIES].join(', ')}`);
    } else rules[id] = severity as Severity | 'off';
  }
  return rules;
}

/**
 * The agents a setting names (`"auto"` or a list of profile ids): undefined for `"auto"`, the known ids otherwise;
 * unknown ids are handed to `problem` and dropped.
 */
function readAgents(raw: unknown, problem: (message: string) => void): readonly string[] | undefined {
  if (raw === 'auto') return undefined;
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string')) {
    problem(`expected "auto" or a list of agent ids (${AGENT_PROFILES.map((profile) => profile.id).join(', ')})`);
    return undefined;
  }
  const known = AGENT_PROFILES.map((profile) => profile.id);
  return (raw as string[]).filter((id) => {
    if (known.includes(id)) return true;
    const close = didYouMean(id, known, '-');
    problem(`unknown agent '${id}'${close.length > 0 ? ` (did you mean '${close[0]}'?)` : ''}, known: ${known.join(', ')}`);
    return false;
  });
}

/**
 * Reads the `pydeploy` settings from whatever a client sent (VS Code settings, initializationOptions),
 * keeping only well-typed values: a stray setting never breaks the analysis.
 */
export function readSettings(raw: unknown): AnalysisSettings {
  if (!isRecord(raw)) return {};
  const settings: MutableSettings = {};
  if (typeof raw.uwsgiVersion === 'string' && raw.uwsgiVersion.trim() !== '') settings.uwsgiVersion = raw.uwsgiVersion.trim();
  if (Array.isArray(raw.gunicornConfigFiles)) settings.gunicornConfigFiles = raw.gunicornConfigFiles.filter((glob): glob is string => typeof glob === 'string');
  if (isRecord(raw.rules)) settings.rules = readRules(raw.rules, () => undefined);
  if (raw.agents !== undefined) {
    const agents = readAgents(raw.agents, () => undefined);
    if (agents) settings.agents = agents;
  }
  return settings;
}

/** `pydeploy.validationDelay` in milliseconds, from the same object as readSettings; the default when unset or invalid. */
export function readValidationDelay(raw: unknown): number {
  const delay = isRecord(raw) ? raw.validationDelay : undefined;
  return typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? Math.min(delay, 10_000) : DEFAULT_VALIDATION_DELAY_MS;
}

// ---------------------------------------------------------------------------------------------------------
// The project file: `[tool.pydeploy]` in pyproject.toml, which the command line and the editor both read.

export const PROJECT_FILE = 'pyproject.toml';

export interface ProjectSettings {
  /** The pyproject.toml they come from. */
  path: string;
  settings: AnalysisSettings;
  /** What was wrong in it (unknown keys or rule ids, values of the wrong type, TOML errors), for a log line. */
  problems: string[];
}

/**
 * Reads `[tool.pydeploy]` from the text of a pyproject.toml:
 *
 *     [tool.pydeploy]
 *     uwsgi-version = "2.0.21"
 *     gunicorn-config-files = ["deploy/web_server.py"]   # relative to the pyproject.toml's folder, or **-globs
 *     rules = { "uwsgi/lazy-apps" = "off" }              # or a [tool.pydeploy.rules] table
 *     agents = ["datadog", "sentry"]                      # or "auto" (the default): detect them
 *
 * undefined when the file has no such table; a file that is not valid TOML gives no settings and one problem.
 */
export function readProjectSettings(path: string, text: string): ProjectSettings | undefined {
  // Most pyproject.toml files say nothing to pydeploy: don't parse those on every keystroke.
  if (!text.includes('pydeploy')) return undefined;
  let toml: Record<string, unknown>;
  try {
    toml = parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { path, settings: {}, problems: [`not valid TOML, [tool.pydeploy] is ignored: ${message}`] };
  }
  const tool = toml.tool;
  const table = isRecord(tool) ? tool.pydeploy : undefined;
  if (!isRecord(table)) return undefined;

  const problems: string[] = [];
  const settings: MutableSettings = {};
  const folder = dirname(path);
  for (const [key, value] of Object.entries(table)) {
    if (key === 'uwsgi-version') {
      if (typeof value === 'string' && /^\d+\.\d+(\.\d+)?$/.test(value.trim())) {
        settings.uwsgiVersion = value.trim();
        settings.uwsgiVersionSource = `${PROJECT_FILE} [tool.pydeploy]`;
      } else problems.push(`uwsgi-version: expected a version such as "2.0.21", got ${JSON.stringify(value)}`);
    } else if (key === 'gunicorn-config-files') {
      if (Array.isArray(value) && value.every((glob) => typeof glob === 'string')) {
        settings.gunicornConfigFiles = (value as string[]).map((glob) => projectGlob(folder, glob));
      } else problems.push('gunicorn-config-files: expected a list of glob strings');
    } else if (key === 'rules') {
      if (isRecord(value)) settings.rules = readRules(value, (problem) => problems.push(`rules: ${problem}`));
      else problems.push('rules: expected a table of rule id = severity');
    } else if (key === 'agents') {
      const agents = readAgents(value, (problem) => problems.push(`agents: ${problem}`));
      if (agents) settings.agents = agents;
    } else {
      const close = didYouMean(key, ['uwsgi-version', 'gunicorn-config-files', 'rules', 'agents'], '-');
      problems.push(`unknown key '${key}'${close.length > 0 ? ` (did you mean '${close[0]}'?)` : ''}`);
    }
  }
  return { path, settings, problems };
}

/** A glob of the project file is relative to its folder, unless it is absolute or starts with `**`. */
function projectGlob(folder: string, glob: string): string {
  const normalised = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  if (normalised.startsWith('/') || normalised.startsWith('**')) return normalised;
  return `${folder === '/' ? '' : folder}/${normalised}`;
}

const parsed = new Map<string, { text: string; project: ProjectSettings | undefined }>();
const logged = new Set<string>();

/**
 * The project settings for a config file: from the nearest pyproject.toml with a `[tool.pydeploy]` table, from
 * the config's folder up to the workspace folder. Problems in it are logged once (to the server's log or the
 * command line's stderr) and never stop the analysis.
 */
export function projectSettingsFor(configPath: string, workspace: WorkspaceView): ProjectSettings | undefined {
  for (const folder of foldersUpward(workspace, configPath)) {
    const path = `${folder === '/' ? '' : folder}/${PROJECT_FILE}`;
    const text = workspace.readFile(path);
    if (text === undefined) continue;
    let entry = parsed.get(path);
    if (entry?.text !== text) {
      entry = { text, project: readProjectSettings(path, text) };
      parsed.set(path, entry);
    }
    const { project } = entry;
    if (!project) continue;
    for (const problem of project.problems) {
      const line = `pydeploy: ${path}: ${problem}`;
      if (!logged.has(line)) {
        logged.add(line);
        console.error(line);
      }
    }
    return project;
  }
  return undefined;
}

/**
 * Editor settings over the project file, per key: a rule's severity set in the editor wins over the one the
 * project file sets for that rule (the others keep the project's), a non-empty `uwsgiVersion` wins over
 * `uwsgi-version`, a list of agents wins over the project's, and the Gunicorn config globs of both apply. The command line has no editor settings, so in CI
 * the project file is what counts.
 */
export function mergeSettings(project: AnalysisSettings | undefined, editor: AnalysisSettings): AnalysisSettings {
  if (!project) return editor;
  const merged: MutableSettings = { ...project };
  if (editor.rules) merged.rules = { ...project.rules, ...editor.rules };
  if (editor.uwsgiVersion) {
    merged.uwsgiVersion = editor.uwsgiVersion;
    merged.uwsgiVersionSource = editor.uwsgiVersionSource;
  }
  if (editor.agents) merged.agents = editor.agents;
  if (editor.gunicornConfigFiles) merged.gunicornConfigFiles = [...(project.gunicornConfigFiles ?? []), ...editor.gunicornConfigFiles];
  return merged;
}

/** The settings a config file is checked with: its project file's, with the editor's on top. */
export function effectiveSettings(configPath: string, editor: AnalysisSettings, workspace: WorkspaceView): AnalysisSettings {
  return mergeSettings(projectSettingsFor(configPath, workspace)?.settings, editor);
}
