/**
 * Config templates: files that a step before the server renders (Ansible/Jinja, Helm, envsubst, sed, autoconf)
 * hold placeholders where the shipped file has values. What a placeholder becomes is not in the file, so a
 * value made of one is not judged, and a template's own block syntax is not read as options.
 */

/** Endings of template files: `uwsgi.ini.j2` is rendered into `uwsgi.ini`. */
const TEMPLATE_SUFFIX = /\.(j2|jinja2?|tpl|tmpl|template|in)$/i;

/**
 * `{{ var }}` (Jinja, Helm), `{% ... %}` (Jinja), `${VAR}` (envsubst, Compose), `@VAR@` (autoconf) and
 * `__VAR__` (sed placeholders, upper case only, so that `module = app.__main__` stays a value).
 */
const PLACEHOLDER = /\{\{.*?\}\}|\{%-?\s*[A-Za-z_].*?%\}|\$\{[^}]*\}|@[A-Za-z_][A-Za-z0-9_]*@|\b__[A-Z][A-Z0-9_]*[A-Z0-9]__\b/;

/** A Jinja statement line: `{% if x %}`, `{%- endfor %}`, ...; the word says whether it opens or closes a block. */
const JINJA_STATEMENT = /^\{%-?\s*([A-Za-z_]+)\b.*%\}$/;

/** Jinja statements that open a block closed by `end<word>`. */
const JINJA_OPENERS = new Set(['if', 'for', 'macro', 'block', 'call', 'filter', 'with', 'raw']);

/** Whether a file name is a template's (`uwsgi.ini.j2`, `uwsgi.ini.template`, `uwsgi.ini.in`). */
export function isTemplateName(name: string): boolean {
  return TEMPLATE_SUFFIX.test(name);
}

/** The name a template renders to (`uwsgi.ini.j2` → `uwsgi.ini`); other names unchanged. */
export function renderedName(name: string): string {
  return name.replace(TEMPLATE_SUFFIX, '');
}

/** Whether a value holds a template placeholder. */
export function hasTemplatePlaceholder(value: string): boolean {
  return value.includes('{') || value.includes('@') || value.includes('__') ? PLACEHOLDER.test(value) : false;
}

/** Whether a text uses Jinja syntax (`{{ }}` or `{% %}`): it is a template, whatever its name. */
export function usesJinja(text: string): boolean {
  return /\{\{.*?\}\}|\{%-?\s*[A-Za-z_].*?%\}/.test(text);
}

/**
 * What a Jinja statement line does to the lines after it: `open` (an `if`/`for`... block: they are conditional),
 * `close` (`endif`...), `other` (`else` and `elif`, which stay in the block; `{% set x = 1 %}`; a `{# comment #}`),
 * or undefined for a line that is not one.
 */
export function jinjaStatement(line: string): 'open' | 'close' | 'other' | undefined {
  const trimmed = line.trim();
  // A Jinja comment line, `{# ... #}`, is dropped by the rendering.
  if (/^\{#.*#\}$/.test(trimmed)) return 'other';
  // `{% if x %}gid = 1{% endif %}` opens and closes on one line: an option line, not a statement.
  if (trimmed.indexOf('{%', 1) >= 0) return undefined;
  const word = JINJA_STATEMENT.exec(trimmed)?.[1];
  if (word === undefined) return undefined;
  if (word.startsWith('end')) return 'close';
  if (word === 'set') return trimmed.includes('=') ? 'other' : 'open';
  return JINJA_OPENERS.has(word) ? 'open' : 'other';
}

/** A line that is one `{{ ... }}` and nothing else: the template inserts text there, maybe options. */
export function isTemplateInsertion(line: string): boolean {
  return /^\{\{[^{}]*\}\}$/.test(line.trim());
}
