import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, readHistoryAttempts, runCli } from '../helpers/cli.js';
import { KEY, PtySession, revealRateAndFinish, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const attempts = () => readHistoryAttempts(home.history);

const count = (text: string, part: string) => text.split(part).length - 1;

describe.skipIf(SKIP_PTY)('the drill’s first question from the caches', () => {
  it('is shown once, and keys typed before the prompt is drawn are neither echoed nor lost', async () => {
    // Any earlier run fills the bank's caches; the drill then starts from them.
    expect((await runCli(['list'], { env: home.env })).code).toBe(0);
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'type'], home.env);
    await s.waitFor('Question 1 of 1');
    s.type('Typed at once.');
    s.type(KEY.enter);
    await s.waitFor('Ctrl-D: done');
    s.type('Then the rest.');
    s.type(KEY.ctrlD);
    await s.waitFor('Press any key to see the model answer');
    expect(await revealRateAndFinish(s)).toBe(0);
    expect(count(s.text, 'Question 1 of 1')).toBe(1);
    expect(count(s.text, '1 question. Ctrl-C quits at any time')).toBe(1);
    // The terminal did not echo the early keys: between the question and the prompt they are not on screen.
    const beforePrompt = s.text.slice(s.text.indexOf('Question 1 of 1'), s.text.indexOf('Your answer'));
    expect(beforePrompt).toContain('release-process');
    expect(beforePrompt).not.toContain('Typed at once');
    const [attempt, ...rest] = attempts();
    expect(rest).toEqual([]);
    expect(attempt).toMatchObject({ questionId: 'release-process', mode: 'typed', answer: 'Typed at once.\nThen the rest.' });
  });

  it('picks with the history as the drill does, warns as it does, and Ctrl-C typed at once stops cleanly', async () => {
    expect((await runCli(['list'], { env: home.env })).code).toBe(0);
    const first = new PtySession(['drill', '--category', 'technical', '--count', '2', '--seed', 'a', '--answer-mode', 'spoken'], home.env);
    await first.waitFor('Question 1 of 2');
    first.type(KEY.ctrlC);
    expect(await first.exited()).toBe(130);
    expect(first.text).toContain('No answers saved this session.');
    expect(count(first.text, 'Question 1 of 2')).toBe(1);
  });

  // Node 22 and later keep compiled code themselves (module.enableCompileCache).
  it.runIf(Number(process.versions.node.split('.')[0]) < 22)('keeps the start-up code compiled even when the terminal is closed at the first question', async () => {
    expect((await runCli(['list'], { env: home.env })).code).toBe(0);
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'spoken'], home.env);
    await s.waitFor('Answer aloud now');
    s.hangUp();
    await s.exited();
    expect(readdirSync(join(home.dir, 'cache', 'rmprep')).filter((n) => /^code-.*-drill\.v8$/.test(n))).toHaveLength(1);
  });

  it('runs a plan the drill parsed before from its cache, with the plan named once', async () => {
    expect((await runCli(['list'], { env: home.env })).code).toBe(0);
    for (const round of [1, 2]) {
      const s = new PtySession(['drill', '--plan', 'behavioral-sprint', '--count', '2', '--answer-mode', 'spoken'], home.env);
      await s.waitFor('Answer aloud now');
      s.type(KEY.ctrlC);
      expect(await s.exited(), `round ${round}`).toBe(130);
      expect(count(s.text, 'Plan: ')).toBe(1);
      expect(count(s.text, 'Question 1 of 2')).toBe(1);
    }
  });
});
