import { closeSync, fchmodSync, fchownSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The calls a write makes, so that tests can make any of them fail. */
export type AtomicWriteFs = Pick<typeof import('node:fs'), 'openSync' | 'writeFileSync' | 'fsyncSync' | 'closeSync' | 'rmSync' | 'renameSync'>;

// Named imports, not `import * as fs`: bundled, a namespace import copies all of node:fs at start-up.
const realFs: AtomicWriteFs = { openSync, writeFileSync, fsyncSync, closeSync, rmSync, renameSync };

/**
 * Writes a file whole or not at all: a temp file beside it, fsync, rename, fsync the folder.
 * `durable: false` skips the fsyncs, for caches that can be rebuilt: still never half-written.
 */
export function writeFileAtomic(
  file: string,
  content: string | Buffer | Iterable<string>,
  fs: AtomicWriteFs = realFs,
  { durable = true, mode = 0o600, owner }: { durable?: boolean; mode?: number; owner?: { uid: number; gid: number } } = {},
): void {
  const temp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${uniqueSuffix()}`);
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    if (owner) keepOwnerAndMode(fd, owner, mode);
    if (typeof content === 'string' || Buffer.isBuffer(content)) fs.writeFileSync(fd, content);
    else writeChunks(fd, content, fs);
    if (durable) fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (err) {
    // The place is taken by what a file cannot replace (a folder): the temp file must not stay behind,
    // or every later write (a cache on each run) leaves one more.
    fs.rmSync(temp, { force: true });
    throw err;
  }
  if (!durable) return;
  try {
    const dirFd = fs.openSync(dirname(file), 'r');
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  }
}

export interface Keeping {
  mode: number;
  owner?: { uid: number; gid: number };
}

/**
 * What a rewrite of `file` keeps: its mode and owner when it exists (following links, as the rewrite
 * replaces the file they point to), else `newMode` for a new file.
 */
export function keepingOf(file: string, newMode = 0o600, stat: (path: string) => { mode: number; uid: number; gid: number } = statSync): Keeping {
  try {
    const st = stat(file);
    return { mode: st.mode & 0o7777, owner: { uid: st.uid, gid: st.gid } };
  } catch {
    return { mode: newMode };
  }
}

/**
 * The replaced file's owner and exact mode (the umask narrowed the one given to open), set before any
 * content is written. Only root may give a file away: for anyone else the file stays theirs.
 */
export function keepOwnerAndMode(fd: number, owner: { uid: number; gid: number }, mode: number): void {
  try {
    fchownSync(fd, owner.uid, owner.gid);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
  fchmodSync(fd, mode);
}

/** Writes pieces in batches of about 1 MiB, so a large file never has to exist as one string. */
function writeChunks(fd: number, chunks: Iterable<string>, fs: AtomicWriteFs): void {
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= 1 << 20) {
      fs.writeFileSync(fd, batch);
      batch = '';
    }
  }
  if (batch) fs.writeFileSync(fd, batch);
}

let counter = 0;
/** Unique within this process; the pid separates processes. */
function uniqueSuffix(): string {
  counter++;
  // Hex only: the history store recognises leftovers of killed writers by this shape.
  return `${Date.now().toString(16)}${counter.toString(16)}${Math.floor(Math.random() * 0xffffffff).toString(16)}`;
}
