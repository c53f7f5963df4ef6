/** A candidate for the list: how relevant it is on its own, and how strongly it covers each theme (0..1). */
export interface Candidate {
  relevance: number;
  themes: ReadonlyMap<string, number>;
}

/**
 * Picks `count` candidates one at a time, each time the one that adds most: its own relevance plus the
 * posting's themes it covers that the questions already picked have not (an explicit-diversification
 * greedy, as in xQuAD). A posting asks for several things; ten questions on its loudest theme prepare
 * for less than ten that cover all of them. `share` is each theme's share of the posting (summing to 1);
 * `diversity` (0..1) how much covering new themes counts against relevance. Returns the picks in order,
 * each with its gain, which never grows from one pick to the next.
 */
export function pickCovering<T extends Candidate>(candidates: readonly T[], share: ReadonlyMap<string, number>, count: number, diversity: number, overlap: number): { item: T; gain: number }[] {
  const open = new Map([...share.keys()].map((t) => [t, 1]));
  const left = [...candidates];
  const picked: { item: T; gain: number }[] = [];
  while (picked.length < count && left.length > 0) {
    let best = -1;
    let bestGain = -Infinity;
    left.forEach((c, i) => {
      let cover = 0;
      for (const [theme, strength] of c.themes) cover += (share.get(theme) ?? 0) * strength * (open.get(theme) ?? 0);
      const gain = (1 - diversity) * c.relevance + diversity * cover;
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    });
    const [item] = left.splice(best, 1) as [T];
    for (const [theme, strength] of item.themes) {
      const o = open.get(theme);
      if (o !== undefined) open.set(theme, o * (1 - overlap * strength));
    }
    picked.push({ item, gain: bestGain });
  }
  return picked;
}
