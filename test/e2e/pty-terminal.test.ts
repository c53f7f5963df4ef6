import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome } from '../helpers/cli.js';
import { PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => (home = makeHome()));
afterEach(() => home.cleanup());

/** Ended or a zombie waiting for its parent: either way no longer running. */
const running = (pid: number) => existsSync(`/proc/${pid}/stat`) && !/^\d+ \(.*\) [ZX]/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

const drill = () => new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'spoken'], home.env, { cols: 60, rows: 20 });

describe.skipIf(SKIP_PTY)('the terminal the tests drive rmprep in', () => {
  it('has the size asked for: rmprep wraps the question to 60 columns', async () => {
    const s = drill();
    await s.waitFor('Answer aloud now');
    const question = s.text.split(/\r?\n/).filter((l) => l.includes('planning conversation'));
    expect(question).toHaveLength(1);
    expect(question[0]!.length).toBeLessThanOrEqual(60);
    s.hangUp();
    await s.exited();
  });

  it('gives rmprep’s own pid, so a signal reaches rmprep and its status comes back', async () => {
    const s = drill();
    await s.waitFor('Answer aloud now');
    const { pid, tty } = await s.started();
    expect(tty).toMatch(/^\/dev\/pts\/\d+$/);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain('drill');
    s.kill('SIGKILL');
    expect(await s.exited()).toBe(128 + 9);
    expect(running(pid)).toBe(false);
  });

  it('closes the terminal on hangUp, and rmprep ends with it', async () => {
    const s = drill();
    await s.waitFor('Answer aloud now');
    const pid = s.pid;
    s.hangUp();
    expect(await s.exited()).toBeNull();
    expect(running(pid)).toBe(false);
  });
});
