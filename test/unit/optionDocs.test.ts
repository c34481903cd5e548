import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UWSGI_OPTION_DOCS } from '../../server/src/knowledge/uwsgi/optionDocs';
import { uwsgiOption } from '../../server/src/knowledge/uwsgi/options';

const REFERENCE = join(__dirname, '..', '..', 'reference', 'uwsgi-options.json');
const docs = Object.entries(UWSGI_OPTION_DOCS);

test('documents at least 130 options', () => {
  assert.ok(docs.length >= 130, `only ${docs.length} options documented`);
});

test('every documented name exists in the generated option table', () => {
  const unknown = docs.map(([name]) => name).filter((name) => uwsgiOption(name) === undefined);
  assert.deepEqual(unknown, []);
});

test('every summary is 20-400 characters and ends with a period', () => {
  for (const [name, doc] of docs) {
    assert.ok(doc.summary.length >= 20 && doc.summary.length <= 400, `${name}: summary is ${doc.summary.length} characters`);
    assert.ok(doc.summary.endsWith('.'), `${name}: summary does not end with a period`);
  }
});

test('agent notes, where present, are short sentences', () => {
  for (const [name, doc] of docs) {
    if (doc.agent === undefined) continue;
    assert.ok(doc.agent.length >= 20 && doc.agent.length <= 400, `${name}: agent note is ${doc.agent.length} characters`);
    assert.ok(doc.agent.endsWith('.'), `${name}: agent note does not end with a period`);
  }
});

test('options share a text only by sharing one doc object (no copy-pasted summaries)', () => {
  const bySummary = new Map<string, object>();
  for (const [name, doc] of docs) {
    const seen = bySummary.get(doc.summary);
    assert.ok(seen === undefined || seen === doc, `${name}: summary duplicates another option's text`);
    bySummary.set(doc.summary, doc);
  }
});

test('no summary repeats the reference description of its option', () => {
  const reference = JSON.parse(readFileSync(REFERENCE, 'utf8')) as { options: { name: string; description?: string }[] };
  const descriptions = new Map(reference.options.map((option) => [option.name, (option.description ?? '').trim()]));
  for (const [name, doc] of docs) {
    const description = descriptions.get(name);
    if (!description) continue;
    assert.notEqual(doc.summary.trim(), description, `${name}: summary copies the reference description`);
  }
});
