import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, readHistoryAttempts } from '../helpers/cli.js';
import { bracketedPaste, KEY, PtySession, revealRateAndFinish, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const answers = () => readHistoryAttempts(home.history).map((a) => a.answer);

async function finishAndRate(s: PtySession): Promise<void> {
  s.type(KEY.ctrlD);
  await s.waitFor('Press any key to see the model answer');
  expect(await revealRateAndFinish(s)).toBe(0);
}

describe.skipIf(SKIP_PTY)('a paste at the answer-mode menu', () => {
  it('with bracketed paste starts a typed answer holding exactly what was pasted', async () => {
    const pasted = 'Situation: two leads disagreed.\n\nTask: one decision that day.';
    const s = new PtySession(['drill', '--id', 'team-conflict'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('How will you answer?');
    s.type(bracketedPaste(pasted));
    await s.waitFor(/Your answer[\s\S]*Task: one decision that day\./);
    expect(s.text).toContain('How will you answer? Type it here (pasted)');
    await finishAndRate(s);
    expect(answers()).toEqual([pasted]);
  });

  it('without bracketed paste takes a burst of keys as the answer, line breaks included', async () => {
    const s = new PtySession(['drill', '--id', 'team-conflict'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('How will you answer?');
    s.type('Situation: a freeze.\rResult: shipped.');
    await s.waitFor(/Your answer[\s\S]*Result: shipped\./);
    await finishAndRate(s);
    expect(answers()).toEqual(['Situation: a freeze.\nResult: shipped.']);
  });

  it('single keys keep their menu meaning: 5 then Enter quits', async () => {
    const s = new PtySession(['drill', '--id', 'team-conflict'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('How will you answer?');
    s.type(`5${KEY.enter}`);
    await s.waitFor('How will you answer? Quit');
    expect(await s.exited()).toBe(0);
  });
});
