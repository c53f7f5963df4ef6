import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, readHistoryAttempts, runCli } from '../helpers/cli.js';
import { bracketedPaste, finishAtLastStep, KEY, PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const attempts = () => readHistoryAttempts(home.history);

const MAIN = 'Rolling is our default. A canary sends a small share of traffic and compares against the baseline, using weighted routing in Istio. Blue-green costs double capacity.';
const SECOND = 'Both versions stay backward compatible with the shared database while they coexist.';
const ASKED = 'How would you combine a canary with a database migration?';

describe.skipIf(SKIP_PTY)('drill --follow-ups in a pseudo-terminal', () => {
  it('asks a follow-up at the point the answer left out, before the reveal, and saves it with the attempt', async () => {
    const s = new PtySession(['drill', '--id', 'deployment-strategies', '--answer-mode', 'type', '--follow-ups'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Ctrl-D: done');
    s.type(bracketedPaste(MAIN));
    await s.waitFor('double capacity.');
    s.type(KEY.ctrlD);
    await s.waitFor(`Follow-up: ${ASKED}`);
    // Nothing of the feedback or the model answer comes before the follow-up is answered.
    expect(s.text).not.toMatch(/Score \d+\/100/);
    await s.waitFor(/Follow-up: How would you combine[\s\S]*Ctrl-D: done/);
    s.type(bracketedPaste(SECOND));
    await s.waitFor('while they coexist.');
    s.type(KEY.ctrlD);
    await s.pageUntil(/Press any key to see the model answer/);
    const feedback = s.text.replace(/\s+/g, ' ');
    expect(feedback).toMatch(/Score \d+\/100/);
    expect(feedback).toContain('✓ Follow-up recovered "Keeps old and new versions compatible while they coexist"');
    expect(feedback).not.toContain('Model answer');
    s.type(' ');
    await s.pageUntil(/How did it go\?/);
    s.type(KEY.enter);
    expect(await finishAtLastStep(s)).toBe(0);
    const [attempt, ...rest] = attempts();
    expect(rest).toEqual([]);
    expect(attempt?.answer).toBe(MAIN);
    expect(attempt?.followUps).toEqual([{ question: ASKED, probes: 'keeps-old-new', answer: SECOND, heard: true }]);
    const report = await runCli(['report', '--format', 'json'], { env: home.env });
    const json = JSON.parse(report.stdout) as { attempts: { followUps: { heard: boolean }[]; practise: string[] }[] };
    expect(json.attempts[0]?.followUps[0]?.heard).toBe(true);
    expect(json.attempts[0]?.practise.length).toBeGreaterThan(0);
  });

  it('asks no follow-up with --follow-ups 0, even in the mock-interview plan', async () => {
    const s = new PtySession(['drill', '--plan', 'mock-interview', '--count', '1', '--answer-mode', 'type', '--follow-ups', '0'], home.env, { cols: 100, rows: 40 });
    await s.waitFor('Ctrl-D: done');
    s.type(bracketedPaste('We plan it, we test it, we ship it and we watch the dashboards.'));
    await s.waitFor('watch the dashboards.');
    s.type(KEY.ctrlD);
    await s.waitFor('Press any key to see the model answer');
    expect(s.text).not.toContain('Follow-up:');
    s.type(KEY.ctrlC);
    await s.exited();
  });
});
