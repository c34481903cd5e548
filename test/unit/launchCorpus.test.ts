/**
 * Launch files from public repositories (test/corpus/launch, provenance in its MANIFEST.tsv): each is read by the
 * reader its name and text select, and what it yields is pinned in EXPECTED.tsv (reviewed by hand once). Every
 * launch's ranges slice its own words out of the file, and its insertion adds an argument that reads back, with
 * every other byte unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchReaderFor } from '../../server/src/parse/launch/registry';
import type { Launch } from '../../server/src/parse/launch/types';
import { textAt, withArguments } from '../helpers/launch';

const CORPUS = join(__dirname, '..', 'corpus', 'launch');

interface CorpusFile {
  local: string;
  repo: string;
  pathInRepo: string;
}

function manifest(): CorpusFile[] {
  const [, ...rows] = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [local, repo, pathInRepo] = row.split('\t');
    return { local, repo, pathInRepo };
  });
}

/** One line per launch: what the model gets, in brief. */
function pinned(local: string, launch: Launch): string {
  return [local, launch.label, launch.server, launch.program.value, `${launch.args.length} args`, launch.wrappers.map((w) => w.name).join('+') || '-', `env ${launch.env.map((v) => v.name).join(',') || '-'}`, launch.cwd ?? '-', launch.insertion ? 'insertion' : 'no insertion'].join('\t');
}

const files = manifest();

test('the launch corpus holds at least 30 files of every kind, each read by the reader of its folder', () => {
  assert.ok(files.length >= 30, `${files.length} files`);
  const kinds = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(CORPUS, file.local), 'utf8');
    const kind = file.local.split('/')[0];
    kinds.add(kind);
    assert.equal(launchReaderFor(`/project/${file.pathInRepo}`, text)?.kind, kind, file.local);
  }
  assert.deepEqual([...kinds].sort(), ['compose', 'dockerfile', 'kubernetes', 'paas', 'procfile', 'shell', 'supervisord', 'systemd']);
});

test('what each reader extracts from the corpus is what was reviewed (EXPECTED.tsv)', () => {
  const lines: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(CORPUS, file.local), 'utf8');
    const reading = launchReaderFor(`/project/${file.pathInRepo}`, text)!.read(`/project/${file.pathInRepo}`, text);
    if (reading.launches.length === 0 && reading.imageRuns.length === 0) lines.push(`${file.local}\t(no launch)`);
    for (const launch of reading.launches) lines.push(pinned(file.local, launch));
    for (const run of reading.imageRuns) lines.push(`${file.local}\t${run.label}\timage run\t${run.image?.dockerfile ?? '-'}\tenv ${run.env.map((v) => v.name).join(',') || '-'}`);
  }
  const expected = readFileSync(join(CORPUS, 'EXPECTED.tsv'), 'utf8').trim().split('\n');
  assert.deepEqual(lines, expected);
});

test('corpus launches: ranges slice their words, and an inserted argument reads back with nothing else changed', () => {
  let insertions = 0;
  for (const file of files) {
    const path = `/project/${file.pathInRepo}`;
    const text = readFileSync(join(CORPUS, file.local), 'utf8');
    const reader = launchReaderFor(path, text)!;
    const launches = reader.read(path, text).launches;
    launches.forEach((launch, i) => {
      for (const word of [launch.program, ...launch.args]) {
        const source = textAt(text, word.range);
        assert.ok(source.length > 0 && (source.includes(word.value) || word.value.length === 0 || /[\\"'\n%]/.test(source)), `${file.local}: ${JSON.stringify(word.value)} from ${JSON.stringify(source)}`);
      }
      if (!launch.insertion) return;
      const fixed = withArguments(text, launch.insertion, ['--pydeploy-test']);
      let at = 0;
      while (at < text.length && text[at] === fixed[at]) at++;
      assert.equal(fixed.slice(0, at) + fixed.slice(at + fixed.length - text.length), text, `${file.local}: bytes outside the insertion changed`);
      const again = reader.read(path, fixed).launches[i];
      assert.ok(again, `${file.local}: launch ${i} lost after the insertion`);
      assert.deepEqual(again.args.map((w) => w.value), [...launch.args.map((w) => w.value), '--pydeploy-test'], file.local);
      insertions++;
    });
  }
  assert.ok(insertions >= 40, `only ${insertions} insertions checked`);
});
