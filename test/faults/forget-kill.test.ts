import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome } from '../helpers/cli.js';
import { expectWholeFile, HEADER, leftovers, seeded } from './helpers.js';
import { killAtRandom, runKilled } from './kill-at-random.js';

// README promises that forgetting answers leaves the history old or new whenever it is stopped. Here
// `history --forget-answers --yes` over 40,000 attempts is killed with a real SIGKILL at random moments,
// some while the new history is being written beside the old one: the history must then be exactly as
// before, or hold every attempt without its text and with everything else as it was.

const COUNT = 40_000;
const KILLS = 6;
const MAX_KILLS = 14;

let home: ReturnType<typeof makeHome>;
let before: Buffer;
const card = { due: '2026-02-01T10:00:00.000Z', stability: 2.3, difficulty: 4.1, elapsed_days: 0, scheduled_days: 2, learning_steps: 0, reps: 1, lapses: 0, state: 2, last_review: '2026-01-30T10:00:00.000Z' };
beforeAll(() => {
  home = makeHome();
  mkdirSync(join(home.dir, 'data', 'rmprep'), { recursive: true });
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  const lines = [HEADER];
  for (let i = 0; i < COUNT; i++) {
    const followUps = i % 5 === 0 ? [{ question: 'And then?', probes: null, answer: `follow-up ${i} ✓`, heard: true }] : undefined;
    lines.push(JSON.stringify({ type: 'attempt', id: `a-${i}`, questionId: `q${i % 50}`, category: 'common', at: new Date(t0 + i * 60_000).toISOString(), rating: i % 7 === 0 ? 'again' : 'good', mode: 'typed', seconds: 30, answer: `answer ${i}: rolled back in 4 minutes ✓`, score: i % 100, card, ...(followUps ? { followUps } : {}) }));
  }
  writeFileSync(home.history, `${lines.join('\n')}\n`, { mode: 0o600 });
  before = readFileSync(home.history);
});
afterAll(() => home.cleanup());

const folder = () => join(home.dir, 'data', 'rmprep');
const ARGS = ['history', '--forget-answers', '--yes'];

const beforeRecords = () => before.toString('utf8').slice(0, -1).split('\n').slice(1).map((l) => JSON.parse(l) as Record<string, unknown>);
let expected: Record<string, unknown>[] | undefined;

function expectBeforeOrForgotten(label: string): 'before' | 'forgotten' {
  const now = readFileSync(home.history);
  if (now.equals(before)) return 'before';
  const records = expectWholeFile(home.history);
  expected ??= beforeRecords().map(({ answer: _a, followUps, ...rest }) => ({ ...rest, ...(followUps ? { followUps: (followUps as Record<string, unknown>[]).map(({ answer: _f, ...f }) => f) } : {}) }));
  expect(records.length, `${label}: every attempt is there`).toBe(COUNT);
  expect(records.some((r) => 'answer' in r), `${label}: no answer is left once the file changed`).toBe(false);
  expect(records, `${label}: everything but the text is as it was`).toEqual(expected);
  return 'forgotten';
}

describe('history --forget-answers is old or new under SIGKILL', () => {
  it('leaves the history as before or with every answer forgotten, whenever the process is killed', { timeout: 600_000 }, async () => {
    const outcomes = await killAtRandom({
      history: home.history,
      before,
      args: ARGS,
      env: home.env,
      random: seeded(30),
      kills: KILLS,
      maxKills: MAX_KILLS,
      anyMs: 3000,
      afterMs: 30,
      // Bigger than the lock's own small temporary file, which shares the name pattern.
      minBytes: 4097,
      check: expectBeforeOrForgotten,
    });
    await runKilled(ARGS, home.env, () => new Promise<void>(() => {}));
    expect(expectBeforeOrForgotten('after a full run'), outcomes.join(' ')).toBe('forgotten');
    expect(leftovers(folder())).toEqual([]);
    expect(outcomes.some((o) => o.endsWith(':mid-write')), outcomes.join(' ')).toBe(true);
  });
});
