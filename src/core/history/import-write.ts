import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Fs } from './files.js';
import { HistoryError } from './errors.js';
import { emptyExisting, noteExisting, planImport, type ImportPlan } from './import-plan.js';
import type { HeldLock } from './lock.js';
import { openForWrite } from './open-write.js';
import { chunkBytes, type WriteOptions } from './options.js';
import { scanHistory } from './scan.js';
import { recordSchema, type HistoryRecord } from './schema.js';
import { cacheAfterWrite } from './summary-cache.js';
import { describeWriteErrno } from '../fs/errno-text.js';

export type ImportResult = Omit<ImportPlan, 'records'>;

/**
 * Adds the records of an import to the history, all of them or none, whenever the process is stopped:
 * under the lock, the history as it is plus the new lines is written to a file beside it, fsynced and
 * renamed over it. A kill before the rename leaves the history as it was (and a temporary file the next
 * write removes); after it, everything is in. See planImport for what is added.
 */
export function importRecords(path: string, incoming: readonly HistoryRecord[], opts: WriteOptions): ImportResult {
  const fs = opts.fs ?? nodeFs;
  let lock: HeldLock | undefined;
  try {
    const { file, state, end, existed } = openForWrite(path, fs, opts, (held) => (lock = held));
    const existing = emptyExisting();
    if (existed && fs.existsSync(file)) scanHistory(fs, file, chunkBytes(opts), { record: (r) => noteExisting(existing, r), progress: () => lock?.refresh() });
    const { records, ...result } = planImport(existing, incoming, state.summary, opts.now);
    if (records.length === 0) return result;
    for (const r of records) checkRecord(r);
    const payload = end.lead + records.map((r) => `${JSON.stringify(r)}\n`).join('');
    lock?.confirm();
    replaceWithAppended(fs, file, existed && fs.existsSync(file), end.start, payload);
    cacheAfterWrite(fs, file, path, state, { records, payload, size: end.start + Buffer.byteLength(payload) }, opts);
    return result;
  } catch (err) {
    if (err instanceof HistoryError) throw new HistoryError(err.kind, `${err.message}; nothing was imported`, err.hint);
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    const reason = (typeof code === 'string' && describeWriteErrno(code)) || (err instanceof Error ? err.message : String(err));
    throw new HistoryError('not-saved', `nothing was imported: ${reason}; your history is unchanged`);
  } finally {
    lock?.release();
  }
}

/** A record about to be written must read back, or the whole file would be refused. */
function checkRecord(record: HistoryRecord): void {
  const result = recordSchema.safeParse(JSON.parse(JSON.stringify(record)));
  if (result.success) return;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? `"${issue.path.join('.')}" ` : '';
  throw Object.assign(new Error(`a record is not valid: ${field}${issue?.message ?? 'invalid'}`), { code: 'EINVAL' });
}

/**
 * The file's first `keep` bytes and then `payload`, put in its place by one rename. The copy keeps the
 * file's mode, and its owner where this process may set it.
 */
function replaceWithAppended(fs: Fs, file: string, existed: boolean, keep: number, payload: string): void {
  const temp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    if (existed) {
      const st = fs.statSync(file);
      fs.copyFileSync(file, temp, fs.constants.COPYFILE_EXCL);
      fd = fs.openSync(temp, 'r+');
      try {
        fs.fchownSync(fd, st.uid, st.gid);
      } catch {
        // Only root may give a file away; anyone else's copy is theirs already.
      }
      fs.fchmodSync(fd, st.mode & 0o7777);
      fs.ftruncateSync(fd, keep);
    } else {
      fd = fs.openSync(temp, 'wx', 0o600);
    }
    const bytes = Buffer.from(payload);
    for (let off = 0; off < bytes.length; ) {
      const n = fs.writeSync(fd, bytes, off, bytes.length - off, keep + off);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      off += n;
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  try {
    const dirFd = fs.openSync(dirname(file), 'r');
    fs.fsyncSync(dirFd);
    fs.closeSync(dirFd);
  } catch {
    // Some file systems cannot fsync a folder; the rename itself is still atomic.
  }
}
