import { describe, expect, it } from 'vitest';
import { findAttempt, latestAttempt } from '../../src/core/history/attempt-id.js';
import type { AttemptRecord } from '../../src/core/history/schema.js';

const attempt = (id: string, at: string): AttemptRecord => ({ type: 'attempt', id, at, questionId: 'q', category: 'common', rating: 'good', mode: 'typed', seconds: 1 }) as AttemptRecord;
const records = [attempt('abc123', '2026-12-01T10:00:00.000Z'), attempt('abd456', '2026-12-02T10:00:00.000Z'), attempt('ffe789', '2026-11-30T10:00:00.000Z')];

describe('finding an attempt by its id', () => {
  it('takes the full id or any unique start of it, in any case', () => {
    expect(findAttempt(records, 'abc123').id).toBe('abc123');
    expect(findAttempt(records, 'ABD').id).toBe('abd456');
    expect(findAttempt(records, 'f').id).toBe('ffe789');
  });

  it('refuses a start shared by several ids, and one no id has', () => {
    expect(() => findAttempt(records, 'ab')).toThrow(/starts 2 attempt ids/);
    expect(() => findAttempt(records, 'x')).toThrow(/no attempt "x"/);
    expect(() => findAttempt(records, ' ')).toThrow(/an attempt id is needed/);
  });

  it('the latest attempt is the one with the latest time, not the last line', () => {
    expect(latestAttempt(records)?.id).toBe('abd456');
    expect(latestAttempt([])).toBeUndefined();
  });
});
