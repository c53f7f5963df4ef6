import { spawn } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT } from '../helpers/cli.js';

// Shared by the tests that kill one rewrite of the history (import, forget-answers) with a real SIGKILL at
// random moments, some of them while the new history is being written beside the old one.

export interface KilledRun {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs rmprep with `args` and kills it once `pickDelay` resolves, unless it finished first. */
export function runKilled(args: readonly string[], env: Record<string, string>, pickDelay: () => Promise<void>): Promise<KilledRun> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...env }, stdio: 'ignore' });
  const ended = new Promise<KilledRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  let done = false;
  void ended.then(() => (done = true));
  void pickDelay().then(() => {
    if (!done) child.kill('SIGKILL');
  });
  return ended;
}

/**
 * Resolves `extraMs` after the new history shows up beside the old one in `folder`: a temporary file of
 * at least `minBytes`, since the lock is also made through a small temporary file of the same name pattern.
 */
async function afterNewHistory(folder: string, minBytes: number, extraMs: number, stop: () => boolean): Promise<void> {
  const writing = () =>
    readdirSync(folder).some((n) => {
      if (!n.startsWith('.history.json.tmp-')) return false;
      try {
        return statSync(join(folder, n)).size >= minBytes;
      } catch {
        return false;
      }
    });
  while (!stop() && !writing()) await sleep(1);
  await sleep(extraMs);
}

export interface KillPlan {
  /** The history file, its folder and its bytes before any run. */
  history: string;
  before: Buffer;
  /** How rmprep is run. */
  args: readonly string[];
  env: Record<string, string>;
  random: () => number;
  /** Kills to make at least, and at most while none has landed mid-write: a loaded machine may need more. */
  kills: number;
  maxKills: number;
  /** Kills at even turns land anywhere within this many ms; at odd turns, up to `afterMs` after the new history appears. */
  anyMs: number;
  afterMs: number;
  /** How large a temporary file must be to be the new history. */
  minBytes: number;
  /** Checks the history after a kill; says 'before' when it is as it was, anything else when the run completed. */
  check: (label: string) => string;
}

/**
 * Kills the run again and again, half of the kills anywhere and half while the new history is being
 * written. A run that completed before its kill is put back, so later kills still have work to interrupt.
 * Returns each kill's outcome, e.g. `SIGKILL:before:mid-write`.
 */
export async function killAtRandom(plan: KillPlan): Promise<string[]> {
  const folder = join(plan.history, '..');
  const outcomes: string[] = [];
  for (let k = 0; k < plan.maxKills; k++) {
    if (k >= plan.kills && outcomes.some((o) => o.endsWith(':mid-write'))) break;
    let finished = false;
    const delay =
      k % 2 === 0 ? () => sleep(Math.floor(plan.random() * plan.anyMs)) : () => afterNewHistory(folder, plan.minBytes, Math.floor(plan.random() * plan.afterMs), () => finished);
    const temps = () => readdirSync(folder).filter((n) => n.startsWith('.history.json.tmp-'));
    const earlier = new Set(temps());
    const end = await runKilled(plan.args, plan.env, delay);
    finished = true;
    const state = plan.check(`kill ${k + 1}`);
    const midWrite = temps().some((n) => !earlier.has(n));
    outcomes.push(`${end.signal ?? end.code}:${state}${midWrite ? ':mid-write' : ''}`);
    if (state !== 'before') writeFileSync(plan.history, plan.before);
  }
  return outcomes;
}
