import * as nodeFs from 'node:fs';
import { HistoryError } from './errors.js';

export interface LockOptions {
  timeoutMs?: number;
  fs?: typeof nodeFs;
}

/**
 * Takes an exclusive lock file next to the history. A lock left by a process that no longer runs is
 * removed; a live one is waited for. Returns the function that releases it.
 */
export function acquireLock(target: string, { timeoutMs = 15_000, fs = nodeFs }: LockOptions = {}): () => void {
  const lockPath = `${target}.lock`;
  const deadline = Date.now() + timeoutMs;
  let wait = 5;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      try {
        fs.writeSync(fd, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      } catch {
        // A full disk may refuse even these few bytes; the empty lock still excludes others.
      } finally {
        fs.closeSync(fd);
      }
      return () => {
        try {
          fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(fs, lockPath);
    if ((holder !== undefined && !isAlive(holder)) || (holder === undefined && ageMs(fs, lockPath) > STALE_UNREADABLE_MS)) {
      try {
        fs.unlinkSync(lockPath);
      } catch {
        // Another process removed it first.
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new HistoryError(
        'locked',
        `the history is locked by another rmprep (process ${holder ?? 'unknown'})`,
        `if no other rmprep is running, delete ${lockPath}`,
      );
    }
    sleep(wait);
    wait = Math.min(wait * 2, 50);
  }
}

/** A lock whose holder cannot be read (cut off while being written) is stale after this long. */
const STALE_UNREADABLE_MS = 30_000;

function ageMs(fs: typeof nodeFs, path: string): number {
  try {
    return Date.now() - fs.statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function readHolder(fs: typeof nodeFs, lockPath: string): number | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as { pid?: unknown };
    return typeof data.pid === 'number' ? data.pid : undefined;
  } catch {
    // Being written right now, or unreadable: treat as held.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
