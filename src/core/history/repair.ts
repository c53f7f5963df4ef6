import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { keepingOf, keepOwnerAndMode } from '../atomic-write.js';
import { basename, dirname, join } from 'node:path';
import { stamp, uniquePath, type Fs } from './files.js';
import { acquireLock } from './lock.js';
import { chunkBytes, type WriteOptions } from './options.js';
import { checkScanned, copyBackup, HEADER, resolveTarget } from './read.js';
import { scanHistory } from './scan.js';
import { HISTORY_VERSION } from './schema.js';

export interface RepairResult {
  kept: number;
  rejected: number;
  rejectedFile?: string;
  backup?: string;
}

/**
 * Sets aside every line that cannot be read and rewrites the rest; returns what was done. A whole record of
 * a type this build does not know is kept as written (a newer build wrote it), and so are the records of a
 * file already in the current format, with any fields a newer build added. Reads and writes in parts, so a
 * history of any size is repaired in bounded memory.
 */
export function repairHistory(path: string, opts: WriteOptions): RepairResult {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { kept: 0, rejected: 0 };
  const lock = acquireLock(file, { fs, ...(opts.lockTimeoutMs !== undefined ? { timeoutMs: opts.lockTimeoutMs } : {}) });
  try {
    const chunk = chunkBytes(opts);
    let kept = 0;
    const scan = scanHistory(fs, file, chunk, { record: () => undefined, line: () => kept++, progress: () => lock.refresh() });
    if ((scan.header?.version ?? HISTORY_VERSION) > HISTORY_VERSION) checkScanned(path, file, scan, fs);
    const rejected = [...scan.bad.map((b) => b.text), ...(scan.torn ? [scan.torn.text] : [])];
    if (rejected.length === 0) return { kept, rejected: 0 };
    const backup = copyBackup(fs, file, scan.hash);
    const rejectedFile = uniquePath(fs, `${file}.rejected-${stamp(opts.now)}`, '.txt');
    fs.writeFileSync(rejectedFile, `${rejected.join('\n')}\n`, { flag: 'wx', mode: 0o600 });
    // Older formats are written upgraded; lines already in this format are kept exactly as they were.
    const current = (scan.header?.version ?? HISTORY_VERSION) === HISTORY_VERSION;
    rewrite(fs, file, (write) =>
      scanHistory(fs, file, chunk, { record: () => undefined, line: (text, r) => write(r === undefined || current ? text : JSON.stringify(r)), progress: () => lock.refresh() }),
    );
    return { kept, rejected: rejected.length, rejectedFile, backup };
  } finally {
    lock.release();
  }
}

/** Writes the header and every line `feed` hands over to a temporary file, then puts it in place whole. */
function rewrite(fs: Fs, file: string, feed: (write: (line: string) => void) => void): void {
  const temp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const keep = keepingOf(file, 0o600, (p) => fs.statSync(p));
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    // The repaired history stays the owner's, with the mode they gave it, even when root repairs it.
    if (keep.owner) keepOwnerAndMode(fd, keep.owner, keep.mode);
    let batch: string[] = [`${HEADER}\n`];
    let size = 0;
    const flush = () => {
      const bytes = Buffer.from(batch.join(''));
      for (let off = 0; off < bytes.length; ) off += fs.writeSync(fd, bytes, off, bytes.length - off);
      batch = [];
      size = 0;
    };
    feed((text) => {
      const line = `${text}\n`;
      batch.push(line);
      size += line.length;
      if (size > 1_000_000) flush();
    });
    flush();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.renameSync(temp, file);
  try {
    const dirFd = fs.openSync(dirname(file), 'r');
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  }
}
