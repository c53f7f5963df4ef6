import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome } from '../helpers/cli.js';
import { KEY, PtySession } from '../helpers/pty.js';

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

describe('drill in a pseudo-terminal', () => {
  it('asks, takes a typed answer, gives feedback, reveals the model answer, records the rating', async () => {
    const s = new PtySession(['drill', '--id', 'team-conflict', '--answer-mode', 'type'], home.env);
    await s.waitFor('Your answer:');
    await s.typeSlowly('Two leads disagreed about a freeze. I met each of them and we agreed to ship 2 days later.');
    s.type(KEY.enter);
    s.type(KEY.enter);
    await s.waitFor('Feedback on your answer');
    await s.waitFor('Model answer');
    await s.waitFor('How did it go?');
    s.type('2');
    s.type(KEY.enter);
    await s.waitFor('Session summary');
    expect(await s.exited()).toBe(0);
    const [attempt, ...rest] = attempts();
    expect(rest).toEqual([]);
    expect(attempt).toMatchObject({
      questionId: 'team-conflict',
      category: 'behavioral',
      rating: 'hard',
      mode: 'typed',
      answer: 'Two leads disagreed about a freeze. I met each of them and we agreed to ship 2 days later.',
    });
    expect(typeof attempt!.score).toBe('number');
    expect((attempt!.card as { reps: number }).reps).toBe(1);
    expect(s.text).toMatch(/Talking points|talking points/);
  });

  it('keeps every rated answer when the user presses Ctrl-C, and exits 130 without a stack trace', async () => {
    const s = new PtySession(['drill', '--id', 'release-process', '--id', 'feature-flags', '--answer-mode', 'spoken'], home.env);
    await s.waitFor('Answer aloud now.');
    s.type(KEY.enter);
    await s.waitFor('How did it go?');
    s.type('3');
    s.type(KEY.enter);
    await s.waitFor('Next?');
    s.type(KEY.enter);
    await s.waitFor(/Question 2 of 2[\s\S]*Answer aloud now\./);
    s.type(KEY.ctrlC);
    expect(await s.exited()).toBe(130);
    expect(s.text).not.toMatch(/at .*\.js:\d+/);
    const saved = attempts();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ questionId: 'release-process', rating: 'good', mode: 'spoken' });
  });
});
