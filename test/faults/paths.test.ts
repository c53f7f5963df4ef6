import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readHistory, recordAttempt } from '../../src/core/history/store.js';
import { makeHome, runCli } from '../helpers/cli.js';
import { attempts, at, draft, expectWholeFile, HEADER, leftovers, succeeds } from './helpers.js';

let home: ReturnType<typeof makeHome>;
let answerFile: string;
let rescueDir: string;
beforeEach(() => {
  home = makeHome();
  answerFile = join(home.dir, 'answer.txt');
  writeFileSync(answerFile, 'We froze the release, rolled back in 4 minutes, and shipped the fix the next day.');
  rescueDir = join(home.dir, 'tmp');
  mkdirSync(rescueDir);
});
afterEach(() => home.cleanup());

const run = (args: string[]) => runCli(args, { env: { ...home.env, TMPDIR: rescueDir } });
const record = (...extra: string[]) => run(['coach', 'team-conflict', '--record', '--rating', 'good', '--answer-file', answerFile, ...extra]);
const seed = (file: string, n: number) => {
  for (let i = 0; i < n; i++) recordAttempt(file, draft(i), { now: at(i) });
};

/** `chattr +i` makes a file immutable even for root, where chmod does not stop writes; found out by trying. */
function canChattr(): boolean {
  const probe = join(fs.mkdtempSync(join(realpathSync(process.env.TMPDIR ?? '/tmp'), 'rmprep-chattr-')), 'probe');
  writeFileSync(probe, '');
  const ok = succeeds('chattr', ['+i', probe]);
  if (ok) spawnSync('chattr', ['-i', probe]);
  fs.rmSync(join(probe, '..'), { recursive: true, force: true });
  return ok;
}
const CHATTR = canChattr();

describe('first run', () => {
  it('reads a history that does not exist as empty without creating anything, and creates folder and file on the first attempt', async () => {
    const s = await run(['stats', '--json']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).totalAttempts).toBe(0);
    const h = await run(['history']);
    expect(h.code).toBe(0);
    expect(h.stderr).toMatch(/no attempts yet/);
    expect(existsSync(join(home.dir, 'data'))).toBe(false);

    const r = await record();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(attempts(expectWholeFile(home.history))).toHaveLength(1);
    expect(leftovers(join(home.history, '..'))).toEqual([]);
  });
});

describe('a history that cannot be written', () => {
  it.skipIf(!CHATTR)('an immutable file (chattr +i; skipped where that is not permitted, as chmod does not stop root): not saved, file unchanged, rescue file imports once writable again', async () => {
    seed(home.history, 2);
    const before = readFileSync(home.history);
    expect(succeeds('chattr', ['+i', home.history])).toBe(true);
    try {
      const s = await run(['stats', '--json']);
      expect(s.code).toBe(0);
      expect(JSON.parse(s.stdout).totalAttempts).toBe(2);
      const r = await record();
      expect(r.code).toBe(1);
      const m = /^rmprep: the attempt was not saved: permission denied \(EPERM\); your history is unchanged \(the attempt is kept in (\S+); add it back with: rmprep history --import \1\)\n$/.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      expect(readFileSync(home.history)).toEqual(before);
      expect(leftovers(join(home.history, '..'))).toEqual([]);
      spawnSync('chattr', ['-i', home.history]);
      const i = await run(['history', '--import', m![1]!]);
      expect(i.code).toBe(0);
      expect(attempts(readHistory(home.history).records)).toHaveLength(3);
    } finally {
      spawnSync('chattr', ['-i', home.history]);
    }
  });

  it.skipIf(!CHATTR)('an immutable folder (chattr +i; skipped where not permitted): the lock cannot be made, so not saved; reading still works', async () => {
    seed(home.history, 1);
    const folder = join(home.history, '..');
    const before = readFileSync(home.history);
    const listing = readdirSync(folder);
    expect(succeeds('chattr', ['+i', folder])).toBe(true);
    try {
      const r = await record();
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^rmprep: the attempt was not saved: permission denied \(EPERM\); your history is unchanged \(the attempt is kept in \S+/);
      const h = await run(['history', '--json']);
      expect(h.code).toBe(0);
      expect(JSON.parse(h.stdout)).toHaveLength(1);
      expect(readFileSync(home.history)).toEqual(before);
      expect(readdirSync(folder)).toEqual(listing);
    } finally {
      spawnSync('chattr', ['-i', folder]);
    }
  });

  it('a file opened for append with EACCES (injected): not saved, unchanged, kept in the rescue file', () => {
    seed(home.history, 2);
    const before = readFileSync(home.history);
    const denied = {
      ...fs,
      openSync: ((path: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
        if (path === home.history && flags === 'a') throw Object.assign(new Error('denied'), { code: 'EACCES' });
        return fs.openSync(path, flags ?? 'r', mode);
      }) as typeof fs.openSync,
    } as typeof fs;
    expect(() => recordAttempt(home.history, draft(5, { answer: 'keep me' }), { now: at(5), fs: denied, rescueDir })).toThrow(
      'the attempt was not saved: permission denied (EACCES); your history is unchanged',
    );
    expect(readFileSync(home.history)).toEqual(before);
    const [rescued] = readdirSync(rescueDir);
    expect(readFileSync(join(rescueDir, rescued!), 'utf8')).toContain('"answer":"keep me"');
  });
});

describe('odd history paths', () => {
  it('refuses a folder as the history, for reading and writing, and creates nothing', async () => {
    const folder = join(home.dir, 'a-folder');
    mkdirSync(folder);
    const importFile = join(home.dir, 'import.jsonl');
    writeFileSync(importFile, `${HEADER}\n${JSON.stringify({ type: 'attempt', id: 'i', ...draft(1) })}\n`);
    for (const args of [['stats'], ['history'], ['coach', 'team-conflict', '--record', '--answer-file', answerFile], ['history', '--repair'], ['history', '--import', importFile]]) {
      const r = await run([...args, '--history', folder]);
      expect(r.code, args.join(' ')).toBe(1);
      const refused = `rmprep: the history path ${folder} is a folder, not a file`;
      const advice = `use a file inside it, e.g. --history ${join(folder, 'history.json')}`;
      if (args.includes('--import')) {
        expect(r.stderr).toBe(`${refused}; nothing was imported (${advice})\n`);
      } else if (args.includes('--record')) {
        expect(r.stderr.startsWith(`${refused}; the attempt was not saved (${advice}; the attempt is kept in `)).toBe(true);
      } else {
        expect(r.stderr).toBe(`${refused} (${advice})\n`);
      }
    }
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(home.dir).filter((n) => n.startsWith('a-folder'))).toEqual(['a-folder']);
  });

  it.each([
    ['an absolute symlink', (real: string) => real],
    ['a relative symlink', () => join('real', 'history.json')],
  ])('follows %s to its file, keeps the link, and keeps lock and cache beside the real file', async (_name, target) => {
    const real = join(home.dir, 'real', 'history.json');
    seed(real, 2);
    const link = join(home.dir, 'link.json');
    symlinkSync(target(real), link);
    const r = await record('--history', link);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target(real));
    expect(attempts(readHistory(real).records)).toHaveLength(3);
    expectWholeFile(real);
    expect(leftovers(home.dir)).toEqual([]);
    expect(leftovers(join(real, '..'))).toEqual([]);
    expect(readdirSync(join(real, '..')).sort()).toEqual(['.history.json.practice', '.history.json.summary', 'history.json']);
  });

  it('upgrades a version 1 file behind a symlink in place, keeping the link', async () => {
    const real = join(home.dir, 'real', 'history.json');
    mkdirSync(join(real, '..'));
    const v1 = `{"rmprep":"history","version":1}\n${JSON.stringify({ type: 'attempt', id: 'a', ...draft(0, { questionId: 'team-conflict' }) })}\n`;
    writeFileSync(real, v1);
    const link = join(home.dir, 'link.json');
    symlinkSync(real, link);
    const r = await record('--history', link);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(`${real}.v1.bak`, 'utf8')).toBe(v1);
    expect(readFileSync(real, 'utf8').startsWith(`${HEADER}\n`)).toBe(true);
    expect(attempts(readHistory(link).records)).toHaveLength(2);
  });

  it('creates the file (and its folder) where a symlink to a file not yet made points', async () => {
    const target = join(home.dir, 'later', 'deeper', 'history.json');
    const link = join(home.dir, 'link.json');
    symlinkSync(target, link);
    const s = await run(['stats', '--json', '--history', link]);
    expect(s.code).toBe(0);
    expect(existsSync(join(home.dir, 'later'))).toBe(false);
    const r = await record('--history', link);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(attempts(expectWholeFile(target))).toHaveLength(1);
    expect(leftovers(join(target, '..'))).toEqual([]);
  });

  it('reports a symlink loop in one line, without a stack trace', async () => {
    const a = join(home.dir, 'a.json');
    const b = join(home.dir, 'b.json');
    symlinkSync(b, a);
    symlinkSync(a, b);
    const r = await record('--history', a);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/ELOOP/);
    expect(leftovers(home.dir)).toEqual([]);
  });
});
