import { LineIndex, Range } from '../text/lineIndex';

/**
 * Finds where a project pins a Python package, in every file format a Python project keeps them in:
 * requirements*.txt (and .in), pyproject.toml (PEP 621 and Poetry), Pipfile, Pipfile.lock, poetry.lock,
 * setup.cfg. A light line scanner, not a full TOML/JSON reader: it needs only the package's own line,
 * tolerates broken files, and keeps the range of the pin for diagnostics.
 */
export interface RequirementPin {
  /** The version part as written, e.g. `==2.0.21`, `^2.0`, `2.0.21` (Poetry's exact form) or `` for none. */
  specifier: string;
  /** How the specifier is to be read: PEP 440 (pip) or Poetry's caret/tilde forms, or an exact locked version. */
  flavor: 'pep440' | 'poetry' | 'locked';
  /** Where the pin is: the package name and its version, on one line. */
  range: Range;
}

export type RequirementFileKind = 'requirements' | 'pyproject' | 'pipfile' | 'pipfile-lock' | 'poetry-lock' | 'setup-cfg';

export function requirementFileKind(name: string): RequirementFileKind | undefined {
  const lower = name.toLowerCase();
  if (/^requirements.*\.(txt|in)$/.test(lower)) return 'requirements';
  if (lower === 'pyproject.toml') return 'pyproject';
  if (lower === 'pipfile') return 'pipfile';
  if (lower === 'pipfile.lock') return 'pipfile-lock';
  if (lower === 'poetry.lock') return 'poetry-lock';
  if (lower === 'setup.cfg') return 'setup-cfg';
  return undefined;
}

/** PEP 503: names compare case-insensitively with runs of `-`, `_` and `.` equal. */
function namePattern(packageName: string): string {
  return packageName
    .split(/[-_.]+/)
    .map((part) => part.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'))
    .join('[-_.]+');
}

export function findRequirementPins(kind: RequirementFileKind, text: string, packageName: string): RequirementPin[] {
  const index = new LineIndex(text);
  const name = namePattern(packageName);
  const pins: RequirementPin[] = [];
  const add = (line: number, start: number, end: number, specifier: string, flavor: RequirementPin['flavor']) =>
    pins.push({ specifier: specifier.trim(), flavor, range: { start: { line, character: start }, end: { line, character: end } } });

  // A PEP 508 requirement: name, optional [extras], optional version specifiers, up to a marker or the string's end.
  const pep508 = new RegExp(`(^|["'\\s,])(${name})(?![\\w.-])\\s*(\\[[^\\]]*\\])?\\s*(\\(?\\s*(?:[<>=!~]=?|===)[^;"'#]*)?`, 'i');
  // Poetry / Pipfile: `name = "spec"` or `name = { version = "spec", ... }`.
  const tableEntry = new RegExp(`^\\s*["']?(${name})["']?\\s*=\\s*(?:["']([^"']*)["']|\\{[^}]*?version\\s*=\\s*["']([^"']*)["'])`, 'i');

  if (kind === 'poetry-lock') {
    for (let line = 0; line < index.lineCount; line++) {
      const nameLine = new RegExp(`^name\\s*=\\s*"(${name})"\\s*$`, 'i').exec(index.lineText(line));
      if (!nameLine) continue;
      for (let next = line + 1; next < Math.min(index.lineCount, line + 5); next++) {
        const version = /^version\s*=\s*"([^"]*)"/.exec(index.lineText(next));
        if (version) {
          add(next, 0, index.lineText(next).length, version[1], 'locked');
          break;
        }
      }
    }
    return pins;
  }
  if (kind === 'pipfile-lock') {
    // Pipfile.lock is pretty-printed JSON: the package's object opens on its own line, its "version" follows.
    for (let line = 0; line < index.lineCount; line++) {
      if (!new RegExp(`^\\s*"(${name})"\\s*:\\s*\\{`, 'i').test(index.lineText(line))) continue;
      for (let next = line + 1; next < Math.min(index.lineCount, line + 30); next++) {
        const text = index.lineText(next);
        const version = /"version"\s*:\s*"([^"]*)"/.exec(text);
        if (version) {
          add(next, text.indexOf('"version"'), text.length - (text.endsWith(',') ? 1 : 0), version[1], 'pep440');
          break;
        }
        if (/^\s*\}/.test(text)) break;
      }
    }
    return pins;
  }

  for (let line = 0; line < index.lineCount; line++) {
    const text = index.lineText(line);
    // A comment names no requirement (TOML's and pip's both start at a `#` after a space or at the line's start).
    const code = text.replace(/(^|\s)#.*$/, '');
    if (/^\s*$/.test(code) || /^\s*-/.test(code)) continue;
    if (kind === 'pyproject' || kind === 'pipfile') {
      const entry = tableEntry.exec(code);
      if (entry) {
        const start = code.search(new RegExp(name, 'i'));
        add(line, start, code.trimEnd().length, entry[2] ?? entry[3] ?? '', kind === 'pipfile' ? 'pep440' : 'poetry');
        continue;
      }
    }
    const requirement = pep508.exec(code);
    if (!requirement) continue;
    if (kind === 'requirements' && requirement.index + requirement[1].length !== code.search(/\S/)) continue;
    // In TOML a requirement is a quoted string: a name elsewhere in a value (a description) is not one.
    if ((kind === 'pyproject' || kind === 'pipfile') && !/["']/.test(requirement[1])) continue;
    const start = requirement.index + requirement[1].length;
    const specifier = (requirement[4] ?? '').replace(/[()\s]/g, '');
    const end = start + requirement[0].length - requirement[1].length;
    add(line, start, Math.min(end, code.trimEnd().length), specifier, 'pep440');
  }
  return pins;
}

export type Version = readonly number[];

export function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

export function compareVersion(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The range of versions a pin allows, as far as it bounds them: the lowest allowed version (inclusive)
 * and the first version it excludes above. Either is undefined when the pin does not bound that side.
 */
export function allowedVersions(pin: Pick<RequirementPin, 'specifier' | 'flavor'>): { min?: Version; below?: Version } {
  let min: Version | undefined;
  let below: Version | undefined;
  const raise = (version: Version | undefined) => {
    if (version && (!min || compareVersion(version, min) > 0)) min = version;
  };
  const lower = (version: Version | undefined) => {
    if (version && (!below || compareVersion(version, below) < 0)) below = version;
  };
  for (const clause of pin.specifier.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^(===|==|~=|>=|<=|!=|>|<|\^|~)?\s*(.*)$/.exec(clause);
    if (!match) continue;
    const [, operator = '', rest] = match;
    if (rest === '*' || rest === '') continue;
    const version = parseVersion(rest);
    if (!version) continue;
    const wildcard = rest.endsWith('*');
    // Poetry and lock files write an exact version without an operator.
    const exact = operator === '==' || operator === '===' || (operator === '' && pin.flavor !== 'pep440');
    if (exact && !wildcard) {
      raise(version);
      lower([...version.slice(0, 2), version[2] + 1]);
    } else if (exact && wildcard) {
      const parts = rest.replace(/\.?\*$/, '').split('.').length;
      raise(version);
      lower(parts >= 2 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0]);
    } else if (operator === '>=' || operator === '>') raise(version);
    else if (operator === '<') lower(version);
    else if (operator === '<=') lower([...version.slice(0, 2), version[2] + 1]);
    else if (operator === '~=') {
      raise(version);
      const significant = rest.split('.').length;
      lower(significant >= 3 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0]);
    } else if (operator === '^') {
      raise(version);
      lower(version[0] > 0 ? [version[0] + 1, 0, 0] : [0, version[1] + 1, 0]);
    } else if (operator === '~') {
      raise(version);
      const significant = rest.split('.').length;
      lower(significant >= 2 ? [version[0], version[1] + 1, 0] : [version[0] + 1, 0, 0]);
    }
  }
  return { min, below };
}

/** pyproject.toml's `requires-python = ">=3.13"` (PEP 621): the specifier as written and where, when the file has one. */
export function findRequiresPython(text: string): { specifier: string; range: Range } | undefined {
  const index = new LineIndex(text);
  for (let line = 0; line < index.lineCount; line++) {
    const match = /^(\s*)requires-python\s*=\s*(["'])([^"']*)\2/.exec(index.lineText(line));
    if (match) return { specifier: match[3].trim(), range: { start: { line, character: match[1].length }, end: { line, character: match[0].length } } };
  }
  return undefined;
}
