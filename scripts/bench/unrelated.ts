// Section 5 (issue 14): a repository full of `.ini` files of other tools (tox, pytest, mypy, alembic, ...). pydeploy
// reads none of them, so `pydeploy check` over them should cost no more than over as many uWSGI configs it does read.
import { join } from 'node:path';
import { writeIniTree } from './generate';
import { Row, describe, progress, repeatAsync, textTable, verdict } from './measure';
import { runPydeploy, temporaryFolder } from './processes';

const FILES = 1_500;

export async function benchUnrelatedFiles(): Promise<Row[]> {
  progress(`5: pydeploy check over ${FILES} unrelated .ini files and over ${FILES} uWSGI configs`);
  const timeTree = async (kind: 'unrelated' | 'uwsgi') => {
    const folder = temporaryFolder(kind);
    writeIniTree(join(folder, 'repo'), FILES, kind);
    return repeatAsync(async () => runPydeploy(['--format', 'json', 'repo'], folder), { warmup: 1, runs: 5, budgetMs: 120_000 });
  };
  const uwsgi = await timeTree('uwsgi');
  const unrelated = await timeTree('unrelated');
  const ratio = unrelated.median / uwsgi.median;
  const count = FILES.toLocaleString('en');
  return [
    { section: '5', what: `pydeploy check over ${count} uWSGI configs (whole process)`, result: describe(uwsgi), target: '', verdict: 'n/a' },
    { section: '5', what: `pydeploy check over ${count} unrelated .ini files (tox, pytest, mypy, ...; whole process)`, result: describe(unrelated), target: '', verdict: 'n/a' },
    { section: '5', what: `ratio unrelated / uWSGI files`, result: `${ratio.toFixed(2)}×`, target: '≤ 1.5×', verdict: verdict(ratio <= 1.5) },
  ];
}

// Run on its own (`node --import tsx scripts/bench/unrelated.ts`, after `npm run build`): this section's rows only.
if (require.main === module) {
  benchUnrelatedFiles().then(
    (rows) => console.log(textTable(rows)),
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : String(error));
      process.exitCode = 1;
    },
  );
}
