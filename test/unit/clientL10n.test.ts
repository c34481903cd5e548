// The extension's own strings in Simplified Chinese: package.json through package.nls*.json, the client's runtime
// strings through l10n/bundle.l10n*.json (extracted by @vscode/l10n-dev), snippet descriptions through the same bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = join(__dirname, '..', '..');

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
}

/** The `{name}` placeholders of a text, sorted: a translation must keep every one and add none. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

/** Every `%key%` the manifest references, wherever it is. */
function manifestKeys(value: unknown): string[] {
  if (typeof value === 'string') return /^%([^%]+)%$/.exec(value)?.slice(1) ?? [];
  if (Array.isArray(value)) return value.flatMap(manifestKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(manifestKeys);
  return [];
}

function assertTranslated(english: Record<string, unknown>, chinese: Record<string, unknown>, what: string): void {
  for (const [key, text] of Object.entries(english)) {
    const translation = chinese[key];
    assert.equal(typeof translation, 'string', `${what}: no zh-cn text for ${JSON.stringify(key)}`);
    assert.notEqual((translation as string).trim(), '', `${what}: empty zh-cn text for ${JSON.stringify(key)}`);
    // Chinese text, or at least Chinese punctuation (a product name alone stays as it is).
    assert.match(translation as string, /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/, `${what}: ${JSON.stringify(key)} is not translated`);
    assert.deepEqual(placeholders(translation as string), placeholders(text as string), `${what}: placeholders of ${JSON.stringify(key)}`);
  }
  assert.deepEqual(Object.keys(chinese).filter((key) => !(key in english)), [], `${what}: zh-cn texts for keys that no longer exist`);
}

test('package.json: every user-visible string is a %key% of package.nls.json, and package.nls.zh-cn.json translates each', () => {
  const manifest = readJson('package.json');
  const english = readJson('package.nls.json');
  const keys = manifestKeys(manifest);
  assert.deepEqual(keys.filter((key) => !(key in english)), [], 'keys package.nls.json lacks');
  assert.deepEqual(Object.keys(english).filter((key) => !keys.includes(key)), [], 'keys package.json no longer uses');
  const contributes = manifest.contributes as {
    commands: { title: string }[];
    configuration: { properties: Record<string, { markdownDescription: string }> };
    languages: { aliases: string[] }[];
  };
  const visible = [
    manifest.description,
    ...contributes.commands.map((command) => command.title),
    ...Object.values(contributes.configuration.properties).map((setting) => setting.markdownDescription),
    ...contributes.languages.map((language) => language.aliases[0]),
  ];
  for (const text of visible) assert.match(String(text), /^%[^%]+%$/, `not localized: ${String(text)}`);
  assert.equal(manifest.l10n, './l10n');
  assertTranslated(english, readJson('package.nls.zh-cn.json'), 'package.nls.zh-cn.json');
});

test('l10n/bundle.l10n.json is what @vscode/l10n-dev extracts from client/src today (run `npm run l10n:extract` after changing a string)', async () => {
  const folder = join(ROOT, 'client', 'src');
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => ({ extension: '.ts', contents: readFileSync(join(folder, name), 'utf8') }));
  assert.deepEqual(await getL10nJson(files), readJson('l10n/bundle.l10n.json'));
});

test('l10n/bundle.l10n.zh-cn.json translates every client string and every snippet description (VS Code cannot localize snippet files)', () => {
  const english: Record<string, unknown> = { ...readJson('l10n/bundle.l10n.json') };
  for (const file of readdirSync(join(ROOT, 'snippets'))) {
    for (const snippet of Object.values(readJson(`snippets/${file}`)) as { description?: string }[]) {
      if (snippet.description) english[snippet.description] = snippet.description;
    }
  }
  assertTranslated(english, readJson('l10n/bundle.l10n.zh-cn.json'), 'l10n/bundle.l10n.zh-cn.json');
});
