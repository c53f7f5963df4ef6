import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseQuestions, drillOptionsSchema } from '../../src/cli/commands/drill.js';
import type { Context, Run } from '../../src/cli/context.js';
import { showFirstQuestion } from '../../src/cli/drill-start.js';
import { createRun } from '../../src/cli/run.js';
import { loadSummary, recordAttempt } from '../../src/core/history/store.js';
import { loadPlan } from '../../src/core/practice/plan-load.js';
import { createRng } from '../../src/core/random.js';

const NOW = new Date('2026-05-01T12:00:00Z');
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rmprep-start-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** A run on a terminal (as far as the drill can tell), recording what is written and when raw mode went on. */
function terminalRun(events: string[], { tty = true } = {}): Run {
  const stdin = Object.assign(new PassThrough(), { isTTY: tty, setRawMode: (on: boolean) => void events.push(`raw ${on}`) });
  const out = { write: (s: string) => void events.push(s), isTTY: tty, columns: 100 };
  const ctx: Context = {
    stdout: out,
    stderr: { write: (s: string) => void events.push(`stderr: ${s}`), isTTY: false },
    stdin,
    env: { NO_COLOR: '1', XDG_DATA_HOME: resolve(home, 'data'), XDG_CACHE_HOME: resolve(home, 'cache'), TZ: 'UTC' },
    cwd: home,
    home,
    packageRoot: resolve(import.meta.dirname, '..', '..'),
    version: '9.9.9',
    buildId: 'test',
    now: () => NOW,
    makeRng: (seed) => createRng(seed ?? 'fixed'),
  };
  return createRun(ctx, {});
}

/** A history where some questions are due, some were seen lately and most are new. */
function practise(run: Run): void {
  const days = [40, 20, 9, 3, 1];
  for (const [i, id] of ['release-process', 'feature-flags', 'rollback-recovery', 'team-conflict', 'release-metrics'].entries()) {
    const at = new Date(NOW.getTime() - (days[i] as number) * 86_400_000);
    recordAttempt(
      run.paths.historyFile,
      { questionId: id, category: id === 'team-conflict' ? 'behavioral' : 'technical', at: at.toISOString(), rating: i % 2 ? 'hard' : 'good', mode: 'spoken', seconds: 60 },
      { now: at, tmpDir: home, timeZone: 'UTC' },
    );
  }
}

async function viaCommand(raw: Record<string, unknown>): Promise<string[]> {
  const run = terminalRun([]);
  const opts = drillOptionsSchema.parse(raw);
  // As the drill command loads a plan: keeping what it parsed for the next start.
  const plan = opts.plan ? loadPlan(opts.plan, { packageRoot: run.packageRoot, cwd: run.cwd, cache: { dir: run.paths.cacheDir, build: run.buildId } }) : undefined;
  return (await chooseQuestions(run, opts, plan)).map((q) => q.id);
}

const LINES: Record<string, unknown>[] = [
  {},
  { seed: 'a' },
  { seed: 'b', count: '8' },
  { category: ['Technical'], seed: 'c' },
  { category: ['behavioral', 'common'], count: '3' },
  { tag: 'Rollback' },
  { due: true },
  { new: true, seed: 'd' },
  { id: ['feature-flags', 'RELEASE-PROCESS'] },
  { plan: 'mock-interview' },
  { plan: ' behavioral-sprint', count: '2', seed: 'e' },
  { plan: 'mine.yaml', seed: 'f' },
  { plan: 'daily-round', id: ['team-conflict'] },
];

describe('the drill’s start-up path', () => {
  it.each(LINES.map((raw) => [raw]))('picks what the drill command picks for %j, and shows the first at once', async (raw) => {
    writeFileSync(join(home, 'mine.yaml'), 'name: mine\norder: shuffled\nitems:\n  - category: technical\n    count: 2\n  - tags: [rollback]\n    count: 1\n');
    const warm = terminalRun([]);
    practise(warm);
    // The command's own run fills both caches: the bank's and the history summary's.
    const expected = await viaCommand(raw);
    loadSummary(warm.paths.historyFile, { timeZone: 'UTC' });
    const events: string[] = [];
    const start = showFirstQuestion(terminalRun(events), raw);
    expect(start?.ids).toEqual(expected);
    // Raw mode first, so that nothing typed at the question is echoed; then the opening line and question 1.
    expect(events[0]).toBe('raw true');
    const screen = events.slice(1).join('');
    expect(screen).toContain(`Question 1 of ${expected.length}\n`);
    if (raw.plan) expect(screen).toMatch(/^Plan: [a-z-]+\. /);
    expect(screen).toContain(` · ${expected[0]} · `);
    // A paste while the question waits for its menu arrives marked, so it reaches the menu whole.
    expect(screen.endsWith('\u001b[?2004h')).toBe(true);
  });

  it('shows nothing and leaves the drill to the command when a cache does not hold or the options need it', async () => {
    const warm = terminalRun([]);
    practise(warm);
    await viaCommand({});
    const nothing = (raw: Record<string, unknown>, opts?: { tty: boolean }) => {
      const events: string[] = [];
      expect(showFirstQuestion(terminalRun(events, opts), raw)).toBeUndefined();
      expect(events).toEqual([]);
    };
    nothing({}, { tty: false });
    nothing({ id: ['no-such-question'] });
    nothing({ count: '0' });
    nothing({ count: '501' });
    nothing({ category: ['nonsense'] });
    nothing({ due: true, new: true });
    nothing({ timeLimit: '5000' });
    nothing({ stories: 'no-such-folder' });
    nothing({ plan: 'no-such-plan' });
    nothing({ plan: '  ' });
    // A plan the drill command has not parsed yet, or one edited since.
    nothing({ plan: 'mock-interview' });
    writeFileSync(join(home, 'mine.yaml'), 'name: mine\nitems:\n  - count: 2\n');
    await viaCommand({ plan: 'mine.yaml' });
    expect(showFirstQuestion(terminalRun([]), { plan: 'mine.yaml' })?.plan?.name).toBe('mine');
    appendFileSync(join(home, 'mine.yaml'), 'order: shuffled\n');
    nothing({ plan: 'mine.yaml' });
    // The history grew behind the summary's back: only the command reads it.
    appendFileSync(warm.paths.historyFile, '{"partial":');
    nothing({});
    // An --id drill needs no summary.
    expect(showFirstQuestion(terminalRun([]), { id: ['feature-flags'] })?.ids).toEqual(['feature-flags']);
  });

  it('leaves a first run, before any cache exists, to the command', () => {
    const events: string[] = [];
    expect(showFirstQuestion(terminalRun(events), { id: ['feature-flags'] })).toBeUndefined();
    expect(events).toEqual([]);
  });
});
