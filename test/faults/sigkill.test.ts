import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/core/history/lock.js';
import type { HistoryRecord } from '../../src/core/history/schema.js';
import { loadSummary, readHistory, recordAttempt, repairHistory } from '../../src/core/history/store.js';
import { summarize } from '../../src/core/history/summary.js';
import {
  at,
  deadPid,
  draft,
  type DriverConfig,
  type DriverResult,
  expectConsistentChains,
  expectWholeFile,
  HEADER,
  leftovers,
  pool,
  runDriver,
  seeded,
  startDriver,
  useBundledStore,
} from './helpers.js';

const bundled = useBundledStore();

let folders = 0;
function folder(): string {
  const dir = join(bundled.dir, `case-${++folders}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A history of `n` attempts written by the store itself, returned with its records. */
function seedHistory(file: string, n: number): HistoryRecord[] {
  for (let i = 0; i < n; i++) recordAttempt(file, draft(i), { now: at(i) });
  return readHistory(file).records;
}

/**
 * What must hold after any kill: the file reads, everything reported saved (and everything there before)
 * is in it, and the next write succeeds, takes over a lock left behind, sets aside an unfinished line,
 * and leaves whole lines, a matching summary and no lock or temporary files.
 */
function expectRecovers(file: string, before: HistoryRecord[], result: DriverResult, label: string, writers = 1): void {
  let data: ReturnType<typeof readHistory>;
  try {
    data = readHistory(file);
  } catch (err) {
    throw new Error(`${label}: the history does not read after the kill: ${(err as Error).message}`);
  }
  const ids = new Set(data.records.map((r) => r.id));
  for (const r of before) expect(ids.has(r.id), `${label}: ${r.id} from before is kept`).toBe(true);
  for (const id of result.saved) expect(ids.has(id), `${label}: ${id} was reported saved`).toBe(true);
  // Each writer killed may have written one attempt it had no time to report.
  expect(data.records.length, `${label}: at most one attempt per writer more than reported`).toBeLessThanOrEqual(before.length + result.saved.length + writers);

  // The driver stamps attempts with the real clock: so does the next write, or its clock would be behind them.
  const next = recordAttempt(file, draft(100, { questionId: 'q0' }), { now: new Date() });
  const lines = expectWholeFile(file);
  const after = readHistory(file).records;
  expect(lines).toHaveLength(after.length);
  expect(after.map((r) => r.id), label).toEqual([...data.records.map((r) => r.id), next.id]);
  expect(leftovers(join(file, '..')), `${label}: nothing left behind`).toEqual([]);
  expect(loadSummary(file)).toEqual(summarize(after));
  expectConsistentChains(after);
}

/**
 * Kills the driver before each call that changes the disk in turn, 1, 2, 3 ..., until it gets through
 * (or until `enough` says the phase under test is over: later points repeat other cases).
 */
async function eachCrashPoint(
  prepare: (file: string) => HistoryRecord[],
  cfg: Omit<DriverConfig, 'store' | 'history'>,
  check: (file: string, before: HistoryRecord[], result: DriverResult, label: string) => void,
  enough: (file: string) => boolean = () => false,
): Promise<number> {
  let points = 0;
  let finished = false;
  let k = 0;
  while (!finished && k < 400) {
    const batch = Array.from({ length: 4 }, () => ++k);
    const outcomes = await pool(
      2,
      batch.map((crashAt) => async () => {
        const file = join(folder(), 'history.json');
        const before = prepare(file);
        const result = await runDriver({ ...cfg, store: bundled.store, history: file, crashAt });
        return { crashAt, file, before, result, over: result.signal === 'SIGKILL' && enough(file) };
      }),
    );
    for (const { crashAt, file, before, result, over } of outcomes) {
      if (result.signal !== 'SIGKILL') {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        finished = true;
        continue;
      }
      points++;
      check(file, before, result, `killed before disk call ${crashAt}`);
      if (over) finished = true;
    }
  }
  expect(finished, 'the driver gets through once no kill is injected').toBe(true);
  return points;
}

describe('a writer killed at every point of a write (SIGKILL before each call that changes the disk)', () => {
  it('appending to an existing history in small pieces, killed in the second attempt after the first was reported saved', async () => {
    const points = await eachCrashPoint((file) => seedHistory(file, 3), { count: 2, crashAfterSaved: 1, answerBytes: 300, chunks: [200] }, expectRecovers);
    expect(points).toBeGreaterThan(20);
  });

  it('the very first write (no folder, no file): the header torn off part-way, then a line of over 64 KiB of multi-byte text', async () => {
    const points = await eachCrashPoint(() => [], { count: 1, answerBytes: 66_000, jitter: false, chunks: [10, 30, 20_001, 25_003] }, expectRecovers);
    expect(points).toBeGreaterThan(10);
  });

  it('upgrading a version 1 file: the file is always the old or the new version, the backup equals the original', async () => {
    const v1 = `{"rmprep":"history","version":1}\n${[0, 1, 3].map((n) => JSON.stringify({ type: 'attempt', id: `v1-${n}`, ...draft(n) })).join('\n')}\n`;
    const prepare = (file: string) => {
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, v1);
      return readHistory(file).records;
    };
    const check = (file: string, before: HistoryRecord[], result: DriverResult, label: string) => {
      const text = readFileSync(file, 'utf8');
      if (!text.startsWith(HEADER)) expect(text, `${label}: still the original`).toBe(v1);
      expectRecovers(file, before, result, label);
      expect(readFileSync(`${file}.v1.bak`, 'utf8')).toBe(v1);
    };
    // Once the upgraded file is in place, what follows is the append tested above.
    const points = await eachCrashPoint(prepare, { count: 1 }, check, (file) => readFileSync(file, 'utf8').startsWith(HEADER));
    expect(points).toBeGreaterThan(5);
  });

  it('repairing a damaged file: the file is always the damaged original or the repaired version', async () => {
    const originals = new Map<string, string>();
    const prepare = (file: string) => {
      const good = seedHistory(file, 4);
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.splice(3, 0, '{"type":"attempt","id":"bad",');
      originals.set(file, lines.join('\n'));
      writeFileSync(file, originals.get(file)!);
      return good;
    };
    const check = (file: string, good: HistoryRecord[], result: DriverResult, label: string) => {
      const text = readFileSync(file, 'utf8');
      if (text.includes('"id":"bad",')) expect(text, `${label}: the damaged original, untouched`).toBe(originals.get(file));
      else expect(readHistory(file).records, `${label}: the repaired file`).toEqual(good);
      repairHistory(file, { now: new Date() });
      expect(readHistory(file).records).toEqual(good);
      expectRecovers(file, good, { ...result, saved: [] }, label);
    };
    await eachCrashPoint(prepare, { mode: 'repair' }, check);
  });
});

describe('writers killed at random moments (seeded)', () => {
  it('30 kills of writers racing on one history: every reported attempt survives, the next write always succeeds', async () => {
    const random = seeded(20260301);
    const dir = folder();
    const file = join(dir, 'history.json');
    const kept: HistoryRecord[] = seedHistory(file, 2);
    const saved = new Set<string>();
    for (let round = 0; round < 10; round++) {
      const drivers = Array.from({ length: 3 }, (_, w) =>
        startDriver({ store: bundled.store, history: file, count: 0, worker: round * 3 + w, seed: round, answerBytes: Math.round(500 + random() * 90_000), chunks: [1 + Math.floor(random() * 256)] }),
      );
      await Promise.all(drivers.map((d) => d.ready));
      await Promise.all(
        drivers.map(async (d) => {
          await new Promise((r) => setTimeout(r, Math.floor(random() * 60)));
          d.kill();
        }),
      );
      const results = await Promise.all(drivers.map((d) => d.done));
      for (const r of results) {
        expect(r.stderr).toBe('');
        for (const id of r.saved) saved.add(id);
      }
      const all = { code: null, signal: 'SIGKILL' as const, saved: [...saved], stdout: '', stderr: '' };
      expectRecovers(file, kept, all, `round ${round}`, drivers.length);
      kept.splice(0, kept.length, ...readHistory(file).records);
    }
    expect(saved.size).toBeGreaterThan(0);
  });
});

describe('stale locks', () => {
  it('takes over a lock naming a process that no longer runs', () => {
    const dir = folder();
    const file = join(dir, 'history.json');
    seedHistory(file, 1);
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid(), at: new Date().toISOString() }));
    acquireLock(file, { timeoutMs: 1000 }).release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over a lock naming its own pid (left by an earlier process that had the same pid, as in containers)', () => {
    const dir = folder();
    const file = join(dir, 'history.json');
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
    acquireLock(file, { timeoutMs: 1000 }).release();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('takes over an empty lock (a writer killed while creating it) once it is a few seconds old, within the wait limit', () => {
    const dir = folder();
    const file = join(dir, 'history.json');
    writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    acquireLock(file, { timeoutMs: 1000 }).release();
  });

  it('lets exactly one of several waiters take over a dead lock (slow lock reads widen the race)', async () => {
    const dir = folder();
    const file = join(dir, 'history.json');
    seedHistory(file, 1);
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: deadPid(), at: new Date().toISOString() }));
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, w) => runDriver({ store: bundled.store, history: file, count: 5, worker: w, slowLockReadMs: 40, questions: 2 })),
    );
    for (const r of results) expect(r.stderr).toBe('');
    const records = readHistory(file).records;
    expect(records).toHaveLength(31);
    expectWholeFile(file);
    expectConsistentChains(records);
    expect(leftovers(dir)).toEqual([]);
  });
});

it('keeps a byte-for-byte copy of a torn line that was cut inside a multi-byte character', () => {
  const dir = folder();
  const file = join(dir, 'history.json');
  seedHistory(file, 2);
  const line = Buffer.from(`${JSON.stringify({ type: 'attempt', id: 'torn', ...draft(5, { answer: 'Zürich ✓ '.repeat(4) }) })}\n`);
  const cut = line.indexOf(Buffer.from('✓')) + 1;
  const before = readFileSync(file);
  writeFileSync(file, Buffer.concat([before, line.subarray(0, cut)]));
  recordAttempt(file, draft(6), { now: at(6) });
  expect(readFileSync(file).subarray(0, before.length)).toEqual(before);
  const torn = readdirSync(dir).filter((n) => n.includes('.torn-'));
  expect(torn).toHaveLength(1);
  expect(readFileSync(join(dir, torn[0]!))).toEqual(line.subarray(0, cut));
});
