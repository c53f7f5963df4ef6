/** Edit distance between two short strings (for "did you mean"). */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/**
 * Up to `max` candidates the user may have meant by `input`: those it starts (a prefix such as "rollback"),
 * then those containing it or sharing a word with it, then those within a few typos of it.
 */
export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.trim().toLowerCase();
  if (needle === '') return [];
  const words = needle.split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  const ranked: { c: string; rank: number; d: number }[] = [];
  for (const c of candidates) {
    const d = distance(needle, c);
    let rank: number;
    if (c.startsWith(needle)) rank = 0;
    else if (d <= Math.max(2, Math.floor(Math.max(c.length, needle.length) / 4))) rank = 1;
    else if (c.includes(needle) || words.some((w) => c.includes(w))) rank = 2;
    else continue;
    ranked.push({ c, rank, d });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, max)
    .map(({ c }) => c);
}
