import { describe, expect, it } from 'vitest';
import { scheduleReview } from '../../src/core/practice/schedule.js';

const NOW = new Date('2026-12-05T09:00:00.000Z');
const minutesUntil = (iso: string) => (Date.parse(iso) - NOW.getTime()) / 60_000;

describe('schedule of a new question', () => {
  it('brings Again and Hard back within minutes, in the same session', () => {
    expect(minutesUntil(scheduleReview(undefined, 'again', NOW).due)).toBe(1);
    expect(minutesUntil(scheduleReview(undefined, 'hard', NOW).due)).toBe(2);
  });

  it.each(['good', 'easy'] as const)('does not bring %s back the same day', (rating) => {
    const card = scheduleReview(undefined, rating, NOW);
    expect(card.due.slice(0, 10) > NOW.toISOString().slice(0, 10)).toBe(true);
    expect(minutesUntil(card.due)).toBeGreaterThanOrEqual(24 * 60);
  });

  it('graduates a question rated Again once it is then rated Good', () => {
    const first = scheduleReview(undefined, 'again', NOW);
    const later = new Date(NOW.getTime() + 5 * 60_000);
    const second = scheduleReview(first, 'good', later);
    expect(Date.parse(second.due) - later.getTime()).toBeGreaterThanOrEqual(24 * 3600_000);
  });
});
