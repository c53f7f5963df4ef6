import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, makeHome, ROOT } from '../helpers/cli.js';
import { HEADER, leftovers, seeded } from './helpers.js';

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

/** Starts the import; resolves with how it ended once it was killed (or finished first). */
function importKilled(pickDelay: () => Promise<void>): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [BIN, 'history', '--import', importFile], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...home.env }, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let done = false;
  void ended.then(() => (done = true));
  void pickDelay().then(() => {
    if (!done) child.kill('SIGKILL');
  });
  return ended;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const folder = () => join(home.dir, 'data', 'rmprep');

/**
 * Resolves a random time after the import's new history starts being written beside the old one. The
 * lock is also made through a small temporary file of the same name pattern, so only a temporary file
 * at least as large as the history before counts: that one is the copy the import is appending to.
 */
async function afterTempAppears(extraMs: number, stop: () => boolean): Promise<void> {
  const copying = () =>
    readdirSync(folder()).some((n) => {
      if (!n.startsWith('.history.json.tmp-')) return false;
      try {
        return statSync(join(folder(), n)).size >= before.length;
      } catch {
        return false;
      }
    });
  while (!stop() && !copying()) await sleep(1);
  await sleep(extraMs);
}

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
    const random = seeded(24);
    const outcomes: string[] = [];
    for (let k = 0; k < MAX_KILLS; k++) {
      if (k >= KILLS && outcomes.some((o) => o.endsWith(':mid-write'))) break;
      let finished = false;
      // Half of the kills land anywhere in the run, half while the new file is being written.
      const delay =
        k % 2 === 0
          ? () => sleep(Math.floor(random() * 6000))
          : () => afterTempAppears(Math.floor(random() * 40), () => finished);
      const temps = () => readdirSync(folder()).filter((n) => n.startsWith('.history.json.tmp-'));
      const earlier = new Set(temps());
      const end = await importKilled(delay);
      finished = true;
      const state = expectBeforeOrAll(`kill ${k + 1}`);
      const midWrite = temps().some((n) => !earlier.has(n));
      outcomes.push(`${end.signal ?? end.code}:${state}${midWrite ? ':mid-write' : ''}`);
      // A run that finished before its kill is put back, so that later kills still have work to interrupt.
      if (state === 'all') writeFileSync(home.history, before);
    }
    // Whatever the kills left, one whole import finishes the job, takes over the lock and removes the leftovers.
    await importKilled(() => new Promise<void>(() => {}));
    expect(expectBeforeOrAll('after a full run'), outcomes.join(' ')).toBe('all');
    expect(leftovers(folder())).toEqual([]);
    // The test shows what it claims only if some kill landed while the new history was being written.
    expect(outcomes.some((o) => o.endsWith(':mid-write')), outcomes.join(' ')).toBe(true);
  });
});
