import { describe, expect, it } from 'vitest';
import type { AttemptRecord, Rating } from '../../src/core/history/schema.js';
import { applyRecord, emptySummary, type Summary } from '../../src/core/history/summary.js';
import { rankCategories } from '../../src/core/practice/need.js';
import { createRng } from '../../src/core/random.js';
import { scheduleReview } from '../../src/core/practice/schedule.js';
import { orderQuestions } from '../../src/core/practice/select.js';
import { makeBank } from '../support/questions.js';

const START = Date.parse('2026-01-05T19:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Rates a question at `now` the way the store does: the next card continues from the last one. */
function review(summary: Summary, id: string, category: AttemptRecord['category'], rating: Rating, now: Date): AttemptRecord {
  const card = scheduleReview(summary.questions[id]?.card, rating, now);
  const attempt: AttemptRecord = { type: 'attempt', id: `${id}-${now.getTime()}`, questionId: id, category, at: now.toISOString(), rating, mode: 'typed', seconds: 60, card };
  applyRecord(summary, attempt);
  return attempt;
}

/** Reviews one question every time it is due, checking every hour for 60 days; returns review times. */
function reviewWheneverDue(rating: Rating): { times: number[]; nextDue: number } {
  const summary = emptySummary();
  const times: number[] = [];
  for (let t = START; t < START + 60 * DAY; t += HOUR) {
    const card = summary.questions.q?.card;
    if (!card || Date.parse(card.due) <= t) {
      review(summary, 'q', 'common', rating, new Date(t));
      times.push(t);
    }
  }
  return { times, nextDue: Date.parse(summary.questions.q!.card!.due) };
}

describe('60 days of simulated practice', () => {
  it('brings a question always rated Again back soon and often', () => {
    const { times, nextDue } = reviewWheneverDue('again');
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(times.length).toBeGreaterThan(60);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(DAY);
    expect(nextDue - (times.at(-1) as number)).toBeLessThanOrEqual(DAY);
  });

  it('moves a question always rated Easy weeks out', () => {
    const { times, nextDue } = reviewWheneverDue('easy');
    const gaps = [...times.slice(1), nextDue].map((t, i) => t - (times[i] as number));
    expect(times.length).toBeLessThanOrEqual(3);
    // Each interval is longer than the one before, and the last reaches weeks (past the 60 days here).
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1] as number);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(21 * DAY);
    expect(nextDue).toBeGreaterThan(START + 60 * DAY);
  });

  it('ranks a category left unpractised as the neediest', () => {
    const bank = makeBank(4);
    const summary = emptySummary();
    const rng = createRng('learner');
    for (let day = 0; day < 60; day++) {
      const now = new Date(START + day * DAY);
      for (const q of bank.filter((q) => q.category !== 'behavioral')) {
        if (rng() < 0.5) review(summary, q.id, q.category, rng() < 0.8 ? 'good' : 'hard', now);
      }
    }
    const ranking = rankCategories(bank, summary, new Date(START + 60 * DAY));
    expect(ranking[0]?.category).toBe('behavioral');
    expect(ranking[0]?.need).toBeCloseTo(1, 5);
    expect(ranking[1]!.need).toBeLessThan(0.5);
  });

  it('raises the need of a category as it goes stale', () => {
    const bank = makeBank(2);
    const summary = emptySummary();
    for (const q of bank) review(summary, q.id, q.category, 'good', new Date(START));
    const soon = rankCategories(bank, summary, new Date(START + DAY)).find((n) => n.category === 'common')!;
    const later = rankCategories(bank, summary, new Date(START + 20 * DAY)).find((n) => n.category === 'common')!;
    expect(later.need).toBeGreaterThan(soon.need);
    expect(later.parts.staleness).toBe(1);
  });

  it('never picks a question that is not due while one that is due exists in the chosen category', () => {
    const bank = makeBank(5);
    const summary = emptySummary();
    const rng = createRng(7);
    const ratings: Rating[] = ['again', 'hard', 'good', 'easy'];
    let dueSeen = 0;
    for (let step = 0; step < 60 * 3; step++) {
      const now = new Date(START + step * 8 * HOUR);
      for (const category of ['common', 'behavioral', 'technical'] as const) {
        const pool = bank.filter((q) => q.category === category);
        const [pick] = orderQuestions(pool, summary, { now, rng, mode: 'strict' });
        const dueExists = pool.some((q) => {
          const card = summary.questions[q.id]?.card;
          return card !== undefined && Date.parse(card.due) <= now.getTime();
        });
        if (dueExists) {
          dueSeen++;
          expect(pick?.reason).toBe('due');
          expect(Date.parse(pick!.due!)).toBeLessThanOrEqual(now.getTime());
        }
        if (pick && rng() < 0.6) review(summary, pick.question.id, category, ratings[Math.floor(rng() * 4)]!, now);
      }
    }
    expect(dueSeen).toBeGreaterThan(50);
  });
});

describe('orderQuestions', () => {
  it('is reproducible with the same seed and differs with another', () => {
    const bank = makeBank(6);
    const ids = (seed: string) => orderQuestions(bank, emptySummary(), { now: new Date(START), rng: createRng(seed) }).map((p) => p.question.id);
    expect(ids('a')).toEqual(ids('a'));
    expect(ids('a')).not.toEqual(ids('b'));
    expect(new Set(ids('a')).size).toBe(bank.length);
  });

  it('puts due questions first, longest overdue first, and --due / --new restrict the list', () => {
    const bank = makeBank(3);
    const summary = emptySummary();
    review(summary, 'technical-1', 'technical', 'again', new Date(START));
    review(summary, 'common-1', 'common', 'again', new Date(START + HOUR));
    review(summary, 'behavioral-1', 'behavioral', 'easy', new Date(START));
    const now = new Date(START + 2 * DAY);
    const order = orderQuestions(bank, summary, { now, rng: createRng(1) });
    expect(order.slice(0, 2).map((p) => p.question.id)).toEqual(['technical-1', 'common-1']);
    expect(orderQuestions(bank, summary, { now, rng: createRng(1), only: 'due' }).map((p) => p.question.id)).toEqual(['technical-1', 'common-1']);
    const fresh = orderQuestions(bank, summary, { now, rng: createRng(1), only: 'new' });
    expect(fresh).toHaveLength(6);
    expect(fresh.every((p) => p.reason === 'new')).toBe(true);
  });

  it('weights a drill toward the category that needs practice most', () => {
    const bank = makeBank(10);
    const summary = emptySummary();
    for (const q of bank.filter((q) => q.category !== 'technical')) review(summary, q.id, q.category, 'easy', new Date(START));
    const counts = { common: 0, behavioral: 0, technical: 0 };
    for (let seed = 0; seed < 50; seed++) {
      const first5 = orderQuestions(bank, summary, { now: new Date(START + HOUR), rng: createRng(seed) }).slice(0, 5);
      for (const p of first5) counts[p.question.category]++;
    }
    expect(counts.technical).toBeGreaterThan(counts.common + counts.behavioral);
  });
});
