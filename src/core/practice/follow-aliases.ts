import { RECENT, shownOf, type QuestionSummary, type Summary } from '../history/summary.js';

interface Aliased {
  id: string;
  aliases?: string[] | undefined;
}

/**
 * The summary as the current bank names its questions: practice recorded under an id that a question now
 * lists among its aliases (it was merged or renamed) counts for that question. The history itself is left as
 * it was, so an older build reading it still finds its own ids. Pure.
 */
export function followAliases(summary: Summary, questions: readonly Aliased[]): Summary {
  let questionsOut: Summary['questions'] | undefined;
  for (const q of questions) {
    for (const alias of q.aliases ?? []) {
      const old = summary.questions[alias];
      if (!old || !Object.hasOwn(summary.questions, alias)) continue;
      questionsOut ??= Object.assign(Object.create(null) as Summary['questions'], summary.questions);
      const current = questionsOut[q.id];
      questionsOut[q.id] = current ? combine(old, current) : old;
      delete questionsOut[alias];
    }
  }
  return questionsOut ? { ...summary, questions: questionsOut } : summary;
}

/** Two summaries of one question: attempts added, recent lists in time order, the card of the later review. */
function combine(a: QuestionSummary, b: QuestionSummary): QuestionSummary {
  const [older, newer] = a.lastAt <= b.lastAt ? [a, b] : [b, a];
  const card = newer.card ?? older.card;
  return {
    category: newer.category,
    attempts: a.attempts + b.attempts,
    lastAt: newer.lastAt,
    recentRatings: [...older.recentRatings, ...newer.recentRatings].slice(-RECENT),
    recentScores: [...older.recentScores, ...newer.recentScores].slice(-RECENT),
    ...(older.recentShown || newer.recentShown ? { recentShown: [...shownOf(older), ...shownOf(newer)].slice(-RECENT) } : {}),
    overTime: a.overTime + b.overTime,
    ...(card ? { card } : {}),
  };
}
