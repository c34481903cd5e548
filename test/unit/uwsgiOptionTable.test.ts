// The generated uWSGI option table keeps only the facts that differ from shared defaults (to stay small in the
// bundle); once expanded, every option must carry exactly the facts of reference/uwsgi-options.json it was read from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allUwsgiOptions, type UwsgiOptionFacts } from '../../server/src/knowledge/uwsgi/options';

interface ReferenceOption {
  name: string;
  argument: UwsgiOptionFacts['argument'];
  shortcut: string | null;
  plugin: string;
  value_kind: UwsgiOptionFacts['valueKind'];
  setter: string;
  role?: UwsgiOptionFacts['role'];
  repeatable: boolean;
  flags: string[];
  data: string;
  deprecated: boolean;
  in_2_0_30: boolean;
  in_master_2_1_dev: boolean;
  plugin_embedded_in_default_build: boolean;
  value_hint?: string;
  differs_in_2_0_30?: { argument?: UwsgiOptionFacts['argument']; value_kind?: UwsgiOptionFacts['valueKind']; setter?: string };
}

const REFERENCE: ReferenceOption[] = JSON.parse(readFileSync(join(__dirname, '..', '..', 'reference', 'uwsgi-options.json'), 'utf8')).options;

/** The facts the reference states for an option, every field spelled out (absent optional ones left out). */
function factsOf(option: ReferenceOption): UwsgiOptionFacts {
  const facts: UwsgiOptionFacts = {
    name: option.name,
    argument: option.argument,
    plugin: option.plugin,
    valueKind: option.value_kind,
    setter: option.setter,
    repeatable: option.repeatable,
    flags: option.flags.map((flag) => flag.replace(/^UWSGI_OPT_/, '')),
    target: option.data,
    deprecated: option.deprecated,
    inStable: option.in_2_0_30,
    inMaster: option.in_master_2_1_dev,
    builtIn: option.plugin_embedded_in_default_build,
  };
  if (option.shortcut) facts.shortcut = option.shortcut;
  if (option.role) facts.role = option.role;
  if (option.value_hint !== undefined) facts.valueHint = option.value_hint;
  const differs = option.differs_in_2_0_30;
  if (differs) {
    facts.stableDiffers = {};
    if (differs.argument !== undefined) facts.stableDiffers.argument = differs.argument;
    if (differs.value_kind !== undefined) facts.stableDiffers.valueKind = differs.value_kind;
    if (differs.setter !== undefined) facts.stableDiffers.setter = differs.setter;
  }
  return facts;
}

test('the expanded table holds every option of the reference with all its facts, and nothing else', () => {
  const expected = REFERENCE.map(factsOf).sort((a, b) => a.name.localeCompare(b.name));
  assert.equal(expected.length, 1335);
  assert.deepStrictEqual(allUwsgiOptions(), expected);
});
