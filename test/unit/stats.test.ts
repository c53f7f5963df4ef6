import { describe, expect, it } from 'vitest';
import type { AttemptRecord, Rating } from '../../src/core/history/schema.js';
import { summarize } from '../../src/core/history/summary.js';
import { activityOf, computeStats, streakOf } from '../../src/core/practice/stats.js';
import { scheduleReview } from '../../src/core/practice/schedule.js';
import { makeBank } from '../support/questions.js';

const NOW = new Date('2026-05-20T18:00:00Z');
const DAY = 86_400_000;

function attempt(id: string, daysAgo: number, rating: Rating, score?: number): AttemptRecord {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  return {
    type: 'attempt',
    id: `${id}-${daysAgo}`,
    questionId: id,
    category: id.split('-')[0] as AttemptRecord['category'],
    at: at.toISOString(),
    rating,
    mode: 'typed',
    seconds: 60,
    ...(score !== undefined ? { score } : {}),
    card: scheduleReview(undefined, rating, at),
  };
}

describe('streakOf', () => {
  it.each([
    ['practised today and the two days before', ['2026-05-18', '2026-05-19', '2026-05-20'], 3, true],
    ['not yet today, but yesterday and the day before', ['2026-05-18', '2026-05-19'], 2, false],
    ['a gap two days ago', ['2026-05-16', '2026-05-17', '2026-05-19', '2026-05-20'], 2, true],
    ['nothing recent', ['2026-04-01'], 0, false],
  ])('%s', (_name, days, current, today) => {
    const streak = streakOf(Object.fromEntries(days.map((d) => [d, 1])), NOW);
    expect(streak.current).toBe(current);
    expect(streak.practicedToday).toBe(today);
  });

  it('remembers the longest run', () => {
    const days = ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-05-20'];
    expect(streakOf(Object.fromEntries(days.map((d) => [d, 2])), NOW)).toEqual({ current: 1, longest: 4, practicedToday: true });
  });
});

describe('activityOf', () => {
  it('gives 14 days ending today, zero where nothing happened', () => {
    const activity = activityOf({ '2026-05-20': 3, '2026-05-07': 1, '2026-05-06': 9 }, NOW);
    expect(activity).toHaveLength(14);
    expect(activity[0]).toEqual({ date: '2026-05-07', attempts: 1 });
    expect(activity[13]).toEqual({ date: '2026-05-20', attempts: 3 });
    expect(activity.reduce((a, d) => a + d.attempts, 0)).toBe(4);
  });
});

describe('computeStats', () => {
  const bank = makeBank(3);
  const history = [
    attempt('common-1', 0, 'easy', 90),
    attempt('common-2', 1, 'good', 70),
    attempt('technical-1', 5, 'again', 20),
    attempt('technical-1', 3, 'hard', 35),
  ];
  const stats = computeStats(bank, summarize(history), NOW);

  it('counts questions, attempts and practice per category', () => {
    expect(stats.totalAttempts).toBe(4);
    expect(stats.practiced).toBe(3);
    const common = stats.categories.find((c) => c.category === 'common')!;
    expect(common).toMatchObject({ questions: 3, practiced: 2, attempts: 2, averageRating: 3.5, averageScore: 80 });
    const technical = stats.categories.find((c) => c.category === 'technical')!;
    expect(technical).toMatchObject({ practiced: 1, attempts: 2, averageRating: 1.5, averageScore: 28 });
  });

  it('ranks categories by need, untouched first, and recommends the neediest', () => {
    expect(stats.categories.map((c) => c.category)).toEqual(['behavioral', 'technical', 'common']);
    expect(stats.categories[0]!.need).toBe(100);
    expect(stats.next?.command).toMatch(/^rmprep drill/);
  });

  it('lists the weakest practised questions and what is due', () => {
    const technical = stats.categories.find((c) => c.category === 'technical')!;
    expect(technical.weakest.map((w) => w.id)).toEqual(['technical-1']);
    expect(stats.dueToday).toBeGreaterThanOrEqual(1);
    expect(stats.dueThisWeek).toBeGreaterThanOrEqual(stats.dueToday);
    expect(stats.streak.current).toBe(2);
  });
});
