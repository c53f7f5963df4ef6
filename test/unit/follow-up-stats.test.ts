import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../src/core/history/schema.js';
import { checkSummary } from '../../src/core/history/summary-file.js';
import { summarize } from '../../src/core/history/summary.js';

const attempt = (id: string, followUps?: AttemptRecord['followUps']): AttemptRecord => ({
  type: 'attempt',
  id,
  questionId: 'q',
  category: 'technical',
  at: '2026-03-08T09:00:00.000Z',
  rating: 'good',
  mode: 'typed',
  seconds: 30,
  ...(followUps ? { followUps } : {}),
});

describe('follow-ups in the history summary', () => {
  it('counts follow-ups asked, judged and recovered', () => {
    const summary = summarize([
      attempt('a1', [{ question: 'How would you undo it?', probes: 'rollback', answer: 'Roll back.', heard: true }]),
      attempt('a2', [
        { question: 'What do you watch?', probes: 'metrics', answer: 'Not sure.', heard: false },
        { question: 'Who signs off?', probes: null, heard: null },
      ]),
      attempt('a3'),
    ]);
    expect(summary.followUps).toEqual({ asked: 3, judged: 2, recovered: 1 });
  });

  it('rebuilds a cached summary written before follow-ups were counted', () => {
    const fresh = summarize([attempt('a1')]);
    expect(checkSummary(JSON.parse(JSON.stringify(fresh)))).toBeDefined();
    const { followUps: _dropped, ...old } = fresh;
    expect(checkSummary(JSON.parse(JSON.stringify(old)))).toBeUndefined();
  });
});
