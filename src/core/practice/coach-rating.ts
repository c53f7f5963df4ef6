import type { Rating } from '../history/schema.js';

/** The self-rating a coach score stands for, when the user gives none. */
export function ratingFromScore(score: number): Rating {
  if (score < 40) return 'again';
  if (score < 60) return 'hard';
  if (score < 85) return 'good';
  return 'easy';
}

/** Scores where one rating ends and the next begins (see ratingFromScore). */
const EDGES = [40, 60, 85];
/** How far from every edge a score must be for its rating to count as a clear suggestion. */
export const CLEAR_MARGIN = 8;

/**
 * The rating the rating prompt starts on: the coach's suggestion when the score is clearly inside one band,
 * otherwise none, so that a stray Enter cannot save a rating nobody chose.
 */
export function preselectedRating(score: number | undefined): Rating | undefined {
  if (score === undefined) return undefined;
  return EDGES.every((edge) => Math.abs(score - edge) >= CLEAR_MARGIN) ? ratingFromScore(score) : undefined;
}
