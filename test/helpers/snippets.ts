/**
 * Expands a TextMate/VS Code snippet body with its defaults, as a user who tabs through it without typing gets
 * it: `${N:default}` gives its default (placeholders nested in it expanded too), `${N|a,b|}` its first choice, a
 * bare `$N`/`${N}` the value the same tab stop got elsewhere (or nothing), and `$0` nothing. Only the syntax the
 * snippets of this repository use; anything else (variables, transforms) is an error, so a new construct gets
 * noticed here first.
 */
export function expandSnippet(body: string): string {
  const values = new Map<number, string>();
  let i = 0;

  function parse(until: string | undefined): string {
    let out = '';
    while (i < body.length) {
      const char = body[i];
      if (until !== undefined && char === until) return out;
      if (char === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
      } else if (char === '$') {
        out += tabStop();
      } else {
        out += char;
        i++;
      }
    }
    if (until !== undefined) throw new Error(`unclosed snippet placeholder: expected '${until}'`);
    return out;
  }

  /** A reference to an already seen (or later) tab stop is filled in once all defaults are known. */
  const mirrors: Array<{ marker: string; stop: number }> = [];
  function mirror(stop: number): string {
    if (stop === 0) return '';
    const marker = `\u0000${mirrors.length}\u0000`;
    mirrors.push({ marker, stop });
    return marker;
  }

  function tabStop(): string {
    i++; // $
    const bare = /^\d+/.exec(body.slice(i));
    if (bare) {
      i += bare[0].length;
      return mirror(Number(bare[0]));
    }
    if (body[i] !== '{') throw new Error(`unsupported snippet syntax at ${i}: ${body.slice(i - 1, i + 20)}`);
    i++;
    const number = /^\d+/.exec(body.slice(i));
    if (!number) throw new Error(`snippet variables are not supported: ${body.slice(i - 2, i + 20)}`);
    i += number[0].length;
    const stop = Number(number[0]);
    const next = body[i];
    if (next === '}') {
      i++;
      return mirror(stop);
    }
    let value: string;
    if (next === ':') {
      i++;
      value = parse('}');
      i++;
    } else if (next === '|') {
      const end = body.indexOf('|}', i + 1);
      if (end === -1) throw new Error(`a choice must end with |}: ${body.slice(i - 10, i + 10)}`);
      value = firstChoice(body.slice(i + 1, end));
      i = end + 2;
    } else throw new Error(`unsupported snippet syntax: ${body.slice(i - 3, i + 20)}`);
    if (stop !== 0 && !values.has(stop)) values.set(stop, value);
    return value;
  }

  let text = parse(undefined);
  for (const { marker, stop } of mirrors) text = text.replace(marker, values.get(stop) ?? '');
  return text;
}

/** Choices are separated by unescaped commas; a backslash makes the next character literal (`\,`). */
function firstChoice(choices: string): string {
  let out = '';
  for (let i = 0; i < choices.length; i++) {
    if (choices[i] === '\\' && i + 1 < choices.length) out += choices[++i];
    else if (choices[i] === ',') break;
    else out += choices[i];
  }
  return out;
}
