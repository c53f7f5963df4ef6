import { describe, expect, it } from 'vitest';
import { emptyExisting, noteExisting, planImport } from '../../src/core/history/import-plan.js';
import type { AttemptRecord, HistoryRecord } from '../../src/core/history/schema.js';
import { emptySummary } from '../../src/core/history/summary.js';
import { at, draft } from '../support/attempts.js';

const session = (id: string, n: number, label?: string): HistoryRecord => ({ type: 'session', id, at: at(n).toISOString(), ...(label ? { label } : {}) });
const attempt = (id: string, n: number, sessionId?: string): HistoryRecord => ({ type: 'attempt', id, ...draft(n), ...(sessionId ? { session: sessionId } : {}) });
const here = (records: HistoryRecord[]) => {
  const existing = emptyExisting();
  for (const r of records) noteExisting(existing, r);
  return existing;
};
const plan = (existing: HistoryRecord[], incoming: HistoryRecord[]) => planImport(here(existing), incoming, emptySummary(), at(1000));
const sessionsOf = (records: HistoryRecord[]) => records.filter((r) => r.type === 'attempt').map((r) => [r.id, (r as AttemptRecord).session]);

describe('planImport', () => {
  it('keeps ids of different record types apart: a session named like an attempt here is added', () => {
    const p = plan([attempt('x1', 1)], [session('x1', 2, 'x1'), attempt('y1', 3, 'x1')]);
    expect(p.records.map((r) => [r.type, r.id])).toEqual([['session', 'x1'], ['attempt', 'y1']]);
    expect(p).toMatchObject({ added: 1, duplicates: 0, sessions: 1, labels: [] });
  });

  it('gives a label taken here a free one, once per label, and says so', () => {
    const p = plan([session('s-a', 1, 'mock'), session('s-b', 2, 'mock-2')], [session('s-c', 3, 'mock'), attempt('y1', 4, 's-c'), session('s-d', 5, 'mock'), session('s-e', 6, 'fresh')]);
    const labels = p.records.filter((r) => r.type === 'session').map((r) => r.type === 'session' && [r.id, r.label]);
    expect(labels).toEqual([['s-c', 'mock-3'], ['s-d', 'mock-3'], ['s-e', 'fresh']]);
    expect(p.labels).toEqual([
      { label: 'mock', as: 'mock-3', session: 's-c' },
      { label: 'mock', as: 'mock-3', session: 's-d' },
    ]);
  });

  it('gives a session whose id is here for another session a new id, and its attempts follow it', () => {
    const p = plan([session('s-a', 1), attempt('x1', 2, 's-a')], [session('s-a', 7), attempt('y1', 8, 's-a')]);
    const [marker] = p.records;
    expect(marker?.id).toMatch(/^s-[0-9a-f]{10}$/);
    expect(sessionsOf(p.records)).toEqual([['y1', marker!.id]]);
    // The same session again (same id and time) is already here.
    expect(plan([session('s-a', 1)], [session('s-a', 1), attempt('x2', 2, 's-a')]).records.map((r) => r.id)).toEqual(['x2']);
  });

  it('leaves out what the batch itself undoes, keeps its rerates and the undo of an attempt here', () => {
    const incoming: HistoryRecord[] = [
      attempt('y1', 1),
      attempt('y2', 2),
      { type: 'undo', id: 'u1', at: at(3).toISOString(), attempt: 'y1' },
      { type: 'rerate', id: 'r1', at: at(3).toISOString(), attempt: 'y2', rating: 'easy' },
      { type: 'undo', id: 'u2', at: at(4).toISOString(), attempt: 'x1' },
    ];
    const p = plan([attempt('x1', 0)], incoming);
    expect(p.records.map((r) => r.id)).toEqual(['y2', 'r1', 'u2']);
    expect(p.records[0]).toMatchObject({ rating: 'good', card: { reps: 1 } });
    expect(p.added).toBe(1);
    // Imported twice: nothing new.
    const again = plan([attempt('x1', 0), ...p.records], incoming);
    expect(again.records).toEqual([]);
  });
});
