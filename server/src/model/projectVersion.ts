import { RequirementFileKind, Version, allowedVersions, compareVersion, findRequirementPins, parseVersion, requirementFileKind } from '../parse/requirements';
import type { Range } from '../text/lineIndex';
import { WorkspaceView, foldersUpward } from './workspace';
import { basename } from '../text/paths';
import { Message, message } from '../l10n/message';

/** What a project says about the version of a package it deploys with, and where it says it. */
export interface PackageVersion {
  /** Lowest version the pin allows, when it bounds it from below. */
  min?: Version;
  /** First version the pin excludes above, when it bounds it from above. */
  below?: Version;
  specifier: string;
  /** `setting` for the editor/CLI setting, else the file that pins it. */
  source: { kind: 'setting'; name?: string } | { kind: 'file'; path: string; range: Range };
}

/** Lock files first: they name the exact version that gets installed. */
const SEARCH_ORDER: RequirementFileKind[] = ['poetry-lock', 'pipfile-lock', 'requirements', 'pyproject', 'pipfile', 'setup-cfg'];

/**
 * The version of a package that the project around a config file pins: a setting wins, else the nearest
 * folder (from the config's own up to the workspace root) with a pin in any requirement file.
 */
export function projectPackageVersion(
  workspace: WorkspaceView,
  configPath: string,
  packageName: string,
  setting?: string,
  settingName?: string,
): PackageVersion | undefined {
  if (setting) {
    const version = parseVersion(setting);
    const source = settingName ? { kind: 'setting' as const, name: settingName } : { kind: 'setting' as const };
    if (version) return { min: version, below: [version[0], version[1], version[2] + 1], specifier: setting, source };
  }
  for (const folder of foldersUpward(workspace, configPath)) {
    const names = workspace.listFolder(folder) ?? [];
    const candidates = names
      .map((name) => ({ name, kind: requirementFileKind(name) }))
      .filter((candidate): candidate is { name: string; kind: RequirementFileKind } => candidate.kind !== undefined)
      .sort((a, b) => SEARCH_ORDER.indexOf(a.kind) - SEARCH_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));
    for (const candidate of candidates) {
      const path = `${folder === '/' ? '' : folder}/${candidate.name}`;
      const text = workspace.readFile(path);
      if (text === undefined) continue;
      for (const pin of findRequirementPins(candidate.kind, text, packageName)) {
        const { min, below } = allowedVersions(pin);
        return { min, below, specifier: pin.specifier, source: { kind: 'file', path, range: pin.range } };
      }
    }
  }
  return undefined;
}

/** Every version the pin allows is at least `version`. */
export function allowsOnlyFrom(pinned: PackageVersion | undefined, version: Version): boolean {
  return pinned?.min !== undefined && compareVersion(pinned.min, version) >= 0;
}

/** Every version the pin allows is below `version`. */
export function allowsOnlyBelow(pinned: PackageVersion | undefined, version: Version): boolean {
  return pinned?.below !== undefined && compareVersion(pinned.below, version) <= 0;
}

/** How a message names the pinned version: `uWSGI 2.0.21 (requirements.txt)`. */
export function describePin(name: string, pinned: PackageVersion): Message {
  const where = pinned.source.kind === 'setting' ? (pinned.source.name ?? message('pin.setting')) : basename(pinned.source.path);
  const specifier = pinned.specifier.replace(/^==/, '').trim();
  // `uwsgi` alone in requirements.txt: named, not pinned.
  return specifier === '' ? message('pin.unpinned', { name, where }) : message('pin.pinned', { name, specifier, where });
}
