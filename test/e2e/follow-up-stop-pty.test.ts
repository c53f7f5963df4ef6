import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome } from '../helpers/cli.js';
import { bracketedPaste, KEY, PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const MAIN = 'Rolling is our default. A canary sends a small share of traffic and compares against the baseline, using weighted routing in Istio. Blue-green costs double capacity.';
const TYPED = 'Expand the schema first, then';

/** Drafts kept in the data folder: file name to text. */
function kept(): Record<string, string> {
  const dir = join(dirname(home.history), 'drafts');
  return Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
}

/** A drill stopped by `stop` while the follow-up's answer is half typed. */
async function stopInFollowUp(stop: (s: PtySession) => void): Promise<{ s: PtySession; code: number | null }> {
  const s = new PtySession(['drill', '--id', 'deployment-strategies', '--answer-mode', 'type', '--follow-ups'], home.env, { cols: 100, rows: 40 });
  await s.waitFor('Ctrl-D: done');
  s.type(bracketedPaste(MAIN));
  await s.waitFor('double capacity.');
  s.type(KEY.ctrlD);
  await s.waitFor(/Follow-up: How would you combine[\s\S]*Ctrl-D: done/);
  await s.typeSlowly(TYPED);
  await s.waitFor('schema first, then');
  stop(s);
  return { s, code: await s.exited() };
}

describe.skipIf(SKIP_PTY)('a drill stopped while a follow-up is being answered', () => {
  it.each([
    ['Ctrl-C', (s: PtySession) => s.type(KEY.ctrlC), 130],
    ['SIGTERM', (s: PtySession) => s.kill('SIGTERM'), 143],
    ['SIGHUP', (s: PtySession) => s.kill('SIGHUP'), 129],
  ] as const)('keeps the answer and the follow-up’s typed text in drafts/ (%s)', async (_name, stop, exit) => {
    const { s, code } = await stopInFollowUp(stop);
    expect(code).toBe(exit);
    const files = kept();
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^\d{4}-\d\d-\d\d-[0-9a-f]{6}-deployment-strategies\.follow-up\.txt$/);
    expect(names[1]).toMatch(/^\d{4}-\d\d-\d\d-[0-9a-f]{6}-deployment-strategies\.txt$/);
    expect(files[names[1]!]).toBe(MAIN);
    expect(files[names[0]!]).toBe(TYPED);
    if (exit !== 129) expect(s.text).toContain('Your follow-up answer is kept in');
  });
});
