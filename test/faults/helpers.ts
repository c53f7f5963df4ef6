import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect } from 'vitest';
import type { HistoryRecord, StoredCard } from '../../src/core/history/schema.js';
import { scheduleReview } from '../../src/core/practice/schedule.js';
import { ROOT } from '../helpers/cli.js';

export const DRIVER = join(ROOT, 'test', 'faults', 'fixtures', 'record-many.mjs');
export const HEADER = '{"rmprep":"history","version":3}';

/** A scratch folder on the real disk; `cleanup` removes it. */
export function scratch(prefix = 'rmprep-faults-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Bundles the history store, with zod and ts-fsrs, into one ES module that a plain `node` process can
 * import quickly (the crash tests start a few hundred of them). It goes in the project's `.rmprep-cache/`.
 */
export async function bundleStore(): Promise<{ file: string; cleanup(): void }> {
  const cache = join(ROOT, '.rmprep-cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'faults-store-'));
  const file = join(dir, 'store.mjs');
  await build({
    entryPoints: [join(ROOT, 'src', 'core', 'history', 'store.ts')],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
  });
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * For a test file that drives the store in child processes: bundles it once before the file's tests and
 * makes a scratch folder; both are removed after them.
 */
export function useBundledStore(): { readonly store: string; readonly dir: string } {
  let store: Awaited<ReturnType<typeof bundleStore>> | undefined;
  let root: ReturnType<typeof scratch> | undefined;
  beforeAll(async () => {
    store = await bundleStore();
    root = scratch();
  });
  afterAll(() => {
    store?.cleanup();
    root?.cleanup();
  });
  return {
    get store() {
      if (!store) throw new Error('the store is bundled in beforeAll');
      return store.file;
    },
    get dir() {
      if (!root) throw new Error('the scratch folder is made in beforeAll');
      return root.dir;
    },
  };
}

export interface DriverConfig {
  store: string;
  history: string;
  count?: number;
  worker?: number;
  questions?: number;
  answerBytes?: number;
  /** Answers of exactly `answerBytes` (give or take a character) instead of 0.5 to 1.5 times that. */
  jitter?: boolean;
  /** Byte limits for successive buffer writes; the last one repeats. */
  chunks?: number[];
  /** SIGKILL before the K-th call that changes the disk ... */
  crashAt?: number;
  /** ... counting only calls made once this many attempts were reported saved. */
  crashAfterSaved?: number;
  slowLockReadMs?: number;
  seed?: number;
  rescueDir?: string;
  mode?: 'record' | 'repair';
  /** Epoch milliseconds to wait for after loading, so that several drivers start writing together. */
  startAt?: number;
}

export interface DriverResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  saved: string[];
  stdout: string;
  stderr: string;
}

/** Starts the driver; `kill` sends SIGKILL; `ready` resolves once the store is loaded. */
export function startDriver(cfg: DriverConfig): { ready: Promise<void>; done: Promise<DriverResult>; kill(): void } {
  const child = spawn(process.execPath, [DRIVER, JSON.stringify(cfg)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', TZ: 'UTC' } });
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.startsWith('ready\n')) onReady();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<DriverResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      onReady();
      const saved = stdout
        .split('\n')
        .filter((l) => l.startsWith('saved '))
        .map((l) => l.split(' ')[1]!);
      resolve({ code, signal, saved, stdout, stderr });
    });
  });
  return { ready, done, kill: () => void child.kill('SIGKILL') };
}

export function runDriver(cfg: DriverConfig): Promise<DriverResult> {
  return startDriver(cfg).done;
}

/** Runs `tasks` with at most `limit` at a time, keeping their order in the result. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** mulberry32: a small seeded generator, so every run of the suite makes the same choices. */
export function seeded(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export { at, draft } from '../support/attempts.js';

/**
 * Checks the file as bytes and lines: the header once, on the first line; every line whole JSON; the file
 * ends on a newline. Returns the parsed records after the header.
 */
export function expectWholeFile(file: string): Record<string, unknown>[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n'), 'the file ends on a whole line').toBe(true);
  const lines = text.slice(0, -1).split('\n');
  expect(lines[0]).toBe(HEADER);
  expect(lines.filter((l) => l === HEADER)).toHaveLength(1);
  return lines.slice(1).map((l, i) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      throw new Error(`line ${i + 2} of ${file} is not JSON: ${l.slice(0, 120)}`);
    }
  });
}

/**
 * Every attempt's scheduling state follows from the previous one of its question, in file order: reps
 * 1..k, and the same card as a replay (an attempt older than the last review counts as made at it).
 */
export function expectConsistentChains(records: HistoryRecord[]): void {
  const cards = new Map<string, StoredCard>();
  const reps = new Map<string, number>();
  for (const r of records) {
    if (r.type !== 'attempt') continue;
    const k = (reps.get(r.questionId) ?? 0) + 1;
    reps.set(r.questionId, k);
    expect(r.card?.reps, `attempt ${r.id} is review ${k} of ${r.questionId}`).toBe(k);
    const previous = cards.get(r.questionId);
    const last = previous?.last_review ? new Date(previous.last_review) : undefined;
    const when = new Date(r.at);
    expect(r.card).toEqual(scheduleReview(previous, r.rating, last && last > when ? last : when));
    cards.set(r.questionId, r.card!);
  }
}

/** Files beside the history that a finished writer must not leave: locks and temporary files. */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.lock') || n.includes('.tmp-') || n.includes('.lock-') || n.includes('.stale-'));
}

/** True when `cmd` runs and exits 0 (used to find out at run time what this machine permits). */
export function succeeds(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

/** A pid that belonged to a process which has exited (and been reaped). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  return r.pid;
}

/** The attempts among records or parsed lines: `coach --record` also writes a session marker. */
export function attempts<T extends { type?: unknown }>(records: T[]): T[] {
  return records.filter((r) => r.type === 'attempt');
}
