import type { AnalysisSettings } from './analysis';
import type { Severity } from '../rules/types';
import { RULES } from '../rules/registry';

const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the `pydeploy` settings from whatever a client sent (VS Code settings, initializationOptions),
 * keeping only well-typed values: a stray setting never breaks the analysis.
 */
export function readSettings(raw: unknown): AnalysisSettings {
  if (!isRecord(raw)) return {};
  const settings: { -readonly [K in keyof AnalysisSettings]: AnalysisSettings[K] } = {};
  if (typeof raw.uwsgiVersion === 'string' && raw.uwsgiVersion.trim() !== '') settings.uwsgiVersion = raw.uwsgiVersion.trim();
  if (Array.isArray(raw.gunicornConfigFiles)) settings.gunicornConfigFiles = raw.gunicornConfigFiles.filter((glob): glob is string => typeof glob === 'string');
  if (isRecord(raw.rules)) {
    const known = new Set(RULES.map((rule) => rule.id));
    const rules: Record<string, Severity | 'off'> = {};
    for (const [id, severity] of Object.entries(raw.rules)) {
      if (known.has(id) && typeof severity === 'string' && SEVERITIES.has(severity)) rules[id] = severity as Severity | 'off';
    }
    settings.rules = rules;
  }
  return settings;
}
