import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome } from '../helpers/cli.js';
import { KEY, PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const attempts = () =>
  readFileSync(home.history, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => r.type === 'attempt');

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
});
