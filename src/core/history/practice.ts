import { RATINGS, type Rating } from './ratings.js';
import type { Summary } from './summary.js';

/** Where one question stands in the user's practice: what `list` shows beside it. */
export interface QuestionPractice {
  attempts: number;
  lastRating: Rating;
  lastAt: string;
  /** When the scheduler wants it again; none for attempts recorded before scheduling existed. */
  due: string | undefined;
}

export type PracticeById = Map<string, QuestionPractice>;

/** The practice per question from a history summary (a checked one: see summary-file.ts). */
export function practiceFromSummary(summary: Pick<Summary, 'questions'>): PracticeById {
  const out: PracticeById = new Map();
  for (const id of Object.keys(summary.questions)) {
    const q = summary.questions[id]!;
    // Ratings are kept as 1 (again) .. 4 (easy), newest last.
    const lastRating = RATINGS[(q.recentRatings[q.recentRatings.length - 1] ?? 0) - 1];
    if (!lastRating) continue;
    out.set(id, { attempts: q.attempts, lastRating, lastAt: q.lastAt, due: q.card?.due });
  }
  return out;
}
