import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAttempt } from '../../src/core/history/append.js';
import { peekPractice } from '../../src/core/history/practice-file.js';
import { practiceFromSummary } from '../../src/core/history/practice.js';
import { loadSummary, readPractice, removeCache } from '../../src/core/history/summary-cache.js';
import { at, draft } from '../support/attempts.js';
import { openSealed, sealText } from '../../src/core/cache-seal.js';

let dir: string;
let file: string;
let digest: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-digest-'));
  file = join(dir, 'history.json');
  digest = join(dir, '.history.json.practice');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (n: number, rating: 'again' | 'hard' | 'good' | 'easy' = 'good') => recordAttempt(file, draft(n, { rating }), { now: at(n), timeZone: 'UTC' });
/** What list must show: the practice as the history itself gives it, without any cache. */
const fromHistory = () => {
  const copy = join(dir, 'copy', 'history.json');
  mkdirSync(join(dir, 'copy'), { recursive: true });
  writeFileSync(copy, readFileSync(file));
  return practiceFromSummary(loadSummary(copy, { timeZone: 'UTC' }));
};
const readDigest = () => JSON.parse(openSealed(readFileSync(digest)) ?? 'null') as { v: number; size: number; mtimeMs: number; anchor: string; rows: unknown[][] };
// Sealed as rmprep seals it, so that what is checked is the content, not only the seal.
const writeDigest = (data: unknown) => writeFileSync(digest, sealText(typeof data === 'string' ? data : JSON.stringify(data)));

describe('the practice digest', () => {
  it('is written with every save and read back as the practice the history gives', () => {
    record(1, 'again');
    record(2, 'easy');
    const last = record(4, 'hard');
    expect(existsSync(digest)).toBe(true);
    const practice = peekPractice(file);
    expect(practice).toEqual(fromHistory());
    expect(practice?.get('q1')).toEqual({ attempts: 2, lastRating: 'hard', lastAt: last.at, due: last.card!.due });
    expect(practice?.size).toBe(2);
  });

  it('is an empty practice when there is no history, and nothing is written', () => {
    expect(peekPractice(file)).toEqual(new Map());
    expect(readPractice(file)).toEqual(new Map());
    expect(existsSync(digest)).toBe(false);
  });

  it('when missing, is not trusted; reading the practice writes it again', () => {
    record(1);
    record(2, 'hard');
    rmSync(digest);
    expect(peekPractice(file)).toBeUndefined();
    expect(readPractice(file, { timeZone: 'UTC' })).toEqual(fromHistory());
    expect(peekPractice(file)).toEqual(fromHistory());
  });

  it.each<[string, (d: ReturnType<typeof readDigest>) => unknown]>([
    ['not JSON', () => '{"v":1,"size":'],
    ['empty', () => ''],
    ['an array', () => []],
    ['another version', (d) => ({ ...d, v: 99 })],
    ['no anchor', (d) => ({ ...d, anchor: undefined })],
    ['rows not a list', (d) => ({ ...d, rows: {} })],
    ['a row too short', (d) => ({ ...d, rows: [d.rows[0]!.slice(0, 4)] })],
    ['an empty id', (d) => ({ ...d, rows: [['', ...d.rows[0]!.slice(1)]] })],
    ['an id twice', (d) => ({ ...d, rows: [d.rows[0], d.rows[0]] })],
    ['no attempts', (d) => ({ ...d, rows: [[d.rows[0]![0], 0, ...d.rows[0]!.slice(2)]] })],
    ['an unknown rating', (d) => ({ ...d, rows: [[...d.rows[0]!.slice(0, 2), 'great', ...d.rows[0]!.slice(3)]] })],
    ['a due date that is no date', (d) => ({ ...d, rows: [[...d.rows[0]!.slice(0, 4), '\u001b[31mtomorrow']] })],
    ['a due date out of range', (d) => ({ ...d, rows: [[...d.rows[0]!.slice(0, 4), '2026-13-45T10:00:00Z']] })],
    ['a last time that is no text', (d) => ({ ...d, rows: [[...d.rows[0]!.slice(0, 3), 5, d.rows[0]![4]]] })],
  ])('damaged (%s): is not trusted, and reading the practice rebuilds it', (_name, damage) => {
    record(1);
    record(2, 'easy');
    writeDigest(damage(readDigest()));
    expect(peekPractice(file)).toBeUndefined();
    expect(readPractice(file, { timeZone: 'UTC' })).toEqual(fromHistory());
    expect(peekPractice(file)).toEqual(fromHistory());
  });

  it('stale after an attempt appended by another program: not trusted, and the new attempt is shown', () => {
    record(1);
    const extra = { ...draft(2, { rating: 'again' }), type: 'attempt', id: 'hand-added' };
    appendFileSync(file, `${JSON.stringify(extra)}\n`);
    expect(peekPractice(file)).toBeUndefined();
    const practice = readPractice(file, { timeZone: 'UTC' });
    expect(practice.get('q2')?.lastRating).toBe('again');
    expect(practice).toEqual(fromHistory());
    expect(peekPractice(file)).toEqual(practice);
  });

  it('stale after a same-length edit of the last bytes even when size and mtime match: the anchor tells', () => {
    record(1);
    const last = record(2);
    const size = statSync(file).size;
    const moved = last.card!.due.replace(/^(\d{4}-\d{2}-)\d{2}/, '$128');
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"due":"${last.card!.due}"`, `"due":"${moved}"`));
    expect(statSync(file).size).toBe(size);
    // As if the clock had not moved between the save and the edit.
    writeDigest({ ...readDigest(), mtimeMs: statSync(file).mtimeMs });
    expect(peekPractice(file)).toBeUndefined();
    expect(readPractice(file, { timeZone: 'UTC' }).get('q2')?.due).toBe(moved);
    expect(peekPractice(file)?.get('q2')?.due).toBe(moved);
  });

  it('stale when only the mtime moved (an edit that kept the length and the last bytes)', () => {
    record(1);
    const d = readDigest();
    writeDigest({ ...d, mtimeMs: d.mtimeMs - 1000 });
    expect(peekPractice(file)).toBeUndefined();
  });

  it('is not written for a history whose last line is cut short, and an old one is removed', () => {
    record(1);
    record(2);
    appendFileSync(file, '{"type":"attempt","id":"torn"');
    expect(peekPractice(file)).toBeUndefined();
    expect(readPractice(file, { timeZone: 'UTC' })).toEqual(fromHistory());
    expect(existsSync(digest)).toBe(false);
  });

  it('is never waited on when a FIFO sits in its place', () => {
    record(1);
    rmSync(digest);
    execFileSync('mkfifo', [digest]);
    expect(peekPractice(file)).toBeUndefined();
  });

  it('lies beside the real file of a linked history', () => {
    const real = join(dir, 'real', 'history.json');
    mkdirSync(join(dir, 'real'));
    recordAttempt(real, draft(1), { now: at(1), timeZone: 'UTC' });
    symlinkSync(real, file);
    expect(existsSync(join(dir, 'real', '.history.json.practice'))).toBe(true);
    expect(peekPractice(file)).toEqual(practiceFromSummary(loadSummary(real, { timeZone: 'UTC' })));
  });

  it('goes with the summary cache when that is removed', () => {
    record(1);
    removeCache(nodeFs, file);
    expect(existsSync(digest)).toBe(false);
    expect(existsSync(join(dir, '.history.json.summary'))).toBe(false);
  });
});
