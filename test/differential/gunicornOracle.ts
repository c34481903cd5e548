// How `gunicorn --print-config` shows the values it ends up with: `str()` of each, one `name = value` a line.
import type { EffectiveValue } from '../../server/src/model/gunicornValues';

/** Python's repr() of a str. */
function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = '';
  for (const char of text) {
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += '\\' + quote;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else body += char;
  }
  return quote + body + quote;
}

/** How `gunicorn --print-config` shows a value: `str()` of it. */
export function pythonStr(value: EffectiveValue, nested = false): string {
  switch (value.kind) {
    case 'str':
      return nested ? pythonRepr(value.value) : value.value;
    case 'int':
      return value.value.toString();
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${value.items.map((item) => pythonStr(item, true)).join(', ')}]`;
    case 'dict':
      return `{${value.entries.map(([key, item]) => `${pythonStr(key, true)}: ${pythonStr(item, true)}`).join(', ')}}`;
  }
}

export function parsePrintConfig(stdout: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const match = /^([a-z_0-9]+)\s+= (.*)$/.exec(line);
    if (match) values.set(match[1], match[2]);
  }
  return values;
}
