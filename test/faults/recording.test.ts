import * as fs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HistoryError } from '../../src/core/history/errors.js';
import type { HistoryRecord } from '../../src/core/history/schema.js';
import { importRecords, loadSummary, readHistory, recordAttempt } from '../../src/core/history/store.js';
import { summarize } from '../../src/core/history/summary.js';
import { makeHome, runCli } from '../helpers/cli.js';
import { at, draft, HEADER, scratch } from './helpers.js';
import { openSealed, sealText } from '../../src/core/cache-seal.js';

let root: ReturnType<typeof scratch>;
let home: ReturnType<typeof makeHome>;
beforeAll(() => {
  root = scratch();
  home = makeHome();
});
afterAll(() => {
  root?.cleanup();
  home?.cleanup();
});

let dir: string;
let file: string;
let rescueDir: string;
let n = 0;
beforeEach(() => {
  dir = join(root.dir, `case-${++n}`);
  file = join(dir, 'history.json');
  rescueDir = join(dir, 'rescue');
  mkdirSync(rescueDir, { recursive: true });
});

/** The error a store call threw, or a failure when it threw none. */
function errorOf(fn: () => unknown): HistoryError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HistoryError);
    return err as HistoryError;
  }
  throw new Error('expected the call to fail');
}

/** The one rescue file, named in the hint, and the records it holds. */
function rescued(err: HistoryError): HistoryRecord[] {
  const names = readdirSync(rescueDir);
  expect(names).toHaveLength(1);
  const path = join(rescueDir, names[0]!);
  expect(err.hint).toContain(`the attempt is kept in ${path}; add it back with: rmprep history --import ${path}`);
  return readHistory(path).records;
}

const attemptLine = (id: string, over: Record<string, unknown> = {}) => JSON.stringify({ type: 'attempt', id, ...draft(1), ...over });

describe('a rated answer is never lost', () => {
  it('a drill answer whose write fails keeps its session marker and the attempt together in the rescue file', () => {
    const full = { ...fs, openSync: ((p: string, f: string) => (f === 'a' ? fail('ENOSPC') : fs.openSync(p, f))) as typeof fs.openSync };
    const err = errorOf(() =>
      recordAttempt(file, draft(1, { session: 's1' }), { now: at(1), fs: full, rescueDir, session: { id: 's1', at: at(1).toISOString() } }),
    );
    const kept = rescued(err);
    expect(kept.map((r) => r.type)).toEqual(['session', 'attempt']);
    expect(kept[1]).toMatchObject({ type: 'attempt', answer: draft(1).answer, session: 's1' });
    expect(readHistory(file).records).toEqual([]);
  });

  it('the session marker and the first attempt go into the history in one append', () => {
    recordAttempt(file, draft(1, { session: 's1' }), { now: at(1), session: { id: 's1', at: at(1).toISOString() } });
    expect(readHistory(file).records.map((r) => r.type)).toEqual(['session', 'attempt']);
  });

  it('a lock that stays taken: the attempt is kept, and the message says so', () => {
    recordAttempt(file, draft(0), { now: at(0) });
    // A live process that is not this one holds it (the test runner's parent).
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, at: new Date().toISOString() }));
    const err = errorOf(() => recordAttempt(file, draft(1, { answer: 'typed under a lock' }), { now: at(1), rescueDir, lockTimeoutMs: 200 }));
    expect(err.kind).toBe('locked');
    expect(err.message).toMatch(/the attempt was not saved$/);
    expect(rescued(err)).toMatchObject([{ type: 'attempt', answer: 'typed under a lock' }]);
    expect(readHistory(file).records).toHaveLength(1);
  });

  it('a damaged history: the attempt is kept beside the advice to repair', () => {
    recordAttempt(file, draft(0), { now: at(0) });
    fs.appendFileSync(file, '{"type":"attempt", broken\n');
    const before = readFileSync(file);
    const err = errorOf(() => recordAttempt(file, draft(1, { answer: 'kept despite damage' }), { now: at(1), rescueDir }));
    expect(err.kind).toBe('corrupt');
    expect(err.hint).toContain('rmprep history --repair');
    expect(rescued(err)).toMatchObject([{ answer: 'kept despite damage' }]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('an internal error while writing: the attempt is kept', () => {
    const broken = { ...fs, readSync: (() => { throw new TypeError('Cannot read properties of undefined'); }) as never };
    recordAttempt(file, draft(0), { now: at(0) });
    const err = errorOf(() => recordAttempt(file, draft(1, { answer: 'kept despite a bug' }), { now: at(1), fs: broken, rescueDir }));
    expect(err.message).toContain('Cannot read properties of undefined');
    expect(rescued(err)).toMatchObject([{ answer: 'kept despite a bug' }]);
  });
});

describe('the summary cache is checked like any input', () => {
  it.each([
    ['a null question entry', (s: Record<string, unknown>) => ((s.questions as Record<string, unknown>).q1 = null)],
    ['a question entry of the wrong shape', (s: Record<string, unknown>) => ((s.questions as Record<string, unknown>).q1 = { attempts: 'many', recentRatings: 7 })],
    ['a day count that is not a number', (s: Record<string, unknown>) => ((s.days as Record<string, unknown>)['2026-03-01'] = { n: 1 })],
    ['a total that is negative', (s: Record<string, unknown>) => (s.total = -4)],
  ])('%s: discarded and rebuilt, and the next write works', (_name, damage) => {
    for (let i = 0; i < 4; i++) recordAttempt(file, draft(i), { now: at(i) });
    const cacheFile = join(dir, '.history.json.summary');
    const cache = JSON.parse(openSealed(readFileSync(cacheFile)) ?? 'null') as { summary: Record<string, unknown> };
    damage(cache.summary);
    writeFileSync(cacheFile, sealText(JSON.stringify(cache)));
    expect(loadSummary(file)).toEqual(summarize(readHistory(file).records));
    recordAttempt(file, draft(4), { now: at(4) });
    expect(loadSummary(file)).toEqual(summarize(readHistory(file).records));
    expect(readHistory(file).records).toHaveLength(5);
  });
});

describe('time', () => {
  const YEAR = 365 * 86_400_000;

  it('an attempt dated years ahead does not push today\'s "again" years ahead', () => {
    const ahead = new Date(at(0).getTime() + 5 * YEAR);
    recordAttempt(file, draft(0, { questionId: 'q1', at: ahead.toISOString() }), { now: ahead });
    const today = recordAttempt(file, draft(1, { questionId: 'q1', rating: 'again' }), { now: at(1) });
    expect(Date.parse(today.card!.due) - at(1).getTime()).toBeLessThan(86_400_000);
  });

  it('an attempt at the last representable moment does not break later records of its question', () => {
    mkdirSync(dir, { recursive: true });
    const extreme = '+275760-09-13T00:00:00.000Z';
    const card = { due: extreme, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, learning_steps: 0, reps: 1, lapses: 0, state: 1, last_review: extreme };
    writeFileSync(file, `${HEADER}\n${attemptLine('x', { questionId: 'q1', at: extreme, card })}\n`);
    for (const rating of ['good', 'again', 'easy'] as const) {
      const saved = recordAttempt(file, draft(2, { questionId: 'q1', rating }), { now: at(2) });
      expect(Number.isNaN(Date.parse(saved.card!.due))).toBe(false);
    }
    expect(readHistory(file).records).toHaveLength(4);
  });

  it('a clock behind the last attempt still schedules from the attempt', () => {
    recordAttempt(file, draft(0, { questionId: 'q1' }), { now: at(600) });
    const behind = recordAttempt(file, draft(1, { questionId: 'q1', rating: 'again' }), { now: at(1) });
    expect(Number.isNaN(Date.parse(behind.card!.due))).toBe(false);
  });
});

describe('history --import', () => {
  const importFile = () => join(dir, 'import.jsonl');
  const run = (args: string[]) => runCli([...args, '--history', file], { env: home.env });

  it('is idempotent: the same file twice, and the history into itself, add nothing', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(importFile(), `${HEADER}\n${attemptLine('a1')}\n${JSON.stringify({ type: 'attempt', id: 'a2', ...draft(2) })}\n`);
    const first = await run(['history', '--import', importFile()]);
    expect(first.stdout).toBe(`Imported 2 attempts into ${file}; 0 already there, 0 rejected.\n`);
    const again = await run(['history', '--import', importFile()]);
    expect(again.stdout).toBe(`Imported 0 attempts into ${file}; 2 already there, 0 rejected.\n`);
    const self = await run(['history', '--import', file]);
    expect(self.stdout).toBe(`Imported 0 attempts into ${file}; 2 already there, 0 rejected.\n`);
    expect(readHistory(file).records.map((r) => r.id)).toEqual(['a1', 'a2']);
  });

  it('gives attempts without ids an id from their content, so a second import finds them', async () => {
    mkdirSync(dir, { recursive: true });
    const { id: _id, ...noId } = JSON.parse(attemptLine('x')) as Record<string, unknown>;
    writeFileSync(importFile(), `${JSON.stringify(noId)}\n${JSON.stringify({ ...noId, rating: 'hard' })}\n`);
    expect((await run(['history', '--import', importFile()])).stdout).toContain('Imported 2 attempts');
    expect((await run(['history', '--import', importFile()])).stdout).toContain('Imported 0 attempts');
    expect(readHistory(file).records).toHaveLength(2);
  });

  it('rejects attempts in the future, outside the date range or not in ISO-8601, and says which', async () => {
    mkdirSync(dir, { recursive: true });
    const lines = [
      attemptLine('ok'),
      attemptLine('future', { at: '2999-01-01T00:00:00Z' }),
      attemptLine('far', { at: '+275760-09-13T00:00:00.000Z' }),
      attemptLine('beyond', { at: '+275760-09-14T00:00:00.000Z' }),
      attemptLine('loose', { at: '(\u001b[31m)Jan 1 2026' }),
    ];
    writeFileSync(importFile(), `${lines.join('\n')}\n`);
    const r = await run(['history', '--import', importFile()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Imported 1 attempt into ${file}; 0 already there, 4 rejected.\n`);
    expect(r.stderr).toBe(
      [
        `rmprep: warning: ${importFile()}:2:1: "at" is in the future; not imported`,
        `rmprep: warning: ${importFile()}:3:1: "at" is in the future; not imported`,
        `rmprep: warning: ${importFile()}:4:1: "at" is not a valid date, or is outside the dates rmprep can handle; not imported`,
        `rmprep: warning: ${importFile()}:5:1: "at" is not an ISO-8601 date and time; not imported`,
        '',
      ].join('\n'),
    );
    expect(readHistory(file).records.map((r) => r.id)).toEqual(['ok']);
  });

  it('is all or nothing: a failure part-way keeps the history as it was', () => {
    recordAttempt(file, draft(0), { now: at(0) });
    const before = readFileSync(file);
    const records = [1, 2, 3].map((i) => ({ type: 'attempt', id: `i${i}`, ...draft(i) }) as HistoryRecord);
    const short = { ...fs, fsyncSync: () => fail('EIO') };
    const err = errorOf(() => importRecords(file, records, { now: at(9), fs: short as typeof fs, rescueDir }));
    expect(readFileSync(file).equals(before)).toBe(true);
    // The records are still in the file being imported: nothing to rescue, and no copy left beside the history.
    expect(err.message).toMatch(/nothing was imported: .*EIO.*your history is unchanged/);
    expect(readdirSync(dirname(file)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('the history listing prints a time it worked out, never the stored text', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${HEADER}\n${attemptLine('z', { at: '2026-03-01T12:30:00+02:00' })}\n`);
    const r = await run(['history']);
    expect(r.stdout).toContain('2026-03-01 10:30');
    expect(r.stdout).not.toContain('+02:00');
  });
});

function fail(code: string): never {
  throw Object.assign(new Error(code), { code });
}
