import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, readHistoryAttempts, runCli } from '../helpers/cli.js';
import { KEY, PtySession, SKIP_PTY } from '../helpers/pty.js';

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
    await s.waitFor('Session summary');
    expect(await s.exited()).toBe(0);
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
});
