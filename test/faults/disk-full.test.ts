import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../src/core/history/schema.js';
import { loadSummary, readHistory, recordAttempt } from '../../src/core/history/store.js';
import { summarize } from '../../src/core/history/summary.js';
import { makeHome, runCli } from '../helpers/cli.js';
import { attempts, at, draft, expectConsistentChains, expectWholeFile, leftovers, scratch, succeeds } from './helpers.js';

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

const NOT_SAVED = /^rmprep: the attempt was not saved: (.+); your history is unchanged \(the attempt is kept in (\S+); add it back with: rmprep history --import (\S+)\)\n$/;

/** Mounting a small tmpfs needs root (or CAP_SYS_ADMIN); found out by trying. */
function canMountTmpfs(): boolean {
  const probe = fs.mkdtempSync(join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'rmprep-mount-probe-'));
  try {
    if (!succeeds('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe])) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
const TMPFS = canMountTmpfs();

function seed(file: string, n: number): void {
  for (let i = 0; i < n; i++) recordAttempt(file, draft(i), { now: at(i) });
}

async function importBack(file: string, rescued: string): Promise<void> {
  const r = await runCli(['history', '--import', rescued, '--history', file], { env: home.env });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe(`Imported 1 attempt into ${file}; 0 already there, 0 rejected.\n`);
  expect(r.code).toBe(0);
}

describe('a disk that is really full (a 64 kB tmpfs; skipped where mounting is not permitted)', () => {
  it.skipIf(!TMPFS)('refuses the attempt, leaves the file byte-identical, keeps the attempt for import once there is room', async () => {
    const mnt = join(root.dir, 'mnt');
    const rescueDir = join(root.dir, 'rescue');
    mkdirSync(mnt);
    mkdirSync(rescueDir);
    expect(succeeds('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt])).toBe(true);
    try {
      const file = join(mnt, 'history.json');
      seed(file, 2);
      // Fill the disk to the last byte.
      const fd = fs.openSync(join(mnt, 'filler'), 'w');
      try {
        for (;;) fs.writeSync(fd, Buffer.alloc(1024, 120));
      } catch (err) {
        expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        fs.closeSync(fd);
      }
      const before = readFileSync(file);
      // An answer of several pages, so the append needs blocks the disk no longer has.
      const answerFile = join(root.dir, 'answer.txt');
      const answer = `I rolled the release back in 4 minutes. ${'We kept the runbook current. '.repeat(400)}`;
      writeFileSync(answerFile, answer);
      const r = await runCli(['coach', 'team-conflict', '--record', '--rating', 'good', '--answer-file', answerFile, '--history', file], {
        env: { ...home.env, TMPDIR: rescueDir },
      });
      expect(r.code).toBe(1);
      const m = NOT_SAVED.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(m![1]).toBe('the disk is full (ENOSPC)');
      expect(m![2]).toBe(m![3]);
      expect(readFileSync(file)).toEqual(before);
      expect(leftovers(mnt)).toEqual([]);
      const rescued = m![2]!;
      expect(rescued.startsWith(`${rescueDir}/rmprep-unsaved-`)).toBe(true);
      // coach --record keeps its attempt with the scripted session's marker that goes with it.
      const kept = attempts(readHistory(rescued).records) as AttemptRecord[];
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({ questionId: 'team-conflict', rating: 'good', answer });

      rmSync(join(mnt, 'filler'));
      await importBack(file, rescued);
      // The import brings the session marker back too, so report --session finds the attempt.
      expect(readHistory(file).records.map((r) => r.type)).toEqual(['attempt', 'attempt', 'session', 'attempt']);
      const records = attempts(readHistory(file).records) as AttemptRecord[];
      expect(records[2]).toMatchObject({ questionId: 'team-conflict', answer });
      expect(readFileSync(file).subarray(0, before.length)).toEqual(before);
      expectWholeFile(file);
      expect(leftovers(mnt)).toEqual([]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});

type WriteSync = (fd: number, buffer: Buffer, offset: number, length: number) => number;

/** The real fs with the buffer writes (the append) replaced. */
function withWrites(write: (real: WriteSync, ...args: Parameters<WriteSync>) => number): typeof fs {
  return { ...fs, writeSync: ((...args: Parameters<WriteSync>) => write(fs.writeSync as unknown as WriteSync, ...args)) as unknown as typeof fs.writeSync };
}
const failWith = (code: string) => Object.assign(new Error(code), { code });

describe('writes that fail part-way, injected through the store fs option', () => {
  const cases: [string, () => typeof fs, string][] = [
    ['no space at all', () => withWrites(() => { throw failWith('ENOSPC'); }), 'the disk is full (ENOSPC)'],
    [
      'a short write, then no space',
      () => {
        let calls = 0;
        return withWrites((real, fd, buf, offset, length) => {
          if (++calls > 1) throw failWith('ENOSPC');
          return real(fd, buf, offset, Math.floor(length / 2));
        });
      },
      'the disk is full (ENOSPC)',
    ],
    ['a write that writes nothing', () => withWrites(() => 0), 'write failed (EIO)'],
    ['the quota is exceeded', () => withWrites(() => { throw failWith('EDQUOT'); }), 'the disk quota is exceeded (EDQUOT)'],
    [
      'fsync fails after the bytes were written',
      () => ({ ...fs, fsyncSync: () => { throw failWith('EIO'); } }) as typeof fs,
      'write failed (EIO)',
    ],
  ];

  it.each(cases)('%s: the file is byte-identical, the error says so, the rescue file imports back', async (name, makeFs, reason) => {
    const dir = join(root.dir, name.replace(/\W+/g, '-'));
    const file = join(dir, 'history.json');
    const rescueDir = join(dir, 'rescue');
    mkdirSync(rescueDir, { recursive: true });
    seed(file, 3);
    const before = readFileSync(file);
    const answer = `keep me: ${name} ✓`;
    let error: Error | undefined;
    try {
      recordAttempt(file, draft(9, { answer }), { now: at(9), fs: makeFs(), rescueDir });
    } catch (err) {
      error = err as Error;
    }
    expect(error?.name).toBe('HistoryError');
    expect(error?.message).toBe(`the attempt was not saved: ${reason}; your history is unchanged`);
    expect(readFileSync(file)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    expect(loadSummary(file)).toEqual(summarize(readHistory(file).records));
    const [rescued, ...others] = readdirSync(rescueDir);
    expect(others).toEqual([]);
    const hint = (error as Error & { hint?: string }).hint;
    expect(hint).toBe(`the attempt is kept in ${join(rescueDir, rescued!)}; add it back with: rmprep history --import ${join(rescueDir, rescued!)}`);
    const kept = readHistory(join(rescueDir, rescued!)).records;
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ type: 'attempt', questionId: 'q0', answer });

    await importBack(file, join(rescueDir, rescued!));
    const records = readHistory(file).records;
    expect(records).toHaveLength(4);
    expect(records[3]).toMatchObject({ questionId: 'q0', answer });
    expectConsistentChains(records);
  });

  it('a failed very first write leaves no history file behind', () => {
    const dir = join(root.dir, 'first');
    const file = join(dir, 'history.json');
    mkdirSync(dir);
    expect(() => recordAttempt(file, draft(1), { now: at(1), fs: withWrites(() => { throw failWith('ENOSPC'); }), rescueDir: dir })).toThrow(/not saved/);
    expect(existsSync(file)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith('rmprep-unsaved-'))).toHaveLength(1);
  });
});
