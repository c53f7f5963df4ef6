import type { Rating } from '../core/history/ratings.js';

/** The ratings as the rating prompt names them. */
export const RATING_WORD: Record<Rating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

const BY_VALUE = ['Again', 'Hard', 'Good', 'Easy'] as const;

/** A mean of ratings (1 Again .. 4 Easy) in words: "Hard (2.4 of 4)", the nearest rating first. */
export function describeAverageRating(average: number): string {
  const nearest = BY_VALUE[Math.min(3, Math.max(0, Math.round(average) - 1))];
  return `${nearest} (${average.toFixed(1)} of 4)`;
}
