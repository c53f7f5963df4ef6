import { describe, expect, it } from 'vitest';
import type { HistoryRecord } from '../../src/core/history/schema.js';
import { placeScriptedAttempt } from '../../src/core/practice/scripted-session.js';
import { createRng } from '../../src/core/random.js';

const at = (time: string) => `2026-05-04T${time}:00.000Z`;
const attempt = (id: string, time: string, session?: string): HistoryRecord => ({
  type: 'attempt',
  id,
  questionId: 'release-process',
  category: 'common',
  at: at(time),
  rating: 'good',
  mode: 'typed',
  seconds: 0,
  ...(session ? { session } : {}),
});
const scripted = (id: string, time: string): HistoryRecord => ({ type: 'session', id, at: at(time), scripted: true });
const drilled = (id: string, time: string): HistoryRecord => ({ type: 'session', id, at: at(time) });
const place = (records: HistoryRecord[], time: string, name?: string) => placeScriptedAttempt(records, { name, now: new Date(at(time)), rng: createRng('s') });

describe('placeScriptedAttempt', () => {
  it('starts a scripted session on an empty history', () => {
    const p = place([], '09:00');
    expect(p.id).toMatch(/^2026-05-04-[0-9a-f]{6}$/);
    expect(p.marker).toEqual({ type: 'session', id: p.id, at: at('09:00'), scripted: true });
  });

  it('joins the scripted session of an attempt under an hour old', () => {
    const records = [scripted('s1', '09:00'), attempt('a1', '09:00', 's1'), attempt('a2', '09:40', 's1')];
    expect(place(records, '10:35')).toEqual({ id: 's1', marker: undefined });
  });

  it('starts a new session after a gap of over an hour', () => {
    const records = [scripted('s1', '09:00'), attempt('a1', '09:00', 's1')];
    const p = place(records, '10:01');
    expect(p.id).not.toBe('s1');
    expect(p.marker?.scripted).toBe(true);
  });

  it('never joins a drill session or an attempt without a session', () => {
    expect(place([drilled('d1', '09:00'), attempt('a1', '09:05', 'd1')], '09:10').id).not.toBe('d1');
    expect(place([attempt('a1', '09:05')], '09:10').marker).toBeDefined();
  });

  it('starts a named session once, with a generated id and the name as label, then joins it whatever the gap', () => {
    const first = place([], '09:00', 'monday-round');
    expect(first.id).toMatch(/^2026-05-04-[0-9a-f]{6}$/);
    expect(first.marker).toEqual({ type: 'session', id: first.id, label: 'monday-round', at: at('09:00'), scripted: true });
    expect(place([first.marker!, attempt('a1', '09:00', first.id)], '18:00', 'monday-round')).toEqual({ id: first.id, marker: undefined });
  });

  it('joins the newest session of a label, never a session whose id merely equals the name', () => {
    const older = { type: 'session', id: 'old-1', label: 'mock', at: at('08:00'), scripted: true } as HistoryRecord;
    const newer = { type: 'session', id: 'new-1', label: 'mock', at: at('09:00'), scripted: true } as HistoryRecord;
    const namedById = { type: 'session', id: 'mock', label: 'other', at: at('09:30'), scripted: true } as HistoryRecord;
    expect(place([older, newer, namedById], '10:00', 'mock')).toEqual({ id: 'new-1', marker: undefined });
    // A marker kept from before labels (a rescue file of that time) is named by its id.
    expect(place([scripted('legacy', '09:00')], '10:00', 'legacy')).toEqual({ id: 'legacy', marker: undefined });
  });

  it.each(['', 'two words', 'a/b', '../x', '-dash-first', 'x'.repeat(65)])('refuses the session name %j', (name) => {
    expect(() => place([], '09:00', name)).toThrow(/--session needs a name/);
  });
});
