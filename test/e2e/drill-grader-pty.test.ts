import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claims, startChatServer } from '../helpers/chat-server.js';
import { makeHome, readHistoryAttempts } from '../helpers/cli.js';
import { bracketedPaste, finishAtLastStep, KEY, PtySession, revealRateAndFinish } from '../helpers/pty.js';

const ID = 'rollback-recovery';
const ANSWER =
  'Before the release starts, the team walks through the way back in staging so nobody improvises at midnight. ' +
  'We write down the error level that sends us back, and nobody argues about it on the night. ' +
  'Last spring a payment change misbehaved, so I switched the traffic to the old cluster within four minutes.';
const POINT_2 = 'We write down the error level that sends us back';

let home: ReturnType<typeof makeHome>;
let close: (() => Promise<void>) | undefined;
beforeEach(() => {
  home = makeHome();
});
afterEach(async () => {
  await close?.();
  home.cleanup();
});

const attempts = () => readHistoryAttempts(home.history);

async function drillWith(delayMs: number, rows = 60) {
  const server = await startChatServer(() => ({ delayMs, content: claims({ point: 2, quote: POINT_2 }) }));
  close = server.close;
  const env = { ...home.env, RMPREP_GRADER_URL: server.url, RMPREP_GRADER_MODEL: 'test-model', RMPREP_GRADER_TIMEOUT: '60' };
  const s = new PtySession(['drill', '--id', ID, '--answer-mode', 'type'], env, { cols: 100, rows });
  await s.waitFor('Ctrl-D: done');
  s.type(bracketedPaste(ANSWER));
  s.type(KEY.enter);
  s.type(KEY.ctrlD);
  if (rows < 40) await s.pageUntil(/Listening to the model grader/);
  await s.waitFor('Listening to the model grader… press any key to go on without waiting');
  return { s, server };
}

/** `t`, the first point not heard, the first sentence offered for it; resolves once the feedback shows it taught. */
async function teachFirstPoint(s: PtySession): Promise<void> {
    s.type('t');
    await s.waitFor('Which point did you make that the coach did not hear?');
    s.type(KEY.enter);
    await s.waitFor(/Which words of your answer make point (\d+)\?/);
    s.type(KEY.enter);
    await s.waitFor(/Point \d+ taught with your words/);
    await s.pageUntil(/\[your phrasing\] heard in[\s\S]*t: teach a phrasing/);
}

describe('drill with a model grader', () => {
  it('shows the words-only feedback at once, adds the model\'s points marked when they arrive, and saves them with the attempt', async () => {
    const { s, server } = await drillWith(1500);
    expect(s.text).toMatch(/Score \d+\/100/);
    await s.waitFor(/The model grader heard 1 more: score \d+\/100 \(words alone: \d+\)/);
    // The feedback fits on screen, so it is redrawn in place: the cursor goes back up to where it began
    // and the feedback is written again with the model's point in its place, marked.
    const first = s.raw.indexOf('Feedback on your answer');
    const redraw = s.raw.search(/\u001b\[\d+A\r\u001b\[J\r?\n?Feedback on your answer/);
    expect(first).toBeGreaterThan(-1);
    expect(redraw).toBeGreaterThan(first);
    const again = s.text.slice(s.text.lastIndexOf('Feedback on your answer'));
    expect(again).toMatch(/✓ Agrees the rollback triggers in advance\r?\n\s+\[model\] heard in "We write down the error level that sends us back"/);
    expect(again).toMatch(/The model grader heard 1 more/);
    await s.waitFor('Press any key to see the model answer');
    expect(await revealRateAndFinish(s)).toBe(0);
    expect(server.received).toHaveLength(1);
    const [attempt] = attempts();
    expect(attempt).toMatchObject({ reading: { model: 'test-model', origin: server.origin }, credits: [{ point: 'agrees-rollback-triggers', by: 'model', quote: POINT_2 }] });
    expect(attempt!.wordsScore).toBeLessThan(attempt!.score as number);
  });

  it('adds the model\'s points below, marked, when the feedback did not fit on the screen', async () => {
    const { s } = await drillWith(1500, 20);
    await s.waitFor(/The model grader heard 1 more: score \d+\/100 \(words alone: \d+\)/);
    expect(s.text).toContain('[model] ✓ Agrees the rollback triggers in advance');
    expect(s.raw).not.toMatch(/\u001b\[\d+A\r\u001b\[J\r?\n?Feedback on your answer/);
    s.type(KEY.ctrlC);
    expect(await s.exited()).toBe(130);
  });

  it('goes on without the model at a key press, and saves the rated attempt words-only', async () => {
    const { s } = await drillWith(30_000);
    s.type(' ');
    await s.pageUntil(/How did it go\?/);
    expect(s.text).not.toContain('The model grader heard');
    s.type('3');
    s.type(KEY.enter);
    expect(await finishAtLastStep(s)).toBe(0);
    const [attempt] = attempts();
    expect(attempt?.credits).toBeUndefined();
    expect(typeof attempt?.score).toBe('number');
  });

  it('offers teaching once the model\'s points are in, and keeps them in the feedback and the attempt when a phrasing is taught', async () => {
    const { s } = await drillWith(1500);
    await s.waitFor(/The model grader heard 1 more/);
    await s.waitFor('(t: teach a phrasing)');
    await teachFirstPoint(s);
    const again = s.text.slice(s.text.lastIndexOf('taught with your words'));
    expect(again).toMatch(/\[model\] heard in "We write down the error level that sends us back"/);
    expect(await revealRateAndFinish(s)).toBe(0);
    const [attempt] = attempts();
    expect(attempt).toMatchObject({ credits: [{ point: 'agrees-rollback-triggers', by: 'model', quote: POINT_2 }] });
    expect(readFileSync(join(dirname(home.history), 'phrasings.yaml'), 'utf8')).toContain(`question: ${ID}`);
  });

  it('goes straight to teaching with t while the model is still thinking, and stops its request', async () => {
    const { s, server } = await drillWith(30_000);
    expect(s.text).toContain('(t: teach a phrasing)');
    await teachFirstPoint(s);
    expect(s.text).not.toContain('The model grader heard');
    expect(await revealRateAndFinish(s)).toBe(0);
    // Stopped, not retried: the one request may not even have reached the server before the key.
    expect(server.received.length).toBeLessThanOrEqual(1);
    expect(s.text).not.toContain('The model grader heard');
    expect(attempts()[0]?.credits).toBeUndefined();
  });

  it('stops at once on Ctrl-C while listening, keeping the typed answer', async () => {
    const { s } = await drillWith(30_000);
    s.type(KEY.ctrlC);
    expect(await s.exited()).toBe(130);
    const drafts = join(dirname(home.history), 'drafts');
    const kept = readdirSync(drafts).map((f) => readFileSync(join(drafts, f), 'utf8'));
    expect(kept.some((t) => t.includes(POINT_2))).toBe(true);
  });
});
