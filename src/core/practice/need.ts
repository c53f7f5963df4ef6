import { comparableRecentScores, type QuestionSummary, type Summary } from '../history/summary.js';
import { CATEGORIES, type Category, type QuestionKey } from '../questions/categories.js';

/** Weights of the need score; the README explains them. They add up to 1. */
export const NEED_WEIGHTS = { weakness: 0.35, coach: 0.2, unpracticed: 0.3, staleness: 0.15 } as const;
/** Days without practice after which a category counts as fully stale. */
export const STALE_DAYS = 14;
const DAY_MS = 86_400_000;

export interface CategoryNeed {
  category: Category;
  questions: number;
  practiced: number;
  attempts: number;
  /** Mean recent rating, 1 (again) .. 4 (easy); undefined when never practiced. */
  averageRating: number | undefined;
  averageScore: number | undefined;
  lastPracticed: string | undefined;
  parts: { weakness: number; coach: number; unpracticed: number; staleness: number };
  /** 0..1: higher means this category needs practice more. */
  need: number;
}

/** How much each category needs practice, neediest first (ties keep the category order). */
export function rankCategories(questions: readonly QuestionKey[], summary: Summary, now: Date): CategoryNeed[] {
  return CATEGORIES.map((c) => categoryNeed(c, questions, summary, now))
    .filter((n) => n.questions > 0)
    .sort((a, b) => b.need - a.need);
}

export function categoryNeed(category: Category, questions: readonly QuestionKey[], summary: Summary, now: Date): CategoryNeed {
  const inCategory = questions.filter((q) => q.category === category);
  const seen: QuestionSummary[] = [];
  let attempts = 0;
  let last: string | undefined;
  for (const q of inCategory) {
    const s = summary.questions[q.id];
    if (!s) continue;
    seen.push(s);
    attempts += s.attempts;
    if (!last || s.lastAt > last) last = s.lastAt;
  }
  const ratings = seen.map((s) => mean(s.recentRatings)).filter((x): x is number => x !== undefined);
  // Compared across the category: words-only scores unless every recent score was read the same way.
  const scores = comparableRecentScores(seen).map(mean).filter((x): x is number => x !== undefined);
  const averageRating = mean(ratings);
  const averageScore = mean(scores);
  const weakness = averageRating === undefined ? 1 : (4 - averageRating) / 3;
  const coach = averageScore === undefined ? weakness : 1 - averageScore / 100;
  const unpracticed = inCategory.length === 0 ? 0 : 1 - seen.length / inCategory.length;
  const staleness = last === undefined ? 1 : Math.min(1, Math.max(0, (now.getTime() - Date.parse(last)) / DAY_MS / STALE_DAYS));
  const need =
    NEED_WEIGHTS.weakness * weakness + NEED_WEIGHTS.coach * coach + NEED_WEIGHTS.unpracticed * unpracticed + NEED_WEIGHTS.staleness * staleness;
  return {
    category,
    questions: inCategory.length,
    practiced: seen.length,
    attempts,
    averageRating,
    averageScore,
    lastPracticed: last,
    parts: { weakness, coach, unpracticed, staleness },
    need,
  };
}

export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
