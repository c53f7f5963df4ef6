import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HistoryError } from './errors.js';

export interface LockOptions {
  timeoutMs?: number;
  fs?: typeof nodeFs;
}

/** A lock whose holder cannot be read is stale after this long: well within the time a writer waits. */
const STALE_UNREADABLE_MS = 5_000;

/**
 * Takes an exclusive lock file next to the history. A lock left by a process that no longer runs is
 * removed; a live one is waited for. Returns the function that releases it.
 */
export function acquireLock(target: string, { timeoutMs = 15_000, fs = nodeFs }: LockOptions = {}): () => void {
  const lockPath = `${target}.lock`;
  const content = JSON.stringify({ pid: process.pid, at: new Date().toISOString(), token: randomBytes(6).toString('hex') });
  const deadline = Date.now() + timeoutMs;
  let wait = 5;
  for (;;) {
    const mine = create(fs, target, lockPath, content);
    if (mine) return () => release(fs, lockPath, mine);
    const holder = inspect(fs, lockPath);
    const stale = holder !== undefined && isStale(holder);
    if (stale) removeStale(fs, lockPath, holder);
    if (Date.now() > deadline) {
      throw new HistoryError(
        'locked',
        `the history is locked by another rmprep (process ${holder?.pid ?? 'unknown'})`,
        `if no other rmprep is running, delete ${lockPath}`,
      );
    }
    if (holder === undefined) sleep(1);
    else if (!stale) {
      sleep(wait);
      wait = Math.min(wait * 2, 50);
    }
  }
}

interface Identity {
  ino: number;
  dev: number;
}

interface Holder extends Identity {
  pid: number | undefined;
  raw: string;
  mtimeMs: number;
}

/**
 * Creates the lock with its holder already written, so that no other process ever sees it empty: the
 * holder goes into a temporary file that is then hard-linked into place (which fails if a lock exists).
 * Returns the lock's identity, or undefined when another process holds it.
 */
function create(fs: typeof nodeFs, target: string, lockPath: string, content: string): Identity | undefined {
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    try {
      fs.writeFileSync(temp, content, { flag: 'wx', mode: 0o600 });
    } catch {
      // A full disk may refuse even these few bytes.
      return createInPlace(fs, lockPath, content);
    }
    try {
      fs.linkSync(temp, lockPath);
      return identityOf(fs, temp);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      // A file system without hard links.
      return createInPlace(fs, lockPath, content);
    }
  } finally {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Never written.
    }
  }
}

function createInPlace(fs: typeof nodeFs, lockPath: string, content: string): Identity | undefined {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw err;
  }
  try {
    fs.writeSync(fd, content);
  } catch {
    // The empty lock still excludes others; it counts as stale only after STALE_UNREADABLE_MS.
  }
  try {
    const st = fs.fstatSync(fd);
    return { ino: st.ino, dev: st.dev };
  } finally {
    fs.closeSync(fd);
  }
}

function identityOf(fs: typeof nodeFs, path: string): Identity {
  const st = fs.statSync(path);
  return { ino: st.ino, dev: st.dev };
}

/** Removes the lock if it is still ours (it is, unless someone deleted it by hand meanwhile). */
function release(fs: typeof nodeFs, lockPath: string, mine: Identity): void {
  try {
    const st = fs.statSync(lockPath);
    if (st.ino === mine.ino && st.dev === mine.dev) fs.unlinkSync(lockPath);
  } catch {
    // Already gone: nothing to release.
  }
}

/** Who holds the lock, read from one open file so that content and identity belong together. */
function inspect(fs: typeof nodeFs, lockPath: string): Holder | undefined {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    const raw = fs.readFileSync(fd, 'utf8');
    let pid: number | undefined;
    try {
      const data = JSON.parse(raw) as { pid?: unknown };
      if (typeof data.pid === 'number' && Number.isSafeInteger(data.pid) && data.pid > 0) pid = data.pid;
    } catch {
      // Unreadable: judged by its age.
    }
    return { pid, raw, ino: st.ino, dev: st.dev, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function isStale(holder: Holder): boolean {
  // This process never holds the lock while asking for it, so its own pid means an earlier process
  // that had the same pid (as happens in containers) left the lock behind.
  if (holder.pid === process.pid) return true;
  if (holder.pid !== undefined) return !isAlive(holder.pid);
  return Math.abs(Date.now() - holder.mtimeMs) > STALE_UNREADABLE_MS;
}

/**
 * Removes a stale lock without ever removing a fresh one that replaced it meanwhile: the lock is renamed
 * aside (only one process can move a given file), checked to be the one judged stale, and put back
 * otherwise.
 */
function removeStale(fs: typeof nodeFs, lockPath: string, holder: Holder): void {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return;
  }
  let same = false;
  try {
    const st = fs.statSync(aside);
    same = st.ino === holder.ino && st.dev === holder.dev && fs.readFileSync(aside, 'utf8') === holder.raw;
  } catch {
    // Treated as not the same: it goes back.
  }
  if (!same) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // Another lock is in place already; the one moved aside was replaced.
    }
  }
  try {
    fs.unlinkSync(aside);
  } catch {
    // Gone already.
  }
}

export function isAlive(pid: number): boolean {
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
