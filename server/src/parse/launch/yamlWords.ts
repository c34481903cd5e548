import { Document, Node, Scalar, YAMLMap, YAMLSeq, isMap, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { LineIndex, Range } from '../../text/lineIndex';
import { ArgvCommand, CommandWord, Encoder, commandsOfWord, mappedWord, verbatim, withBackslashes } from './command';
import { MappedString, insideJsonString } from './jsonString';
import { holdsExpansion } from './shellWords';
import type { LaunchInsertion, LaunchNote, LaunchVariable } from './types';

/**
 * What the YAML launch files (Compose, Kubernetes, render.yaml, app.yaml) share: documents read with `yaml`
 * (ranges on every node), scalars as words with a map from each value character back to the source, lists as
 * commands that a fix appends to in their own style, and Helm templates read with `{{ … }}` as unknown values.
 */

export interface YamlFile {
  text: string;
  index: LineIndex;
  documents: Document.Parsed[];
  notes: LaunchNote[];
  /** Offsets [start, end) of `{{ … }}` template expressions: values that touch one are opaque. */
  templates: Array<[number, number]>;
}

const TEMPLATE = /\{\{[\s\S]*?\}\}/g;

/**
 * Parses every document; a Helm template's `{{ … }}` are blanked first (a line holding only template actions
 * disappears, an expression inside a line becomes an unknown word of the same length), so offsets hold.
 */
export function readYaml(text: string): YamlFile {
  const index = new LineIndex(text);
  const notes: LaunchNote[] = [];
  const templates: Array<[number, number]> = [];
  let source = text;
  if (text.includes('{{')) {
    const chars = text.split('');
    for (const match of text.matchAll(TEMPLATE)) {
      const start = match.index;
      const end = start + match[0].length;
      templates.push([start, end]);
      const lineStart = index.lineStart(index.positionAt(start).line);
      const lineEnd = index.lineContentEnd(index.positionAt(end).line);
      const alone = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
      for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = alone ? ' ' : 'x';
    }
    source = chars.join('');
    const [first] = templates;
    if (first) notes.push({ message: 'Template: its {{ }} expressions are read as unknown values', range: index.rangeOf(first[0], first[1]) });
  }
  let documents: Document.Parsed[] = [];
  try {
    documents = parseAllDocuments(source, { uniqueKeys: false }) as Document.Parsed[];
  } catch {
    // `yaml` takes any string; this guards a launch file against a library bug, not against the user's text.
    documents = [];
  }
  if (!Array.isArray(documents)) documents = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) notes.push({ message: `Not read past a YAML error: ${error.message.split('\n')[0]}`, range: index.rangeOf(error.pos[0], error.pos[1]) });
  }
  return { text, index, documents, notes, templates };
}

/** The range of a node's source without the line breaks and blanks a YAML node range ends with. */
export function nodeRange(file: YamlFile, range: readonly number[]): Range {
  let end = range[1];
  while (end > range[0] && /\s/.test(file.text[end - 1])) end--;
  return file.index.rangeOf(range[0], end);
}

export function isTemplated(file: YamlFile, start: number, end: number): boolean {
  return file.templates.some(([from, to]) => from < end && to > start);
}

/** A child of a map by key, or undefined. */
export function child(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  const found = (node as YAMLMap).get(key, true);
  return found === null || found === undefined ? undefined : (found as Node);
}

export function stringOf(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;
}

// ---------- scalars as words ----------

const ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029' };

function lineBreakAt(text: string, at: number): number {
  if (text[at] === '\r' && text[at + 1] === '\n') return 2;
  return text[at] === '\n' || text[at] === '\r' ? 1 : 0;
}

/**
 * Maps each character of a scalar's value to the source characters that produced it, by walking value and source
 * together: quotes, indentation and block headers are skipped, a folded line break matches the space it became,
 * escapes of double-quoted scalars match what they decode to. Undefined when the walk does not come out even.
 */
function mapScalar(text: string, scalar: Scalar, value: string): MappedString | undefined {
  const [nodeStart, valueEnd] = scalar.range ?? [0, 0];
  let i = nodeStart;
  let end = valueEnd;
  const type = scalar.type;
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') {
    i++;
    end--;
  } else if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    while (i < end && lineBreakAt(text, i) === 0) i++;
  }
  const mapped: MappedString = { value, charStarts: [], charEnds: [] };
  let k = 0;
  while (k < value.length) {
    if (i >= end) return undefined;
    const v = value[k];
    const c = text[i];
    if (type === 'QUOTE_DOUBLE' && c === '\\') {
      const next = text[i + 1];
      const breakLength = lineBreakAt(text, i + 1);
      if (breakLength > 0) {
        i += 1 + breakLength;
        continue;
      }
      const width = next === 'x' ? 4 : next === 'u' ? 6 : next === 'U' ? 10 : 2;
      const decoded = width > 2 ? String.fromCodePoint(parseInt(text.slice(i + 2, i + width), 16) || 0) : ESCAPES[next];
      if (decoded !== undefined && value.startsWith(decoded, k) && decoded.length > 0) {
        for (let d = 0; d < decoded.length; d++) {
          mapped.charStarts.push(i);
          mapped.charEnds.push(i + width);
        }
        k += decoded.length;
        i += width;
        continue;
      }
      return undefined;
    }
    if (type === 'QUOTE_SINGLE' && c === "'" && text[i + 1] === "'" && v === "'") {
      mapped.charStarts.push(i);
      mapped.charEnds.push(i + 2);
      k++;
      i += 2;
      continue;
    }
    const breakLength = lineBreakAt(text, i);
    if (c === v && breakLength === 0) {
      mapped.charStarts.push(i);
      mapped.charEnds.push(i + 1);
      k++;
      i++;
      continue;
    }
    if (breakLength > 0 && (v === ' ' || v === '\n')) {
      mapped.charStarts.push(i);
      mapped.charEnds.push(i + breakLength);
      k++;
      i += breakLength;
      continue;
    }
    i++;
  }
  return mapped;
}

function scalarEncoder(scalar: Scalar): Encoder {
  if (scalar.type === 'QUOTE_DOUBLE') return insideJsonString;
  if (scalar.type === 'QUOTE_SINGLE') return (text) => text.replace(/'/g, "''");
  // Plain and block scalars have no escapes: shell words go in with backslashes, which keep `: ` and ` #` out.
  return withBackslashes(verbatim);
}

/** A scalar as one word (a list item, an env value); opaque when a later stage expands it or a template fills it. */
export function scalarWord(file: YamlFile, scalar: Scalar, expansion: (value: string) => boolean): CommandWord | undefined {
  const value = stringOf(scalar);
  const [start, end] = scalar.range ?? [0, 0];
  if (value === undefined || end < start) return undefined;
  // A plain scalar is kept as written (`True`, `010`), as Compose and Kubernetes pass strings.
  const source = file.text.slice(start, end);
  const written = scalar.type === 'PLAIN' && !/[\r\n]/.test(source) ? source : value;
  if (isTemplated(file, start, end)) {
    // Parsed from the blanked text: the value is the template as written, quotes aside (mapped when that is plain).
    const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
    const templated = quoted ? source.slice(1, -1) : source;
    const mapped = /[\\'\r\n]/.test(templated) ? undefined : mapScalar(file.text, scalar, templated);
    if (mapped) return mappedWord(mapped, start, end, file.index, scalarEncoder(scalar), true);
    return { value: templated, range: file.index.rangeOf(start, end), opaque: true, start, end };
  }
  const opaque = expansion(written);
  const mapped = mapScalar(file.text, scalar, written);
  if (!mapped) return { value: written, range: file.index.rangeOf(start, end), opaque, start, end };
  return mappedWord(mapped, start, end, file.index, scalarEncoder(scalar), opaque);
}

/** Compose interpolates `$X`/`${X}` (`$$` is a literal `$`); Kubernetes expands `$(X)`. */
export const composeExpansion = (value: string) => holdsExpansion(value.replace(/\$\$/g, ''));
export const kubernetesExpansion = (value: string) => /\$\([A-Za-z_][A-Za-z0-9_]*\)/.test(value.replace(/\$\$/g, ''));

// ---------- commands: lists and strings ----------

/** A YAML list's items in the text that a new item of the same style needs. */
function itemText(style: Scalar['type'] | undefined, value: string, flow: boolean): string {
  const plainSafe = /^[A-Za-z0-9_./=@%+~-][A-Za-z0-9_./=@%+~:-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-+]?\d[\d._]*)$/i.test(value) && !(flow && /[,[\]{}]/.test(value));
  if (style === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (style === 'PLAIN' && plainSafe) return value;
  return JSON.stringify(value);
}

/** A fix's new items for a list: after its last item, in its style (flow `[a, b]` or block `- a`). */
function listInsertion(file: YamlFile, seq: YAMLSeq): LaunchInsertion | undefined {
  const items = seq.items.filter((item): item is Scalar => isScalar(item));
  if (items.length !== seq.items.length || items.length === 0) return undefined;
  const last = items[items.length - 1];
  const [lastStart, lastEnd] = last.range ?? [0, 0];
  if (isTemplated(file, lastStart, lastEnd)) return undefined;
  const style = last.type;
  if (seq.flow) {
    const previous = items[items.length - 2];
    const between = previous?.range ? file.text.slice(previous.range[1], lastStart) : '';
    const separator = /^\s*,\s*$/.test(between) ? between : ', ';
    return { insertAt: file.index.positionAt(lastEnd), argumentsText: (args) => args.map((arg) => separator + itemText(style, arg, true)).join('') };
  }
  // Block style: a new `- item` line after the last item's line (its comment stays on it), at the same indentation.
  const lastLine = file.index.positionAt(lastEnd).line;
  const firstLine = file.index.positionAt(lastStart).line;
  const lineStart = file.index.lineStart(firstLine);
  const dash = file.text.lastIndexOf('-', lastStart);
  if (dash < lineStart || !/^\s*$/.test(file.text.slice(lineStart, dash)) || !/^\s*$/.test(file.text.slice(dash + 1, lastStart))) return undefined;
  const prefix = file.text.slice(lineStart, dash);
  const gap = file.text.slice(dash + 1, lastStart);
  const insertAt = file.index.positionAt(file.index.lineContentEnd(lastLine));
  // The line break the item's own line ends with (files may mix them), the file's first one on a last line.
  const eol = file.text.slice(file.index.lineContentEnd(lastLine), file.index.lineEndIncludingBreak(lastLine)) || file.index.eol;
  return { insertAt, argumentsText: (args) => args.map((arg) => `${eol}${prefix}-${gap}${itemText(style, arg, false)}`).join('') };
}

/**
 * The words of a `command:`-like value: a list (one word per item) or a string split as `dialect` splits it
 * (Compose splits like shlex; render.yaml and app.yaml hand it to a shell).
 */
export function commandValue(file: YamlFile, node: Node | undefined, dialect: 'sh' | 'shlex', expansion: (value: string) => boolean): ArgvCommand[] | undefined {
  if (isSeq(node)) {
    const words: CommandWord[] = [];
    for (const item of node.items) {
      const word = isScalar(item) ? scalarWord(file, item, expansion) : undefined;
      if (!word) return undefined;
      words.push(word);
    }
    const insertion = listInsertion(file, node);
    return [{ words, ...(insertion ? { insertion } : {}) }];
  }
  if (isScalar(node)) {
    const word = scalarWord(file, node, expansion);
    if (!word) return undefined;
    // The string's own words are opaque when they hold an expansion (shlex does not know `$`) or a template.
    return commandsOfWord(word, { text: file.text, index: file.index }, { dialect }).map((command) => ({
      ...command,
      words: command.words.map((inner) => ({ ...inner, opaque: inner.opaque || expansion(file.text.slice(inner.start, inner.end)) || isTemplated(file, inner.start, inner.end) })),
    }));
  }
  return undefined;
}

// ---------- environment ----------

/** `environment:` / `env_variables:` as a map (`K: v`) or a list (`- K=v`). */
export function environmentOf(file: YamlFile, node: Node | undefined, expansion: (value: string) => boolean): LaunchVariable[] {
  const variables: LaunchVariable[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = stringOf(pair.key);
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      if (!name || !keyRange) continue;
      const value = isScalar(pair.value) ? scalarWord(file, pair.value, expansion) : undefined;
      const valueEnd = value ? value.end : keyRange[1];
      variables.push({
        name,
        value: value?.value ?? '',
        range: file.index.rangeOf(keyRange[0], valueEnd),
        valueRange: value ? value.range : file.index.rangeOf(valueEnd, valueEnd),
        // `K:` without a value passes the variable through from the host: unknown here.
        opaque: value ? value.opaque : true,
      });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const word = isScalar(item) ? scalarWord(file, item, expansion) : undefined;
      if (!word) continue;
      const equals = word.value.indexOf('=');
      const name = equals < 0 ? word.value : word.value.slice(0, equals);
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) continue;
      const valueStart = equals < 0 ? word.end : word.charEnds?.[equals] ?? word.end;
      variables.push({
        name,
        value: equals < 0 ? '' : word.value.slice(equals + 1),
        range: word.range,
        valueRange: file.index.rangeOf(Math.min(valueStart, word.end), word.end),
        opaque: equals < 0 || word.opaque,
      });
    }
  }
  return variables;
}
