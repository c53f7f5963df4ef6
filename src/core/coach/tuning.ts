/** The coach's tunable weights in one place; tuned on the tuning half of the eval sets only. */
export const TUNING = {
  /** A phrase of two or more words of a term is good evidence on its own. */
  phraseBase: 0.6,
  /** A single-word term needs another word of the idea in its sentence, more so the more common it is. */
  wordBase: 0.3,
  wordCap: 0.75,
  /** Words of the model answer's sentences that make a point count this much of their specificity. */
  modelFactor: 0.8,
  /** A usual synonym of one of the idea's own words counts this much of its specificity. */
  synonymFactor: 1,
  /** Words that carry the idea, besides its terms, count this much of their weight. */
  wordScale: 1,
  /** No single word, however rare, says an idea on its own. */
  wordMax: 0.6,
  /** A sentence whose evidence reaches this covers the idea. */
  coveredAt: 0.8,
  /** Or this share of the idea's own words (weighted by specificity), at least two, in one sentence. */
  ownShare: 0.5,
  /** Evidence from the next sentence counts this much (an idea often spans two sentences). */
  nextSentence: 0.6,
};
