import { describe, expect, it } from 'vitest';
import { emptySummary } from '../../src/core/history/summary.js';
import { orderQuestions } from '../../src/core/practice/select.js';
import { computeStats } from '../../src/core/practice/stats.js';
import { createRng } from '../../src/core/random.js';
import { makeBank } from '../support/questions.js';

describe('next and stats on a fresh history', () => {
  it.each(['1', '2', '3', '4', '5', '6', '7', '8'])('recommend the same category (seed %s)', (seed) => {
    const bank = makeBank(4);
    const now = new Date('2026-02-01T10:00:00Z');
    const summary = emptySummary();
    const [pick] = orderQuestions(bank, summary, { now, rng: createRng(seed), mode: 'strict' });
    expect(pick?.question.category).toBe(computeStats(bank, summary, now).next?.category);
  });
});
