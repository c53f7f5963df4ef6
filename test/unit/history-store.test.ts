import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, symlinkSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttemptDraft } from '../../src/core/history/schema.js';
import { draft, T0 } from '../support/attempts.js';
import { loadSummary, readHistory, recordAttempt, repairHistory } from '../../src/core/history/store.js';
import { summarize } from '../../src/core/history/summary.js';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-store-'));
  file = join(dir, 'data', 'history.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const record = (n: number, over: Partial<AttemptDraft> = {}) => recordAttempt(file, draft(n, over), { now: new Date(T0 + n * 60_000) });
const lines = () => readFileSync(file, 'utf8').split('\n').filter(Boolean);

describe('history store', () => {
  it('creates the folder and file on first use, header first, one line per attempt', () => {
    record(1);
    record(2, { rating: 'again' });
    const all = lines();
    expect(JSON.parse(all[0]!)).toEqual({ rmprep: 'history', version: 3 });
    expect(all).toHaveLength(3);
    const data = readHistory(file);
    expect(data.records.map((r) => r.type === 'attempt' && r.answer)).toEqual([draft(1).answer, draft(2).answer]);
  });

  it('stores scheduling state with each attempt, continuing from the previous state of that question', () => {
    const first = record(0);
    const second = record(3); // q0 again
    expect(first.card?.reps).toBe(1);
    expect(second.card?.reps).toBe(2);
    expect(Date.parse(second.card!.due)).toBeGreaterThan(Date.parse(first.card!.due));
  });

  it('reads a missing history as empty, without creating anything', () => {
    expect(readHistory(file).records).toEqual([]);
    expect(loadSummary(file).total).toBe(0);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('gives the same summary from the cache, after appends by others, and from scratch', () => {
    for (let i = 0; i < 20; i++) record(i, { rating: i % 4 === 0 ? 'again' : 'good' });
    const fromCache = loadSummary(file);
    // Another writer appends a line without touching the cache: the tail is replayed.
    const extra = { type: 'attempt', id: 'x1', ...draft(99, { questionId: 'q9' }) };
    fs.appendFileSync(file, `${JSON.stringify(extra)}\n`);
    const replayed = loadSummary(file);
    const scratch = summarize(readHistory(file).records);
    expect(replayed).toEqual(scratch);
    expect(replayed.total).toBe(fromCache.total + 1);
  });

  it('ignores a cut-off last line when reading, and sets it aside before the next append', () => {
    record(1);
    fs.appendFileSync(file, '{"type":"attempt","id":"tor');
    expect(readHistory(file).records).toHaveLength(1);
    record(2);
    expect(readHistory(file).records).toHaveLength(2);
    expect(lines().every((l) => JSON.parse(l))).toBeTruthy();
    const torn = readdirSync(join(dir, 'data')).filter((n) => n.includes('.torn-'));
    expect(torn).toHaveLength(1);
    expect(readFileSync(join(dir, 'data', torn[0]!), 'utf8')).toBe('{"type":"attempt","id":"tor');
  });

  it('refuses a corrupt file with file:line:col, backs it up once, and never writes over it', () => {
    record(1);
    record(2);
    const broken = readFileSync(file, 'utf8').replace('"rating":"good"', '"rating":good');
    writeFileSync(file, broken);
    expect(() => readHistory(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: invalid JSON`));
    expect(() => record(3)).toThrow(/:2:\d+: invalid JSON.*the attempt was not saved/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    const backups = readdirSync(join(dir, 'data')).filter((n) => n.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, 'data', backups[0]!), 'utf8')).toBe(broken);
  });

  it('repairs by setting bad lines aside and keeping every good record', () => {
    record(1);
    record(2);
    record(3);
    const all = lines();
    all[2] = '{"type":"attempt","oops":1}';
    writeFileSync(file, `${all.join('\n')}\n`);
    const result = repairHistory(file, { now: new Date(T0) });
    expect(result).toMatchObject({ kept: 2, rejected: 1 });
    expect(readFileSync(result.rejectedFile!, 'utf8')).toBe('{"type":"attempt","oops":1}\n');
    expect(readHistory(file).records).toHaveLength(2);
    record(4);
    expect(readHistory(file).records).toHaveLength(3);
  });

  it('refuses to read or write a file from a newer rmprep and leaves it untouched', () => {
    mkdirSync(join(dir, 'data'));
    const future = '{"rmprep":"history","version":9}\n{"type":"telepathy"}\n';
    writeFileSync(file, future);
    expect(() => readHistory(file)).toThrow(/newer rmprep/);
    expect(() => record(1)).toThrow(/newer rmprep/);
    expect(readFileSync(file, 'utf8')).toBe(future);
  });

  it('upgrades a version 1 file in place with a backup, computing the missing scheduling state', () => {
    mkdirSync(join(dir, 'data'));
    const v1 = [
      '{"rmprep":"history","version":1}',
      JSON.stringify({ type: 'attempt', id: 'a', ...draft(0) }),
      JSON.stringify({ type: 'attempt', id: 'b', ...draft(3) }),
    ].join('\n');
    writeFileSync(file, `${v1}\n`);
    record(6);
    expect(readFileSync(`${file}.v1.bak`, 'utf8')).toBe(`${v1}\n`);
    const data = readHistory(file);
    expect(data.version).toBe(3);
    const reps = data.records.map((r) => (r.type === 'attempt' ? r.card?.reps : undefined));
    expect(reps).toEqual([1, 2, 3]);
  });

  it('puts the file back and keeps the attempt in a rescue file when a write fails half-way', () => {
    record(1);
    const before = readFileSync(file);
    const failing = {
      ...fs,
      writeSync: ((fd: number, buf: Buffer, offset: number, length: number) => {
        fs.writeSync(fd, buf, offset, Math.floor(length / 2));
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      }) as unknown as typeof fs.writeSync,
    } as typeof fs;
    const rescueDir = join(dir, 'rescue');
    mkdirSync(rescueDir);
    expect(() => recordAttempt(file, draft(2, { answer: 'keep me' }), { now: new Date(T0), fs: failing, rescueDir })).toThrow(
      /not saved: the disk is full \(ENOSPC\); your history is unchanged/,
    );
    expect(readFileSync(file)).toEqual(before);
    const [rescued] = readdirSync(rescueDir);
    expect(readFileSync(join(rescueDir, rescued!), 'utf8')).toContain('keep me');
  });

  it('refuses a folder as the history path, and follows a symlink to the real file', () => {
    mkdirSync(join(dir, 'data', 'history.json'), { recursive: true });
    expect(() => record(1)).toThrow(/is a folder/);
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    symlinkSync(real, link);
    recordAttempt(link, draft(1), { now: new Date(T0) });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readHistory(link).records).toHaveLength(1);
    expect(readFileSync(real, 'utf8')).toContain('answer 1');
  });

  it('removes temporary files left by a process that died mid-rewrite', () => {
    record(1);
    const leftover = join(dir, 'data', '.history.json.tmp-99999-abcd');
    writeFileSync(leftover, 'half');
    record(2);
    expect(existsSync(leftover)).toBe(false);
  });
});
