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

/** Up to `max` candidates close to `input`: by edit distance, or sharing a word with it. */
export function suggest(input: string, candidates: readonly string[], max = 3): string[] {
  const needle = input.toLowerCase();
  const words = needle.split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  return candidates
    .map((c) => {
      let d = distance(needle, c);
      if (c.includes(needle) || words.some((w) => c.includes(w))) d = Math.min(d, Math.ceil(c.length / 3));
      return { c, d };
    })
    .filter(({ c, d }) => d <= Math.max(2, Math.floor(Math.max(c.length, needle.length) / 3)))
    .sort((a, b) => a.d - b.d || (a.c < b.c ? -1 : 1))
    .slice(0, max)
    .map(({ c }) => c);
}
