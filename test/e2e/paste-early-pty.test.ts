import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, readHistoryAttempts, runCli } from '../helpers/cli.js';
import { bracketedPaste, KEY, PtySession, revealRateAndFinish, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const answers = () => (existsSync(home.history) ? readHistoryAttempts(home.history).map((a) => a.answer) : []);

/** Starts a drill from the caches and types `keys` as soon as the first question shows, before the menu. */
async function typeAtFirstQuestion(keys: string): Promise<PtySession> {
  // Any earlier run fills the bank's caches; the drill then shows its first question from them.
  expect((await runCli(['list'], { env: home.env })).code).toBe(0);
  const s = new PtySession(['drill', '--id', 'team-conflict'], home.env, { cols: 100, rows: 40 });
  await s.waitFor('Question 1 of 1');
  s.type(keys);
  return s;
}

async function finishAndRate(s: PtySession): Promise<void> {
  s.type(KEY.ctrlD);
  await s.waitFor('Press any key to see the model answer');
  expect(await revealRateAndFinish(s)).toBe(0);
}

describe.skipIf(SKIP_PTY)('keys that arrive while the first question is shown early', () => {
  it('a bracketed paste starts a typed answer holding exactly what was pasted, markers stripped', async () => {
    const pasted = 'Situation: two leads disagreed.\n\nTask: one decision that day.';
    const s = await typeAtFirstQuestion(bracketedPaste(pasted));
    await s.waitFor(/Your answer[\s\S]*Task: one decision that day\./);
    expect(s.text).toContain('How will you answer? Type it here (pasted)');
    expect(s.text).not.toContain('200~');
    await finishAndRate(s);
    expect(answers()).toEqual([pasted]);
  });

  it('a paste without bracketed mode (a burst of keys) is the answer too, line breaks included', async () => {
    const s = await typeAtFirstQuestion('Situation: a freeze.\rResult: shipped.');
    await s.waitFor(/Your answer[\s\S]*Result: shipped\./);
    expect(s.text).toContain('How will you answer? Type it here (pasted)');
    await finishAndRate(s);
    expect(answers()).toEqual(['Situation: a freeze.\nResult: shipped.']);
  });

  it('a single key keeps its menu meaning: 5 then Enter quits', async () => {
    const s = await typeAtFirstQuestion(`5${KEY.enter}`);
    await s.waitFor('How will you answer? Quit');
    expect(await s.exited()).toBe(0);
    expect(answers()).toEqual([]);
  });

  it('a paste at a kept draft’s offer is the answer too: the draft stays for another time', async () => {
    const drafts = join(dirname(home.history), 'drafts');
    mkdirSync(drafts, { recursive: true });
    const draft = join(drafts, '2026-12-02-3fa9c1-team-conflict.txt');
    writeFileSync(draft, 'An older start of an answer.');
    const s = await typeAtFirstQuestion(bracketedPaste('Situation: a freeze.\nResult: shipped.'));
    await s.waitFor(/Your answer[\s\S]*Result: shipped\./);
    expect(s.text).toContain('You have a draft from');
    expect(s.text).not.toContain('How will you answer?');
    await finishAndRate(s);
    expect(answers()).toEqual(['Situation: a freeze.\nResult: shipped.']);
    expect(existsSync(draft)).toBe(true);
  });
});
