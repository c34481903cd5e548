import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { readLaunchFile } from '../../server/src/parse/launch/registry';
import type { LaunchFileReading, LaunchWord } from '../../server/src/parse/launch/types';
import { assertValidPosition, assertValidRange, linesWithEnds } from '../helpers/documentText';
import { withArguments } from '../helpers/launch';
import { GeneratedFile, assertProperty, launchFile, mutatedLaunchFile, wellFormedLaunchFile } from './generators';
import { HANG_LIMIT_MS } from './harness';

const RUNS = 300;

/** Reads a launch file, timed: a reader must never throw nor hang. */
function readChecked({ path, text }: GeneratedFile): LaunchFileReading {
  const started = performance.now();
  const reading = readLaunchFile(path, text);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < HANG_LIMIT_MS, `reading ${text.length} characters took ${Math.round(elapsed)} ms`);
  return reading;
}

/** Every range a reader reports lies inside its file; every insertion point too, and it changes nothing but itself. */
function checkReading(file: GeneratedFile): void {
  const reading = readChecked(file);
  const lines = linesWithEnds(file.text);
  const words = (list: readonly LaunchWord[], what: string) => list.forEach((word, i) => assertValidRange(lines, word.range, `${what} ${i}`));
  for (const launch of reading.launches) {
    assertValidRange(lines, launch.range, 'launch range');
    words([launch.program, ...launch.args], 'word');
    for (const wrapper of launch.wrappers) words(wrapper.words, `wrapper ${wrapper.name}`);
    for (const variable of launch.env) {
      assertValidRange(lines, variable.range, `${variable.name} range`);
      assertValidRange(lines, variable.valueRange, `${variable.name} value range`);
    }
    for (const envFile of launch.envFiles ?? []) assertValidRange(lines, envFile.range, 'env file range');
    if (launch.image) assertValidRange(lines, launch.image.range, 'image range');
    if (launch.insertion) {
      assertValidPosition(lines, launch.insertion.insertAt, 'insertion');
      const added = launch.insertion.argumentsText(['--enable-threads']);
      const fixed = withArguments(file.text, launch.insertion, ['--enable-threads']);
      assert.equal(fixed.length, file.text.length + added.length);
      let at = 0;
      while (at < file.text.length && file.text[at] === fixed[at]) at++;
      assert.equal(fixed.slice(0, at) + fixed.slice(at + added.length), file.text, 'bytes outside the insertion changed');
      readChecked({ path: file.path, text: fixed });
    }
  }
  for (const run of reading.imageRuns) {
    assertValidRange(lines, run.range, 'image run range');
    words([...(run.entrypoint ?? []), ...(run.command ?? [])], 'image run word');
    if (run.insertion) assertValidPosition(lines, run.insertion.insertAt, 'image run insertion');
  }
  for (const note of reading.notes) assertValidRange(lines, note.range, 'note range');
}

describe('launch-file readers never throw, end, and report ranges inside the file', () => {
  test('generated launch files of every kind', () => {
    assertProperty(fc.property(launchFile, checkReading), RUNS);
  });
  test('mutated real launch files', () => {
    assertProperty(fc.property(mutatedLaunchFile, checkReading), RUNS);
  });
});

test('an argument a fix adds to a well-formed launch line reads back as the launch\'s last argument', () => {
  assertProperty(
    fc.property(wellFormedLaunchFile, fc.constantFrom(['--enable-threads'], ['--name', "it's a \"test\" $HOME 100%"], ['--x=a,b: c #d']), (file, args) => {
      const reading = readChecked(file);
      reading.launches.forEach((launch, i) => {
        if (!launch.insertion) return;
        const again = readChecked({ path: file.path, text: withArguments(file.text, launch.insertion, args) }).launches[i];
        assert.ok(again, `launch ${i} lost`);
        assert.deepEqual(again.args.map((word) => word.value), [...launch.args.map((word) => word.value), ...args]);
      });
    }),
    RUNS,
  );
});
