import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeHome, runCli } from '../helpers/cli.js';

// Folders rmprep cannot use fail fast with one line; empty values never mean the current folder.
let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
  writeFileSync(join(home.dir, 'answer.txt'), 'We froze the release, rolled back in 4 minutes, and shipped the fix the next day.');
});
afterEach(() => home.cleanup());

const run = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { env: { ...home.env, TMPDIR: home.dir, ...env }, cwd: home.dir, timeoutMs: 20_000 });
const record = ['coach', 'team-conflict', '--record', '--rating', 'good', '--answer-file', 'answer.txt'];

describe('a data or cache folder under /proc', () => {
  it('a cache folder there costs only speed: list and show finish', async () => {
    for (const args of [['list'], ['show', 'team-conflict']]) {
      const r = await run(args, { XDG_CACHE_HOME: '/proc/rmprep-test' });
      expect(r.timedOut).toBeUndefined();
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it('a history there fails fast in one line, and the attempt is kept in a rescue file', async () => {
    const r = await run(record, { XDG_DATA_HOME: '/proc/rmprep-test' });
    expect(r.timedOut).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^rmprep: the attempt was not saved/);
    const rescue = readdirSync(home.dir).filter((n) => n.startsWith('rmprep-unsaved-'));
    expect(rescue).toHaveLength(1);
    expect(readFileSync(join(home.dir, rescue[0] as string), 'utf8')).toMatch(/"questionId":"team-conflict"/);
  });
});

describe('empty values', () => {
  it.each([
    [['--history', '', 'stats']],
    [['stats', '--history', '']],
    [['list', '--questions', '']],
    [['--questions', '', 'validate']],
  ])('%j is a usage error', async (args) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rmprep: --(history|questions) needs a .* not an empty value\n$/);
  });

  // As root the account's home is the real one, which tests never touch; 'nobody' has a home that does not exist.
  // Skipped where 'nobody' cannot read the checkout (a clone inside a private temp folder, for one).
  it.skipIf(!nobodyCanRun())('HOME="" never puts history or caches in the current folder', () => {
    chmodSync(home.dir, 0o777);
    chmodSync(join(home.dir, 'answer.txt'), 0o644);
    const env = { PATH: process.env.PATH ?? '', TZ: 'UTC', NO_COLOR: '1', HOME: '', XDG_DATA_HOME: '', XDG_CACHE_HOME: '', TMPDIR: home.dir };
    const r = spawnSync(process.execPath, [BIN, ...record], { cwd: home.dir, env, uid: 65534, gid: 65534, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(1);
    // The account's own home (nobody's is usually /nonexistent) is refused when it is not there.
    expect(r.stderr).toMatch(/^rmprep: (the attempt was not saved: |the home folder .* does not exist; rmprep will not create it)/);
    expect(readdirSync(home.dir).filter((n) => !n.startsWith('rmprep-unsaved-'))).toEqual(['answer.txt']);
  });
});

function nobodyCanRun(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = spawnSync(process.execPath, ['-e', 'require("fs").accessSync(process.argv[1], 4)', BIN], { uid: 65534, gid: 65534, timeout: 10_000 });
  return probe.status === 0;
}
