let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rolling rows, reused from call to call: a misspelt name is compared with every known name, and a file of
  // thousands of unknown names must not spend its time allocating.
  const width = b.length + 1;
  if (rows[0].length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [previous2, previous, current] = rows;
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const oldest = previous2;
    previous2 = previous;
    previous = current;
    current = oldest;
  }
  return previous[b.length];
}

/**
 * The one cut-off for every "did you mean" of pydeploy: a name is a misspelling of a known one when it is about one
 * edit per five characters of the longer of the two away (4 to 8 characters: 1 edit, 9 to 13: 2, then 3...), so
 * `proceses` → `processes` and `hots` → `host`, but a short or distant word is not "corrected" into an unrelated one
 * (`app` → `pp`, `chown` → `cron`, `py_version` → `perl-version`). The distance, or undefined.
 */
export function typoDistance(name: string, known: string): number | undefined {
  const limit = Math.floor((Math.max(name.length, known.length) + 1) / 5);
  if (limit === 0) return undefined;
  const distance = editDistance(name, known, limit);
  return distance <= limit ? distance : undefined;
}

/**
 * Names a misspelt one was probably meant to be, best first: an exact match once `_`/`-` and case are
 * ignored, then names within the typo cut-off (typoDistance).
 */
export function didYouMean(name: string, candidates: Iterable<string>, separator: '-' | '_', max = 3): string[] {
  const normalised = name.toLowerCase().replace(/[-_]/g, separator);
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = candidate === normalised ? 0 : typoDistance(normalised, candidate);
    if (distance !== undefined) scored.push({ candidate, score: distance });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, max).map((entry) => entry.candidate);
}
