import type * as nodeFs from 'node:fs';
import { hostname } from 'node:os';
import { clip } from '../text/sanitize.js';

/**
 * Who holds a lock, as far as this machine can tell: a pid means something only on the same host, the
 * same boot and in the same pid namespace, and only while that pid still belongs to the same process
 * (its start time).
 */
export interface LockOwner {
  host: string;
  /** /proc/sys/kernel/random/boot_id, when readable. */
  boot?: string;
  /** The /proc/self/ns/pid link, when readable: containers sharing a folder have different ones. */
  pidns?: string;
  pid: number;
  /** Field 22 of /proc/<pid>/stat, when readable: tells a reused pid from the process that took the lock. */
  start?: string;
}

type ProcFs = Pick<typeof nodeFs, 'readFileSync' | 'readlinkSync'>;

/** This process as a lock owner. */
export function currentOwner(fs: ProcFs): LockOwner {
  const boot = attempt(() => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
  const pidns = attempt(() => fs.readlinkSync('/proc/self/ns/pid'));
  const start = startTimeOf(fs, 'self');
  return { host: hostname(), pid: process.pid, ...(boot ? { boot } : {}), ...(pidns ? { pidns } : {}), ...(start ? { start } : {}) };
}

/** The start time of a process in this namespace, or undefined when /proc cannot tell. */
export function startTimeOf(fs: ProcFs, pid: number | 'self'): string | undefined {
  const stat = attempt(() => fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields?.[19];
}

/** The owner written in a lock, or undefined for a lock of another shape (empty, damaged, an older rmprep's). */
export function readOwner(data: unknown): LockOwner | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const o = data as Record<string, unknown>;
  if (typeof o.host !== 'string' || typeof o.pid !== 'number' || !Number.isSafeInteger(o.pid) || o.pid <= 0) return undefined;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const boot = text(o.boot);
  const pidns = text(o.pidns);
  const start = text(o.start);
  return { host: o.host, pid: o.pid, ...(boot ? { boot } : {}), ...(pidns ? { pidns } : {}), ...(start ? { start } : {}) };
}

/** True when the owner's pid can be checked from here: same host, same boot, same pid namespace. */
export function sameKernel(a: LockOwner, b: LockOwner): boolean {
  return a.host === b.host && a.boot === b.boot && a.pidns === b.pidns;
}

/**
 * Whether a lock of a process on this kernel is provably abandoned: it names this very process (which
 * never waits for a lock it holds, so an earlier process had the pid), a pid that no longer runs, or a
 * pid now used by a process that started at another time.
 */
export function isDeadHere(owner: LockOwner, self: LockOwner, fs: ProcFs, alive: (pid: number) => boolean): boolean {
  if (owner.pid === self.pid) return true;
  if (!alive(owner.pid)) return true;
  if (owner.start === undefined) return false;
  const now = startTimeOf(fs, owner.pid);
  return now !== undefined && now !== owner.start;
}

/** What a message may say about a lock's owner: only sanitized, clipped words from the lock file. */
export function describeOwner(owner: LockOwner | undefined, legacyPid: number | undefined, self: LockOwner): string {
  if (!owner) return legacyPid !== undefined ? `process ${legacyPid}` : 'a writer that left no details';
  const where = owner.host === self.host ? (sameKernel(owner, self) ? 'on this machine' : `on this host in another container or boot`) : `on host ${clip(owner.host, 64)}`;
  return `process ${owner.pid} ${where}`;
}

function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
