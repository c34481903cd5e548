/**
 * A JSON string literal's value with, for each of its characters, the source offsets that produced it (an escape
 * such as `\"` or `\u00e9` maps to all of its characters), so that a `sh -c` string inside a JSON array can be
 * split again and mapped back. `start`/`end` are the offsets of the quotes. Undefined when it is not valid JSON.
 */
export interface MappedString {
  value: string;
  charStarts: number[];
  charEnds: number[];
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function decodeJsonString(text: string, start: number, end: number): MappedString | undefined {
  if (text[start] !== '"' || text[end - 1] !== '"' || end - start < 2) return undefined;
  const result: MappedString = { value: '', charStarts: [], charEnds: [] };
  let i = start + 1;
  while (i < end - 1) {
    const c = text[i];
    const code = text.charCodeAt(i);
    if (c === '"' || code < 0x20) return undefined;
    if (c !== '\\') {
      result.value += c;
      result.charStarts.push(i);
      result.charEnds.push(i + 1);
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex) || i + 6 > end - 1) return undefined;
      result.value += String.fromCharCode(parseInt(hex, 16));
      result.charStarts.push(i);
      result.charEnds.push(i + 6);
      i += 6;
      continue;
    }
    const simple = next === undefined || i + 1 >= end - 1 ? undefined : SIMPLE_ESCAPES[next];
    if (simple === undefined) return undefined;
    result.value += simple;
    result.charStarts.push(i);
    result.charEnds.push(i + 2);
    i += 2;
  }
  return result;
}

/** Text as it must be written inside a JSON string literal. */
export function insideJsonString(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
