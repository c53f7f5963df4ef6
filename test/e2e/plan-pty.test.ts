import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';
import { KEY, PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const records = () =>
  readFileSync(home.history, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe.skipIf(SKIP_PTY)('a study plan in a pseudo-terminal', () => {
  it('asks the plan questions in order with a countdown, notes going over time, and reports at the end', async () => {
    const plan = join(home.dir, 'plan.yaml');
    writeFileSync(plan, 'name: two-step\nitems:\n  - ids: [release-process]\n    count: 1\n  - ids: [team-conflict]\n    count: 1\ntimeLimit: 60\nanswerMode: spoken\n');
    // --time-limit overrides the plan's limit, so the test can go over it quickly.
    const s = new PtySession(['drill', '--plan', plan, '--time-limit', '1'], home.env);
    await s.waitFor('Plan: two-step');
    for (const [n, id] of [[1, 'release-process'], [2, 'team-conflict']] as const) {
      await s.waitFor(`Question ${n} of 2`);
      await s.waitFor(new RegExp(`Question ${n} of 2[\\s\\S]*${id}[\\s\\S]*Answer aloud now`));
      await s.waitFor(new RegExp(`Question ${n} of 2[\\s\\S]*(left of 0:01|over time by)`));
      await new Promise((r) => setTimeout(r, 1300));
      s.type(KEY.enter);
      await s.pageUntil(/How did it go\?/);
      s.type(n === 1 ? '3' : '4');
      s.type(KEY.enter);
      if (n === 1) {
        await s.waitFor('Next?');
        s.type(KEY.enter);
      }
    }
    await s.waitFor('That was the last question.');
    s.type(KEY.enter);
    await s.waitFor('Session summary: 2 answered');
    expect(await s.exited()).toBe(0);
    expect(s.text).toMatch(/over time/i);

    const all = records();
    const session = all.find((r) => r.type === 'session');
    expect(session).toMatchObject({ plan: 'two-step', timeLimit: 1 });
    const attempts = all.filter((r) => r.type === 'attempt');
    expect(attempts.map((a) => [a.questionId, a.rating, a.overTime, a.session])).toEqual([
      ['release-process', 'good', true, session!.id],
      ['team-conflict', 'easy', true, session!.id],
    ]);

    const report = await runCli(['report', '--format', 'markdown'], { env: home.env });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('two-step');
    expect(report.stdout).toMatch(/release-process|release process/i);
  });

  it('takes the first N questions of a bundled time-limited plan with --count, with the countdown at its limit', async () => {
    const s = new PtySession(['drill', '--plan', 'mock-interview', '--count', '2', '--answer-mode', 'spoken'], home.env);
    await s.waitFor('Plan: mock-interview. 2 questions.');
    await s.waitFor(/Question 1 of 2[\s\S]*Common[\s\S]*left of 3:00/);
    s.type(KEY.ctrlC);
    expect(await s.exited()).toBe(130);
    expect(s.text).toContain('No answers saved this session.');
  });

  it('says when the bank cannot fill a plan, then drills what it has', async () => {
    const plan = join(home.dir, 'short.yaml');
    writeFileSync(plan, 'name: too-big\nitems:\n  - ids: [release-process]\n    count: 3\nanswerMode: spoken\n');
    const s = new PtySession(['drill', '--plan', plan], home.env);
    await s.waitFor('Plan: too-big. 1 question.');
    expect(s.text).toContain('item 1 of plan "too-big" asks for 3 questions but only 1 match');
    await s.waitFor('Answer aloud now');
    s.type(KEY.ctrlC);
    expect(await s.exited()).toBe(130);
  });
});
