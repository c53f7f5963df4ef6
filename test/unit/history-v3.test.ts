import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHistoryText } from '../../src/core/history/parse.js';
import { foldRecords } from '../../src/core/history/fold.js';
import type { AttemptRecord, HistoryRecord } from '../../src/core/history/schema.js';
import { appendRerate, appendUndo, loadSummary, readHistory, recordAttempt } from '../../src/core/history/store.js';
import { readPractice } from '../../src/core/history/summary-cache.js';
import { summarize } from '../../src/core/history/summary.js';
import { nextCard } from '../../src/core/history/upgrade.js';
import { at, draft } from '../support/attempts.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-v3-'));
  file = join(dir, 'history.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const V3 = '{"rmprep":"history","version":3}';
const line = (r: object) => JSON.stringify(r);
const attempt = (id: string, n: number, over: Partial<AttemptRecord> = {}) => ({ type: 'attempt', id, ...draft(n), ...over });

describe('history format 3', () => {
  it('reads every new field of an attempt, a labelled session, undo and rerate records', () => {
    const full = attempt('a1', 1, {
      score: 70,
      wordsScore: 55,
      reading: { model: 'small-model', origin: 'http://127.0.0.1:8080' },
      credits: [{ point: 'rollback-plan', by: 'model', quote: 'rolled back' }],
      followUps: [
        { question: 'What did you tell the team?', probes: 'comms', answer: 'that we paused', heard: true },
        { question: 'And after?', probes: null, heard: null },
      ],
    });
    const text = [V3, line({ type: 'session', id: 's-1', label: 'mock', at: at(0).toISOString() }), line(full), line(attempt('a2', 2, { reading: 'words', mode: 'editor' })), line({ type: 'undo', id: 'u1', at: at(3).toISOString(), attempt: 'a2' }), line({ type: 'rerate', id: 'r1', at: at(4).toISOString(), attempt: 'a1', rating: 'easy' })].join('\n');
    const parsed = parseHistoryText(`${text}\n`);
    expect(parsed.bad).toEqual([]);
    expect(parsed.records.map((r) => r.type)).toEqual(['session', 'attempt', 'attempt', 'undo', 'rerate']);
    expect(parsed.records[1]).toMatchObject({ wordsScore: 55, reading: { model: 'small-model' }, credits: [{ by: 'model' }], followUps: [{ heard: true }, { probes: null, heard: null }] });
    expect(parsed.records[0]).toMatchObject({ id: 's-1', label: 'mock' });
  });

  it('skips record types and fields it does not know, and still refuses damaged records of the types it knows', () => {
    const text = [
      V3,
      line({ type: 'bookmark', id: 'b1', at: at(0).toISOString(), note: 'from a newer rmprep' }),
      line({ ...attempt('a1', 1), mood: 'tired', extra: { nested: true } }),
      line({ type: 'rerate', id: 'r1', at: at(2).toISOString(), attempt: 'a1', rating: 'superb' }),
      line({ type: 'undo', id: 'u1', at: at(2).toISOString() }),
      line({ id: 'no-type' }),
      line({ ...attempt('a3', 3), rating: 'fine' }),
    ].join('\n');
    const parsed = parseHistoryText(`${text}\n`);
    expect(parsed.records.map((r) => r.id)).toEqual(['a1']);
    expect(parsed.records[0]).not.toHaveProperty('mood');
    expect(parsed.bad.map((b) => b.line)).toEqual([4, 5, 6, 7]);
  });

  it('upgrades version 2 named sessions to generated ids with the name as label, keeping attempts with their session', () => {
    const v2 = [
      '{"rmprep":"history","version":2}',
      line({ type: 'session', id: 'mock', at: at(0).toISOString(), scripted: true }),
      line(attempt('a1', 1, { session: 'mock' })),
      line({ type: 'session', id: '2026-03-01-abc123', at: at(2).toISOString() }),
      line(attempt('a2', 3, { session: '2026-03-01-abc123' })),
      line({ type: 'session', id: 'mock', at: at(5).toISOString(), scripted: true }),
      line(attempt('mock', 6, { session: 'mock' })),
    ];
    writeFileSync(file, `${v2.join('\n')}\n`);
    const before = readHistory(file).records;
    const sessions = before.filter((r) => r.type === 'session');
    expect(sessions.map((s) => s.type === 'session' && s.label)).toEqual(['mock', undefined, 'mock']);
    expect(sessions[1]!.id).toBe('2026-03-01-abc123');
    const [first, , second] = sessions.map((s) => s.id);
    expect(first).toMatch(/^s-[0-9a-f]{10}$/);
    expect(second).not.toBe(first);
    const bySession = (records: HistoryRecord[]) => records.filter((r): r is AttemptRecord => r.type === 'attempt').map((r) => [r.id, r.session]);
    expect(bySession(before)).toEqual([['a1', first], ['a2', '2026-03-01-abc123'], ['mock', second]]);
    // The upgrade on the next write gives the same ids as the read of the old file.
    recordAttempt(file, draft(9), { now: at(9) });
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(V3);
    const after = readHistory(file).records;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(readFileSync(`${file}.v2.bak`, 'utf8')).toBe(`${v2.join('\n')}\n`);
  });

  it('reads a version 1 file with scheduling state worked out', () => {
    writeFileSync(file, `{"rmprep":"history","version":1}\n${line({ ...attempt('a1', 0), card: undefined })}\n${line(attempt('a2', 3))}\n`);
    const cards = readHistory(file).records.map((r) => (r.type === 'attempt' ? r.card?.reps : undefined));
    expect(cards).toEqual([1, 2]);
  });
});

describe('undo and rerate, folded for every reader', () => {
  const seed = () => {
    const made = [0, 3, 6, 1, 9].map((n) => recordAttempt(file, draft(n, { rating: n === 3 ? 'again' : 'good' }), { now: at(n), newId: () => `a${n}` }));
    return made;
  };

  it('leaves an undone attempt out of the records, the summary and the practice, and reschedules its question', () => {
    seed();
    appendUndo(file, 'a3', { now: at(20), newId: () => 'u1' });
    const records = readHistory(file).records;
    expect(records.map((r) => r.id)).toEqual(['a0', 'a6', 'a1', 'a9']);
    // q0's schedule, from its remaining attempts in order: a0, a6, a9.
    let card = undefined;
    for (const n of [0, 6, 9]) card = nextCard(card, 'good', at(n).toISOString());
    const summary = loadSummary(file);
    expect(summary.questions.q0).toMatchObject({ attempts: 3, card, recentRatings: [3, 3, 3] });
    expect(summary.total).toBe(4);
    expect(summary).toEqual(summarize(records));
    expect(readPractice(file).get('q0')).toMatchObject({ attempts: 3, lastRating: 'good', due: card!.due });
  });

  it('counts a rerated attempt with its new rating, the newest rerate winning, and undo beating rerate', () => {
    seed();
    appendRerate(file, 'a0', 'hard', { now: at(20) });
    appendRerate(file, 'a0', 'easy', { now: at(21) });
    appendRerate(file, 'a1', 'again', { now: at(22) });
    appendUndo(file, 'a1', { now: at(23) });
    const records = readHistory(file).records;
    expect(records.find((r) => r.id === 'a0')).toMatchObject({ rating: 'easy' });
    expect(records.some((r) => r.id === 'a1')).toBe(false);
    let card = undefined;
    for (const [n, rating] of [[0, 'easy'], [3, 'again'], [6, 'good'], [9, 'good']] as const) card = nextCard(card, rating, at(n).toISOString());
    expect(loadSummary(file).questions.q0!.card).toEqual(card);
    expect(loadSummary(file).questions.q1).toBeUndefined();
  });

  it('gives the same summary from the cache, from a replayed tail holding an undo, and from scratch', () => {
    seed();
    loadSummary(file);
    appendFileSync(file, `${line({ type: 'undo', id: 'by-hand', at: at(30).toISOString(), attempt: 'a6' })}\n`);
    const replayed = loadSummary(file);
    expect(replayed.questions.q0!.attempts).toBe(3);
    expect(replayed).toEqual(summarize(readHistory(file).records));
    // The next attempt continues from the folded schedule.
    const next = recordAttempt(file, draft(12), { now: at(40) });
    let card = undefined;
    for (const n of [0, 3, 9, 12]) card = nextCard(card, n === 3 ? 'again' : 'good', at(n).toISOString());
    expect(next.card).toEqual(card);
  });

  it('refuses an unknown or already undone attempt without writing anything', () => {
    seed();
    const before = readFileSync(file);
    expect(() => appendUndo(file, 'nope', { now: at(20) })).toThrow(/no attempt "nope"/);
    expect(() => appendRerate(file, 'nope', 'easy', { now: at(20) })).toThrow(/no attempt "nope"/);
    expect(readFileSync(file).equals(before)).toBe(true);
    appendUndo(file, 'a0', { now: at(20) });
    expect(() => appendUndo(file, 'a0', { now: at(21) })).toThrow(/undone already/);
  });

  it('folds a list of records the same way in memory', () => {
    const records = [attempt('x', 0), attempt('y', 3), { type: 'undo', id: 'u', at: at(5).toISOString(), attempt: 'x' }, { type: 'rerate', id: 'r', at: at(5).toISOString(), attempt: 'y', rating: 'hard' }] as HistoryRecord[];
    const folded = foldRecords(records);
    expect(folded).toHaveLength(1);
    expect(folded[0]).toMatchObject({ id: 'y', rating: 'hard', card: nextCard(undefined, 'hard', at(3).toISOString()) });
  });
});
