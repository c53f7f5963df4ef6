// Plain data, apart from schema.ts, so the command manifest can offer the ratings without a schema library.
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof RATINGS)[number];

/** Ratings as numbers, 1 (again) to 4 (easy), for averages. */
export const RATING_VALUE: Record<Rating, number> = { again: 1, hard: 2, good: 3, easy: 4 };
