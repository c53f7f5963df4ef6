import type { Rating } from '../history/schema.js';

/** The self-rating a coach score stands for, when the user gives none. */
export function ratingFromScore(score: number): Rating {
  if (score < 40) return 'again';
  if (score < 60) return 'hard';
  if (score < 85) return 'good';
  return 'easy';
}
