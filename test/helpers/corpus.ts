import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, Analysis } from '../../server/src/features/analysis';
import { memoryWorkspace } from './memoryWorkspace';

/** The real-world configs of test/corpus (sources and commits in MANIFEST.tsv). */
export const CORPUS = join(__dirname, '..', 'corpus');

export interface CorpusFile {
  /** `uwsgi/001-...ini`: where the file is kept here, as pins name it. */
  local: string;
  /** Where its project keeps it, `/owner/name/path/in/repo`: the name decides how pydeploy reads it. */
  path: string;
  text: string;
}

let read: Array<CorpusFile & { repo: string }> | undefined;

function manifest(): Array<CorpusFile & { repo: string }> {
  if (read) return read;
  const rows = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  read = rows.map((row) => {
    const [local, repo, pathInRepo] = row.split('\t');
    return { local, repo, path: `/${repo}/${pathInRepo}`, text: readFileSync(join(CORPUS, local), 'utf8') };
  });
  return read;
}

/** The corpus files kept in one folder (`uwsgi`, `gunicorn`, `agent`), in name order. */
export function corpusFiles(folder: string): CorpusFile[] {
  return manifest()
    .filter((file) => file.local.startsWith(`${folder}/`))
    .sort((a, b) => a.local.localeCompare(b.local));
}

/**
 * A corpus file analysed under its real path, beside the corpus files of the same repository (so that an
 * include of one of them is found, as it would be in the project), or undefined when pydeploy does not read it.
 */
export function analyzeCorpusFile(file: CorpusFile): Analysis | undefined {
  const all = manifest();
  const repo = all.find((each) => each.local === file.local)?.repo ?? '';
  const siblings = Object.fromEntries(all.filter((each) => each.repo === repo).map((each) => [each.path, each.text]));
  return analyze(file.path, file.text, {}, memoryWorkspace(siblings, `/${repo}`));
}

/** Every finding of an analysis as `local:line:col rule-id` (1-based), the form corpus pins take. */
export function pinsOf(file: CorpusFile, analysis: Analysis | undefined): string[] {
  return (analysis?.findings ?? []).map(({ rule, finding }) => `${file.local}:${finding.range.start.line + 1}:${finding.range.start.character + 1} ${rule.id}`);
}
