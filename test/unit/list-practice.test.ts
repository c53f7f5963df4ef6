import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAttempt } from '../../src/core/history/append.js';
import { practiceFromSummary } from '../../src/core/history/practice.js';
import { peekSummary } from '../../src/core/history/summary-file.js';
import { loadSummary } from '../../src/core/history/summary-cache.js';
import { countTags } from '../../src/core/questions/tags.js';
import { practiceStatus } from '../../src/ui/render-list.js';
import { at, draft } from '../support/attempts.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-practice-'));
  file = join(dir, 'history.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (n: number, rating: 'again' | 'hard' | 'good' | 'easy') => recordAttempt(file, draft(n, { rating }), { now: at(n), timeZone: 'UTC' });

describe('practiceFromSummary', () => {
  it('is empty without a history', () => {
    expect(practiceFromSummary(loadSummary(file, { timeZone: 'UTC' }))).toEqual(new Map());
  });

  it('gives the last rating, attempts, last time and due date of each question, the same from the cache as from the history', () => {
    record(1, 'again');
    record(4, 'easy');
    const last = record(7, 'hard');
    const cached = peekSummary(file, 'UTC');
    expect(cached).toBeDefined();
    const practice = practiceFromSummary(cached!);
    expect(practice.get('q1')).toEqual({ attempts: 3, lastRating: 'hard', lastAt: last.at, due: last.card!.due });
    expect(practice.get('q2')).toBeUndefined();
    rmSync(join(dir, '.history.json.summary'));
    expect(practiceFromSummary(loadSummary(file, { timeZone: 'UTC' }))).toEqual(practice);
  });

  it('leaves out a question without a rating, and has no due date for one recorded before scheduling', () => {
    const summary = loadSummary(file, { timeZone: 'UTC' });
    summary.questions.old = { category: 'common', attempts: 1, lastAt: '2025-01-01T10:00:00.000Z', recentRatings: [3], recentScores: [], overTime: 0 };
    summary.questions.odd = { category: 'common', attempts: 1, lastAt: '2025-01-01T10:00:00.000Z', recentRatings: [], recentScores: [], overTime: 0 };
    expect([...practiceFromSummary(summary)]).toEqual([['old', { attempts: 1, lastRating: 'good', lastAt: '2025-01-01T10:00:00.000Z', due: undefined }]]);
  });
});

describe('practiceStatus', () => {
  const now = new Date('2026-11-29T15:00:00.000Z');
  it.each([
    [undefined, 'new'],
    [{ attempts: 1, lastRating: 'again' as const, lastAt: '', due: '2026-11-29T14:00:00.000Z' }, 'Again · now'],
    [{ attempts: 2, lastRating: 'hard' as const, lastAt: '', due: '2026-11-29T15:10:00.000Z' }, 'Hard · today'],
    [{ attempts: 2, lastRating: 'good' as const, lastAt: '', due: '2026-11-30T09:00:00.000Z' }, 'Good · in 1d'],
    [{ attempts: 3, lastRating: 'easy' as const, lastAt: '', due: '2026-12-12T09:00:00.000Z' }, 'Easy · in 13d'],
    [{ attempts: 3, lastRating: 'easy' as const, lastAt: '', due: '2027-03-08T09:00:00.000Z' }, 'Easy · in 99d'],
    [{ attempts: 4, lastRating: 'easy' as const, lastAt: '', due: '2027-03-09T09:00:00.000Z' }, 'Easy · in 14w'],
    [{ attempts: 5, lastRating: 'easy' as const, lastAt: '', due: '2029-12-01T09:00:00.000Z' }, 'Easy · in 3y'],
    [{ attempts: 1, lastRating: 'hard' as const, lastAt: '', due: 'not a date' }, 'Hard · soon'],
    [{ attempts: 1, lastRating: 'good' as const, lastAt: '', due: undefined }, 'Good'],
  ])('%j is %s', (practice, text) => {
    expect(practiceStatus(practice, now)).toBe(text);
  });
});

describe('countTags', () => {
  it('counts each question once per tag, most used first, then by name', () => {
    expect(countTags([{ tags: ['b', 'a'] }, { tags: ['a', 'a'] }, { tags: ['c', 'b'] }, { tags: [] }])).toEqual([
      { tag: 'a', questions: 2 },
      { tag: 'b', questions: 2 },
      { tag: 'c', questions: 1 },
    ]);
  });
});
