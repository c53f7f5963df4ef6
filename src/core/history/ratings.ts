// Plain data, apart from schema.ts, so the command manifest can offer the ratings without a schema library.
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type Rating = (typeof RATINGS)[number];
