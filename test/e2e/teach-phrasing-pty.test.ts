import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, readHistoryAttempts, runCli } from '../helpers/cli.js';
import { KEY, PtySession, revealRateAndFinish, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const ANSWER =
  'Two leads fought about a flaky test suite before a release. I met each lead alone over coffee and listened to both sides. ' +
  'Then we agreed on a quarantine lane for flaky tests and shipped two days later with zero escaped defects.';
const RULE = 'Then we agreed on a quarantine lane for flaky tests and shipped two days later with zero escaped defects.';

describe.skipIf(SKIP_PTY)('teaching the coach a phrasing from the drill’s feedback', () => {
  it('picks a point not heard, then the answer’s words (closest first); saves them as coach --heard does and shows the point heard', async () => {
    const s = new PtySession(['drill', '--id', 'team-conflict', '--answer-mode', 'type', '--offline'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Ctrl-D');
    s.type(ANSWER);
    s.type(KEY.ctrlD);
    await s.pageUntil(/t: teach a phrasing/);
    const before = /Score (\d+)\/100/.exec(s.text)?.[1];
    expect(s.text).toContain('✗ Gets both sides to agree a rule for next time');
    s.type('t');
    await s.waitFor('Which point did you make that the coach did not hear?');
    // Not heard, in order: 2, 3, 4, 5 (the rule), 7.
    for (let k = 0; k < 3; k++) s.type(KEY.down);
    s.type(KEY.enter);
    await s.waitFor(/Which words of your answer make point 5\?[\s\S]*❯ Then we agreed on a quarantine lane/);
    s.type(KEY.enter);
    await s.waitFor('Point 5 taught with your words');
    await s.pageUntil(/\[your phrasing\] heard in[\s\S]*t: teach a phrasing/);
    const feedback = s.text.slice(s.text.lastIndexOf('Point 5 taught'));
    expect(feedback).toContain('✓ Gets both sides to agree a rule for next time');
    const after = /Score (\d+)\/100/.exec(feedback)?.[1];
    expect(Number(after)).toBeGreaterThan(Number(before));
    expect(await revealRateAndFinish(s)).toBe(0);
    const yaml = readFileSync(join(dirname(home.history), 'phrasings.yaml'), 'utf8');
    expect(yaml).toContain('question: team-conflict');
    expect(yaml).toContain(RULE);
    expect(readHistoryAttempts(home.history)).toEqual([expect.objectContaining({ questionId: 'team-conflict', score: Number(after) })]);
    // The same store as coach --heard: the coach hears the point there from now on.
    const listed = await runCli(['phrasings', 'list', 'team-conflict'], { env: home.env });
    expect(listed.stdout).toContain('quarantine lane');
  });
});
