import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, readHistoryAttempts, runCli } from '../helpers/cli.js';
import { finishAtLastStep, KEY, PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const attempts = () => readHistoryAttempts(home.history);

describe.skipIf(SKIP_PTY)('the rating prompt in a pseudo-terminal', () => {
  it('does nothing on Enter while no rating is chosen, then saves the one chosen with a digit', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'spoken'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Answer aloud now');
    s.type(KEY.enter);
    await s.pageUntil(/How did it go\?/);
    s.type(KEY.enter);
    await s.waitFor('Choose a rating first');
    expect(s.text).not.toContain('Session summary');
    expect(() => readFileSync(home.history, 'utf8')).toThrow();
    s.type('2');
    s.type(KEY.enter);
    expect(await finishAtLastStep(s)).toBe(0);
    expect(s.text).toContain('✔ How did it go? Hard');
    expect(attempts().map((a) => a.rating)).toEqual(['hard']);
  });

  it('undoes a rating from the menu after it, back to the rating prompt', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--id', 'feature-flags', '--answer-mode', 'spoken'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Answer aloud now');
    s.type(KEY.enter);
    await s.pageUntil(/How did it go\?/);
    s.type('4');
    s.type(KEY.enter);
    await s.waitFor('Undo that rating');
    s.type(KEY.down);
    s.type(KEY.enter);
    await s.waitFor(/Undo that rating[\s\S]*How did it go\?/);
    s.type('1');
    s.type(KEY.enter);
    await s.waitFor(/How did it go\? Again[\s\S]*Next\?/);
    s.type(KEY.up);
    s.type(KEY.enter);
    await s.waitFor('Session summary');
    expect(await s.exited()).toBe(0);
    const records = readFileSync(home.history, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const [easy, again] = records.filter((r) => r.type === 'attempt');
    expect(records.filter((r) => r.type === 'undo').map((r) => r.attempt)).toEqual([easy!.id]);
    expect([easy!.rating, again!.rating]).toEqual(['easy', 'again']);
    const counted = await runCli(['history', '--json'], { env: home.env });
    expect((JSON.parse(counted.stdout) as { id: string; rating: string }[]).map((a) => [a.id, a.rating])).toEqual([[again!.id, 'again']]);
  });

  it('undoes the last question’s rating from the step before the summary; Enter there finishes', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'spoken'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Answer aloud now');
    s.type(KEY.enter);
    await s.pageUntil(/How did it go\?/);
    s.type('4');
    s.type(KEY.enter);
    await s.waitFor('That was the last question.');
    expect(s.text).not.toContain('Session summary');
    s.type(KEY.down);
    s.type(KEY.enter);
    await s.waitFor(/Undo that rating[\s\S]*How did it go\?/);
    s.type('1');
    s.type(KEY.enter);
    await s.waitFor(/How did it go\? Again[\s\S]*That was the last question\./);
    s.type(KEY.enter);
    await s.waitFor(/That was the last question\. Finish[\s\S]*Session summary/);
    expect(await s.exited()).toBe(0);
    const records = readHistoryAttempts(home.history);
    expect(records.map((a) => a.rating)).toEqual(['easy', 'again']);
    const counted = await runCli(['history', '--json'], { env: home.env });
    expect((JSON.parse(counted.stdout) as { rating: string }[]).map((a) => a.rating)).toEqual(['again']);
  });

  it('keeps a typed answer in drafts/ when Ctrl-C comes at the rating asked again after an undo', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--answer-mode', 'type'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Ctrl-D');
    await s.typeSlowly('We ship on a train.');
    s.type(KEY.ctrlD);
    await s.waitFor('Press any key to see the model answer');
    s.type(' ');
    await s.pageUntil(/How did it go\?/);
    s.type('3');
    s.type(KEY.enter);
    await s.waitFor('That was the last question.');
    s.type(KEY.down);
    s.type(KEY.enter);
    await s.waitFor(/Undo that rating[\s\S]*How did it go\?/);
    s.type(KEY.ctrlC);
    expect(await s.exited()).toBe(130);
    const drafts = join(dirname(home.history), 'drafts');
    const kept = readdirSync(drafts).filter((n) => n.endsWith('-release-process.txt'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(drafts, kept[0]!), 'utf8')).toBe('We ship on a train.');
  });
});

