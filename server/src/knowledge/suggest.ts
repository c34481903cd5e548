/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Names a misspelt one was probably meant to be, best first: an exact match once `_`/`-` and case are
 * ignored, then names within a small edit distance that grows with the length of the name.
 */
export function didYouMean(name: string, candidates: Iterable<string>, separator: '-' | '_', max = 3): string[] {
  const normalised = name.toLowerCase().replace(/[-_]/g, separator);
  const limit = normalised.length <= 4 ? 1 : normalised.length <= 12 ? 2 : 3;
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = candidate === normalised ? 0 : editDistance(normalised, candidate, limit);
    if (distance <= limit) scored.push({ candidate, score: distance });
  }
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, max).map((entry) => entry.candidate);
}
