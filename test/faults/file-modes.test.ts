import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';
import { draft, HEADER } from './helpers.js';

// Files stay the person's: rewrites keep owner and mode, new files holding answers are 0600, new folders 0700.
let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const root = process.getuid?.() === 0;
const NOBODY = 65534;
const modeOf = (p: string) => statSync(p).mode & 0o777;
const cli = (args: string[], input?: string, env: Record<string, string> = {}) =>
  runCli(args, { env: { ...home.env, ...env }, cwd: home.dir, timeoutMs: 20_000, ...(input !== undefined ? { input } : {}) });
const ANSWER = 'I froze the release, rolled back within four minutes and wrote the postmortem the same day.';
const dataDir = () => join(home.dir, 'data', 'rmprep');

function writeHistory(lines: string[], mode: number): void {
  mkdirSync(dataDir(), { recursive: true, mode: 0o755 });
  writeFileSync(home.history, `${lines.join('\n')}\n`);
  chmodSync(home.history, mode);
  if (root) chownSync(home.history, NOBODY, NOBODY);
}

function expectKept(mode: number): void {
  const st = statSync(home.history);
  expect(st.mode & 0o777).toBe(mode);
  if (root) expect([st.uid, st.gid]).toEqual([NOBODY, NOBODY]);
}

describe('new files and folders', () => {
  it('coach --record makes the data folder 0700 and the history 0600, whatever the umask allows', async () => {
    const r = await cli(['coach', 'team-conflict', '--record', '--rating', 'good'], ANSWER);
    expect(r.code, r.stderr).toBe(0);
    expect(modeOf(dataDir())).toBe(0o700);
    expect(modeOf(home.history)).toBe(0o600);
    for (const n of readdirSync(dataDir())) expect(modeOf(join(dataDir(), n)), n).toBe(0o600);
  });

  it('a torn last line is set aside in a 0600 file', async () => {
    const attempt = JSON.stringify({ type: 'attempt', id: 'a1', ...draft(1, { questionId: 'team-conflict' }) });
    writeHistory([HEADER, attempt, attempt.replace('a1', 'a2').slice(0, 40)], 0o644);
    writeFileSync(home.history, readFileSync(home.history, 'utf8').replace(/\n$/, ''));
    const r = await cli(['coach', 'team-conflict', '--record', '--rating', 'good'], ANSWER);
    expect(r.code, r.stderr).toBe(0);
    const torn = readdirSync(dataDir()).filter((n) => n.includes('.torn-'));
    expect(torn).toHaveLength(1);
    expect(modeOf(join(dataDir(), torn[0]!))).toBe(0o600);
    expectKept(0o644);
  });

  it('story new makes its folder 0700 and the story 0600; --force keeps a story\'s mode', async () => {
    const r = await cli(['story', 'new', 'flaky-build', '--title', 'Flaky build', '--situation', 'A flaky suite blocked releases.']);
    expect(r.code, r.stderr).toBe(0);
    const stories = join(dataDir(), 'stories');
    expect(modeOf(stories)).toBe(0o700);
    expect(modeOf(join(stories, 'flaky-build.md'))).toBe(0o600);
    chmodSync(join(stories, 'flaky-build.md'), 0o640);
    const again = await cli(['story', 'new', 'flaky-build', '--title', 'Flaky build', '--situation', 'Still flaky.', '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(modeOf(join(stories, 'flaky-build.md'))).toBe(0o640);
  });
});

describe('rewrites keep owner and mode', () => {
  it.each([
    ['0644', 0o644],
    ['0640', 0o640],
    ['0600', 0o600],
  ])('history --repair keeps a %s history (and, as root, its owner); the rejected lines are 0600', async (_shown, mode) => {
    const attempt = JSON.stringify({ type: 'attempt', id: 'a1', ...draft(1, { questionId: 'team-conflict' }) });
    writeHistory([HEADER, attempt, '{"broken": '], mode);
    const r = await cli(['history', '--repair']);
    expect(r.code, r.stderr).toBe(0);
    expectKept(mode);
    const rejected = readdirSync(dataDir()).filter((n) => n.includes('.rejected-'));
    expect(rejected).toHaveLength(1);
    expect(modeOf(join(dataDir(), rejected[0]!))).toBe(0o600);
    // And the owner can still use it.
    expect((await cli(['stats'])).code).toBe(0);
  });

  it('the upgrade of a version 1 history keeps its mode and owner', async () => {
    const v1 = JSON.stringify({ type: 'attempt', id: 'a', ...draft(0, { questionId: 'team-conflict' }) });
    writeHistory(['{"rmprep":"history","version":1}', v1], 0o644);
    const r = await cli(['coach', 'team-conflict', '--record', '--rating', 'good'], ANSWER);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(home.history, 'utf8')).not.toContain('"version":1}');
    expectKept(0o644);
  });
});

describe('a home folder that does not exist', () => {
  it('is refused with one line, not created', async () => {
    const missing = join(home.dir, 'no-such-home');
    const env = { HOME: missing, XDG_DATA_HOME: '', XDG_CACHE_HOME: '', XDG_CONFIG_HOME: '' };
    for (const args of [['list'], ['coach', 'team-conflict', '--record']]) {
      const r = await cli(args, ANSWER, env);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^rmprep: the home folder .*no-such-home does not exist; rmprep will not create it \([^\n]*\)\n$/);
    }
    expect(readdirSync(home.dir)).not.toContain('no-such-home');
  });
});
