import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HistoryError } from './errors.js';
import { currentOwner, describeOwner, isDeadHere, readOwner, sameKernel, type LockOwner } from './lock-owner.js';

export interface LockOptions {
  timeoutMs?: number;
  fs?: typeof nodeFs;
  /** This process as the lock names it; read from /proc by default. */
  owner?: LockOwner;
  /** How long a lock of a process this machine cannot check may keep the same heartbeat before it counts as abandoned. */
  staleAfterMs?: number;
  isAlive?: (pid: number) => boolean;
}

/** A held lock. `refresh` is the heartbeat; `confirm` throws when someone removed or replaced the lock. */
export interface HeldLock {
  release(): void;
  refresh(): void;
  confirm(): void;
}

/** A lock whose holder cannot be read is stale after this long: well within the time a writer waits. */
const STALE_UNREADABLE_MS = 5_000;
/** A holder refreshes its lock's time at least this often while it works. */
export const HEARTBEAT_MS = 1_000;
/** A lock from another host, boot or container whose heartbeat stood still this long is abandoned. */
const STALE_HEARTBEAT_MS = 10 * HEARTBEAT_MS;
/** A heartbeat this old by the local clock is abandoned whatever the clocks' skew. */
const ANCIENT_MS = 60 * 60_000;

/**
 * Takes an exclusive lock file next to the history. A lock is taken over only when provably abandoned:
 * its process, checked on this kernel, no longer runs; or its heartbeat has stood still far longer than
 * a live holder lets it. A live one is waited for, up to `timeoutMs`.
 */
export function acquireLock(target: string, opts: LockOptions = {}): HeldLock {
  const { timeoutMs = 15_000, fs = nodeFs, staleAfterMs = STALE_HEARTBEAT_MS, isAlive: alive = isAlive } = opts;
  const self = opts.owner ?? currentOwner(fs);
  const lockPath = `${target}.lock`;
  const content = JSON.stringify({ ...self, at: new Date().toISOString(), token: randomBytes(6).toString('hex') });
  const deadline = Date.now() + timeoutMs;
  const watch = new HeartbeatWatch();
  let wait = 5;
  for (;;) {
    const mine = create(fs, target, lockPath, content);
    if (mine) return held(fs, lockPath, mine, content);
    const holder = inspect(fs, lockPath);
    const stale = holder !== undefined && isStale(holder, self, fs, alive, watch.stillFor(holder), staleAfterMs);
    if (stale) removeStale(fs, lockPath, holder);
    if (Date.now() > deadline) {
      const age = holder ? ` for ${Math.max(0, Math.round((Date.now() - holder.mtimeMs) / 1000))} s` : '';
      throw new HistoryError(
        'locked',
        `the history is locked by ${describeOwner(holder?.owner, holder?.pid, self)} (last heartbeat${age || ' unknown'})`,
        `if that process is not writing to the history, delete ${lockPath}`,
      );
    }
    if (holder === undefined) sleep(1);
    else if (!stale) {
      sleep(wait);
      wait = Math.min(wait * 2, 50);
    }
  }
}

function held(fs: typeof nodeFs, lockPath: string, mine: Identity, content: string): HeldLock {
  let beat = Date.now();
  return {
    release: () => release(fs, lockPath, mine, content),
    refresh() {
      if (Date.now() - beat < HEARTBEAT_MS) return;
      beat = Date.now();
      try {
        const t = new Date(beat);
        fs.utimesSync(lockPath, t, t);
      } catch {
        // A waiter on another machine may then take over; confirm() finds that out before any write.
      }
    },
    confirm() {
      let same = false;
      try {
        // The inode alone could be a new file's that reused it: the content carries this lock's token.
        const st = fs.statSync(lockPath);
        same = st.ino === mine.ino && st.dev === mine.dev && isOurs(fs.readFileSync(lockPath, 'utf8'), content);
      } catch {
        // Gone.
      }
      if (!same) throw new HistoryError('locked', 'the lock on the history was removed or taken over while this write held it');
    },
  };
}

/** How long each lock (by identity and heartbeat) has been seen unchanged, by this process's own clock. */
class HeartbeatWatch {
  private key = '';
  private since = 0;
  stillFor(holder: Holder): number {
    const key = `${holder.dev}:${holder.ino}:${holder.mtimeMs}`;
    if (key !== this.key) {
      this.key = key;
      this.since = Date.now();
    }
    return Date.now() - this.since;
  }
}

interface Identity {
  ino: number;
  dev: number;
}

interface Holder extends Identity {
  owner: LockOwner | undefined;
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

/** A lock made in place on a full disk may have stayed empty: still ours when the inode is. */
function isOurs(text: string, content: string): boolean {
  return text === content || text === '';
}

/** Removes the lock if it is still ours (it is, unless someone deleted or took it over meanwhile). */
function release(fs: typeof nodeFs, lockPath: string, mine: Identity, content: string): void {
  try {
    const st = fs.statSync(lockPath);
    if (st.ino === mine.ino && st.dev === mine.dev && isOurs(fs.readFileSync(lockPath, 'utf8'), content)) fs.unlinkSync(lockPath);
  } catch {
    // Already gone: nothing to release.
  }
}

/** Far more than any lock rmprep writes (a line of JSON). */
const MAX_LOCK_BYTES = 64 * 1024;

/** Who holds the lock, read from one open file so that content and identity belong together. */
function inspect(fs: typeof nodeFs, lockPath: string): Holder | undefined {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO put where the lock goes must not be waited on.
    fd = fs.openSync(lockPath, nodeFs.constants.O_RDONLY | nodeFs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    // Anything but a small regular file is no lock rmprep wrote: judged by its age, never read.
    const raw = st.isFile() && st.size <= MAX_LOCK_BYTES ? fs.readFileSync(fd, 'utf8') : '';
    let pid: number | undefined;
    let owner: LockOwner | undefined;
    try {
      const data = JSON.parse(raw) as { pid?: unknown };
      if (typeof data.pid === 'number' && Number.isSafeInteger(data.pid) && data.pid > 0) pid = data.pid;
      owner = readOwner(data);
    } catch {
      // Unreadable: judged by its age.
    }
    return { owner, pid, raw, ino: st.ino, dev: st.dev, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function isStale(holder: Holder, self: LockOwner, fs: typeof nodeFs, alive: (pid: number) => boolean, stillMs: number, staleAfterMs: number): boolean {
  const age = Math.abs(Date.now() - holder.mtimeMs);
  if (holder.owner) {
    if (sameKernel(holder.owner, self)) return isDeadHere(holder.owner, self, fs, alive);
    // Another host, boot or container: its pid means nothing here, only a heartbeat that stopped does.
    return stillMs >= staleAfterMs || age >= ANCIENT_MS;
  }
  // An older rmprep's lock names only a pid; one that cannot be read is judged by its age.
  if (holder.pid === self.pid) return true;
  if (holder.pid !== undefined) return !alive(holder.pid);
  return age > STALE_UNREADABLE_MS;
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
    same = st.ino === holder.ino && st.dev === holder.dev && (!st.isFile() || st.size > MAX_LOCK_BYTES || fs.readFileSync(aside, 'utf8') === holder.raw);
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
