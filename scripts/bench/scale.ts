// Section 5: scale. The command line over a generated tree of 2,000 config files, and the server's memory
// after opening 1,000 documents in one session.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunicornConf, tingyunIni, uwsgiIni, writeConfigTree } from './generate';
import { Row, describe, now, progress, repeatAsync, statsOf, verdict } from './measure';
import { runPydeploy, temporaryFolder } from './processes';
import { startSession } from './lsp';

const TREE_FILES = 2_000;
const OPEN_DOCUMENTS = 1_000;

export async function benchCliTree(): Promise<Row[]> {
  progress(`5: pydeploy check over ${TREE_FILES} files`);
  const folder = temporaryFolder('tree');
  writeConfigTree(join(folder, 'projects'), TREE_FILES);
  const stats = await repeatAsync(async () => runPydeploy(['--format', 'json', 'projects'], folder), { warmup: 1, runs: 5 });
  const filesPerSecond = statsOf([TREE_FILES / (stats.max / 1000), TREE_FILES / (stats.median / 1000), TREE_FILES / (stats.min / 1000)]);
  return [
    { section: '5', what: `pydeploy check over a tree of ${TREE_FILES.toLocaleString('en')} config files (whole process)`, result: describe(stats), target: '', verdict: 'n/a' },
    {
      section: '5',
      what: 'files per second',
      result: `${filesPerSecond.median.toFixed(0)}/s (${filesPerSecond.min.toFixed(0)}–${filesPerSecond.max.toFixed(0)})`,
      target: '> 2,000/s',
      verdict: verdict(filesPerSecond.median > 2_000),
    },
  ];
}

/** One of four kinds of document, each in a project folder of its own, as a large workspace has them. */
function document(folder: string, i: number): { path: string; text: string; languageId: string } {
  const project = join(folder, `service-${Math.floor(i / 4)}`);
  switch (i % 4) {
    case 0:
      return { path: join(project, 'uwsgi.ini'), text: uwsgiIni(40, i), languageId: 'uwsgi-ini' };
    case 1:
      return { path: join(project, 'gunicorn.conf.py'), text: gunicornConf(40, i), languageId: 'python' };
    case 2:
      return { path: join(project, 'tingyun.ini'), text: tingyunIni(25, i), languageId: 'tingyun-ini' };
    default:
      return { path: join(project, 'uwsgi-dev.ini'), text: uwsgiIni(200, i), languageId: 'uwsgi-ini' };
  }
}

export async function benchOpenDocuments(): Promise<Row[]> {
  progress(`5: server memory with ${OPEN_DOCUMENTS} open documents`);
  const folder = temporaryFolder('open');
  // The files are on disk before the server starts, as in a workspace the editor opens: the server indexes them all
  // (written while it ran, which ones it indexed depended on how fast it was, and so did the figures).
  for (let i = 0; i < OPEN_DOCUMENTS; i++) {
    const { path, text } = document(folder, i);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  const session = await startSession(folder);
  try {
    const rssAtStart = session.rss();
    const started = now();
    const openTimes: number[] = [];
    for (let i = 0; i < OPEN_DOCUMENTS; i++) {
      const { path, text, languageId } = document(folder, i);
      const opened = now();
      await session.open(path, text, languageId);
      openTimes.push(now() - opened);
    }
    const openAll = now() - started;
    // One edit with all of them open: how long the last one typed waits for its diagnostics.
    const edited = document(folder, 0);
    const editTimes = await repeatAsync(
      async () => {
        const at = { line: 1, character: 0 };
        const t = now();
        await session.change(edited.path, { start: at, end: at }, ' ');
        await session.change(edited.path, { start: at, end: { line: 1, character: 1 } }, '');
        return (now() - t) / 2;
      },
      { warmup: 2, runs: 10 },
    );
    const rss = session.rss();
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    return [
      { section: '5', what: `open ${OPEN_DOCUMENTS.toLocaleString('en')} documents one after the other, each until its diagnostics`, result: `${(openAll / 1000).toFixed(2)} s in all; the last took ${openTimes[openTimes.length - 1].toFixed(1)} ms`, target: '', verdict: 'n/a' },
      { section: '5', what: `an edit with ${OPEN_DOCUMENTS.toLocaleString('en')} documents open, until its own diagnostics`, result: describe(editTimes), target: '', verdict: 'n/a' },
      { section: '5', what: `server RSS after opening ${OPEN_DOCUMENTS.toLocaleString('en')} documents`, result: `${mb(rss)} (${mb(rssAtStart)} before the first)`, target: '< 100 MB', verdict: verdict(rss < 100 * 1024 * 1024) },
    ];
  } finally {
    await session.close();
  }
}
