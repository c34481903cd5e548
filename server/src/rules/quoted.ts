/**
 * A name or value inside a fix title. Editors show titles as plain text, where Markdown's backticks would be
 * printed as they are: quote the way VS Code's own quick fixes do, with double quotes for a text that holds a
 * single quote, so that `'off'` reads "'off'" and not ''off''.
 */
export function quoted(text: string): string {
  const line = text.replace(/\r?\n/g, ' ');
  return line.includes("'") ? `"${line}"` : `'${line}'`;
}
