/** The coach's tunable weights in one place; tuned on the tuning half of the eval sets only. */
export const TUNING = {
  /** A phrase of two or more words of a term is good evidence on its own. */
  phraseBase: 0.6,
  /** Each small word that carries part of a phrase ("each side", "one on one") adds this much. */
  smallWord: 0.2,
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
  /** A clause that says the idea names at least this many of its core words (a phrase term counts its words). */
  coreWords: 2,
  /**
   * A word in the words of at least this share of a question's points is its subject ("TestFlight", "beta"), not
   * what any one point says: it adds to a point's evidence but is not one of its core words.
   */
  subjectShare: 0.5,
  /** A term of the subject's words alone ("feature flags") weighs this share of its weight and counts no core word. */
  subjectTerm: 0.3,
  /** Or a single word of a term with enough of the model answer's words for the idea around it. */
  loneTermAt: 1.1,
  /** Or this many different words of the idea and of the model answer's sentences for it. */
  modelWords: 3,
  /** Words weighing less than this (common ones) are not counted among those. */
  distinctFrom: 0.15,
  /** The next clauses of the same sentence, up to this many, add their evidence at this share. */
  clauseReach: 2,
  nextClause: 1,
  /** A covered point said in this many words (its clauses' words, shared among the points they make) is developed. */
  depthFullWords: 12,
  /** A covered point earns this share of its credit however briefly said; the rest grows with how much was said. */
  depthFloor: 0.6,
};
