import { describe, expect, it } from 'vitest';
import { followAliases } from '../../src/core/practice/follow-aliases.js';
import { emptySummary, type QuestionSummary } from '../../src/core/history/summary.js';

const entry = (lastAt: string, ratings: number[], due?: string): QuestionSummary => ({
  category: 'common',
  attempts: ratings.length,
  lastAt,
  recentRatings: ratings,
  recentScores: ratings.map((r) => r * 20),
  overTime: 0,
  ...(due ? { card: { due, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1, learning_steps: 0, reps: ratings.length, lapses: 0, state: 2 } } : {}),
});

describe('followAliases', () => {
  it('counts practice under an old id for the question that now lists it as an alias', () => {
    const summary = emptySummary();
    summary.questions['why-this-role'] = entry('2026-01-02T10:00:00Z', [2, 3], '2026-01-09T10:00:00Z');
    const out = followAliases(summary, [{ id: 'why-release-management', aliases: ['why-this-role'] }]);
    expect(Object.keys(out.questions)).toEqual(['why-release-management']);
    expect(out.questions['why-release-management']?.recentRatings).toEqual([2, 3]);
    expect(summary.questions['why-this-role']).toBeDefined();
  });

  it('joins both ids in time order and keeps the card of the later review', () => {
    const summary = emptySummary();
    summary.questions.old = entry('2026-01-01T10:00:00Z', [1, 1], '2026-01-02T10:00:00Z');
    summary.questions.new = entry('2026-02-01T10:00:00Z', [3, 4, 4, 4], '2026-03-01T10:00:00Z');
    const out = followAliases(summary, [{ id: 'new', aliases: ['old'] }]);
    expect(out.questions.new).toMatchObject({ attempts: 6, lastAt: '2026-02-01T10:00:00Z', recentRatings: [1, 3, 4, 4, 4] });
    expect(out.questions.new?.card?.due).toBe('2026-03-01T10:00:00Z');
  });

  it('returns the same summary when no alias has practice', () => {
    const summary = emptySummary();
    summary.questions.a = entry('2026-01-01T10:00:00Z', [3]);
    expect(followAliases(summary, [{ id: 'a', aliases: ['gone'] }, { id: 'b' }])).toBe(summary);
  });
});
