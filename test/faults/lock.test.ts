import * as fs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HistoryError } from '../../src/core/history/errors.js';
import { acquireLock } from '../../src/core/history/lock.js';
import { currentOwner, startTimeOf } from '../../src/core/history/lock-owner.js';
import { readHistory, recordAttempt } from '../../src/core/history/store.js';
import { at, deadPid, draft, scratch } from './helpers.js';

let root: ReturnType<typeof scratch>;
beforeAll(() => (root = scratch()));
afterAll(() => root?.cleanup());

let dir: string;
let file: string;
let n = 0;
beforeEach(() => {
  dir = join(root.dir, `case-${++n}`);
  file = join(dir, 'history.json');
  mkdirSync(join(dir, 'rescue'), { recursive: true });
  recordAttempt(file, draft(0), { now: at(0) });
});

const self = currentOwner(fs);
const PROC = self.boot !== undefined && self.pidns !== undefined && self.start !== undefined;
const writeLock = (owner: Record<string, unknown>) => writeFileSync(`${file}.lock`, JSON.stringify({ ...owner, at: new Date().toISOString() }));
const ageLock = (ms: number) => {
  const t = new Date(Date.now() - ms);
  utimesSync(`${file}.lock`, t, t);
};

function lockedError(fn: () => unknown): HistoryError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HistoryError);
    expect((err as HistoryError).kind).toBe('locked');
    return err as HistoryError;
  }
  throw new Error('expected the lock to be refused');
}

describe('the history lock', () => {
  it('names host, boot, pid namespace, pid and start time', () => {
    const lock = acquireLock(file);
    const content = JSON.parse(readFileSync(`${file}.lock`, 'utf8')) as Record<string, unknown>;
    lock.release();
    expect(content).toMatchObject({ host: hostname(), pid: process.pid });
    if (PROC) expect(content).toMatchObject({ boot: self.boot, pidns: self.pidns, start: self.start });
  });

  it('is not taken over from another pid namespace just because its pid is not running here', () => {
    const other = { ...self, pidns: 'pid:[4026599999]', pid: deadPid() };
    writeLock(other);
    const err = lockedError(() => recordAttempt(file, draft(1, { answer: 'other container' }), { now: at(1), lockTimeoutMs: 800, rescueDir: join(dir, 'rescue') }));
    expect(err.message).toMatch(new RegExp(`^the history is locked by process ${other.pid} on this host in another container or boot \\(last heartbeat for \\d+ s\\); the attempt was not saved$`));
    expect(err.hint).toMatch(/^if that process is not writing to the history, delete .*history\.json\.lock; the attempt is kept in /);
    expect(readHistory(file).records).toHaveLength(1);
    expect(readdirSync(join(dir, 'rescue'))).toHaveLength(1);
  });

  it('is not taken over from another host while its heartbeat is recent, and says which host (sanitized)', () => {
    writeLock({ host: 'build-7\u001b[31m', pid: process.pid });
    const err = lockedError(() => acquireLock(file, { timeoutMs: 600 }));
    expect(err.message).toMatch(/^the history is locked by process \d+ on host build-7 \(last heartbeat for \d+ s\)$/);
  });

  it('is taken over from another host or container once its heartbeat has stood still long enough', () => {
    writeLock({ ...self, pidns: 'pid:[4026599999]', pid: 1 });
    const lock = acquireLock(file, { timeoutMs: 5_000, staleAfterMs: 300 });
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('is taken over at once when its heartbeat is hours old', () => {
    writeLock({ host: 'elsewhere', pid: 1 });
    ageLock(3 * 60 * 60_000);
    const started = Date.now();
    acquireLock(file, { timeoutMs: 5_000 }).release();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.skipIf(!PROC)('is taken over on this machine when its pid now belongs to a process that started at another time', () => {
    writeLock({ ...self, pid: process.ppid, start: '1' });
    acquireLock(file, { timeoutMs: 2_000 }).release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it.skipIf(!PROC)('is waited for on this machine while its process runs, and the message says so', () => {
    writeLock({ ...self, pid: process.ppid, start: startTimeOf(fs, process.ppid) });
    const err = lockedError(() => acquireLock(file, { timeoutMs: 600 }));
    expect(err.message).toMatch(new RegExp(`^the history is locked by process ${process.ppid} on this machine \\(last heartbeat for \\d+ s\\)$`));
  });

  it('refuses to write once its lock was removed or replaced, so two writers never append at once', () => {
    const lock = acquireLock(file);
    expect(() => lock.confirm()).not.toThrow();
    fs.rmSync(`${file}.lock`);
    writeLock({ ...self, pid: process.ppid });
    expect(() => lock.confirm()).toThrow(/taken over/);
    lock.release();
    expect(existsSync(`${file}.lock`)).toBe(true);
  });
});
