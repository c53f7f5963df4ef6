import type { AttemptDraft } from '../../src/core/history/schema.js';

/** When test histories start; attempt n is made n minutes later. */
export const T0 = Date.parse('2026-03-01T10:00:00Z');
export const at = (n: number): Date => new Date(T0 + n * 60_000);

/**
 * The n-th attempt of a test history, over three questions. Its answer names n and holds a multi-byte
 * character, so that a line cut in the middle of one shows.
 */
export function draft(n: number, over: Partial<AttemptDraft> = {}): AttemptDraft {
  return {
    questionId: `q${n % 3}`,
    category: 'common',
    at: at(n).toISOString(),
    rating: 'good',
    mode: 'typed',
    seconds: 30,
    answer: `answer ${n}: rolled back in 4 minutes ✓`,
    ...over,
  };
}
