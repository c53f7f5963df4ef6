import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome } from '../helpers/cli.js';
import { HEADER, leftovers, seeded } from './helpers.js';
import { killAtRandom, runKilled } from './kill-at-random.js';

// README promises that an import adds all of a file or none of it. Here `history --import` of 100,000
// attempts is killed with a real SIGKILL at random moments, some while its new history is being written
// beside the old one, and the history must then be exactly as before, or hold every imported attempt.

const COUNT = 100_000;
const KILLS = 6;
// Kills go on past KILLS, up to MAX_KILLS, until one has landed mid-write: a loaded machine may need more.
const MAX_KILLS = 16;

let home: ReturnType<typeof makeHome>;
let importFile: string;
let before: Buffer;
beforeAll(() => {
  home = makeHome();
  mkdirSync(join(home.dir, 'data', 'rmprep'), { recursive: true });
  const own = [0, 1, 2].map((i) => JSON.stringify({ type: 'attempt', id: `own-${i}`, questionId: 'rollback-recovery', category: 'common', at: `2026-01-0${i + 1}T10:00:00.000Z`, rating: 'good', mode: 'typed', seconds: 20 }));
  writeFileSync(home.history, `${[HEADER, ...own].join('\n')}\n`);
  before = readFileSync(home.history);
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  const lines = [HEADER];
  for (let i = 0; i < COUNT; i++) {
    lines.push(JSON.stringify({ type: 'attempt', id: `imp-${i}`, questionId: `q${i % 50}`, category: 'common', at: new Date(t0 + i * 60_000).toISOString(), rating: i % 7 === 0 ? 'again' : 'good', mode: 'typed', seconds: 30, answer: `answer ${i}: rolled back in 4 minutes ✓` }));
  }
  importFile = join(home.dir, 'import.jsonl');
  writeFileSync(importFile, `${lines.join('\n')}\n`);
});
afterAll(() => home.cleanup());

const folder = () => join(home.dir, 'data', 'rmprep');
const args = () => ['history', '--import', importFile];

function expectBeforeOrAll(label: string): 'before' | 'all' {
  const now = readFileSync(home.history);
  if (now.equals(before)) return 'before';
  const text = now.toString('utf8');
  expect(text.endsWith('\n'), `${label}: the history ends on a whole line`).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  expect(lines[0]).toBe(HEADER);
  const ids = new Set(lines.slice(1).map((l) => (JSON.parse(l) as { id: string }).id));
  expect(ids.size, `${label}: either nothing or every attempt was imported`).toBe(3 + COUNT);
  for (let i = 0; i < COUNT; i += 997) expect(ids.has(`imp-${i}`)).toBe(true);
  expect(now.subarray(0, before.length).equals(before), `${label}: what was there is kept as it was`).toBe(true);
  return 'all';
}

describe('history --import is all or nothing under SIGKILL', () => {
  it('leaves the history as before or fully imported, whenever the process is killed', { timeout: 600_000 }, async () => {
    // Half of the kills land anywhere in the run, half while the new file is being written; the import's
    // copy is at least as large as the history before (the lock's temporary file is far smaller).
    const outcomes = await killAtRandom({
      history: home.history,
      before,
      args: args(),
      env: home.env,
      random: seeded(24),
      kills: KILLS,
      maxKills: MAX_KILLS,
      anyMs: 6000,
      afterMs: 40,
      minBytes: before.length,
      check: expectBeforeOrAll,
    });
    // Whatever the kills left, one whole import finishes the job, takes over the lock and removes the leftovers.
    await runKilled(args(), home.env, () => new Promise<void>(() => {}));
    expect(expectBeforeOrAll('after a full run'), outcomes.join(' ')).toBe('all');
    expect(leftovers(folder())).toEqual([]);
    // The test shows what it claims only if some kill landed while the new history was being written.
    expect(outcomes.some((o) => o.endsWith(':mid-write')), outcomes.join(' ')).toBe(true);
  });
});
