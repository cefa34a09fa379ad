/** The declared name a mistyped key most likely meant: same letters in another case, or at most two edits away. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const upper = name.toUpperCase();
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    if (c.toUpperCase() === upper) return c;
    if (Math.abs(c.length - name.length) >= bestDistance) continue;
    const d = distance(upper, c.toUpperCase(), bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once every path costs that much. */
function distance(a: string, b: string, limit: number): number {
  if (a.length > 256 || b.length > 256) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length];
}
