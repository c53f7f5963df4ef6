import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { kindOf } from '../fs/read-bounded.js';
import { keepBackup } from './backup.js';
import { HistoryError } from './errors.js';
import { describeBytes, hashOf, type Fs } from './files.js';
import { MAX_READ_BYTES, type StoreOptions } from './options.js';
import { parseHistoryText, type ParsedHistory } from './parse.js';
import type { Scan } from './scan.js';
import { HISTORY_VERSION, type HistoryRecord } from './schema.js';
import { currentRecords } from './upgrade.js';
import { foldRecords } from './fold.js';
import { plural } from '../text/plural.js';
import { describeWriteErrno } from '../fs/errno-text.js';

export interface HistoryData {
  version: number;
  records: HistoryRecord[];
  /** The byte length of the file that was read, complete lines only. */
  size: number;
}

export const HEADER = JSON.stringify({ rmprep: 'history', version: HISTORY_VERSION });

/**
 * Reads the whole history, as every reader counts it: undone attempts left out, rerated ones with their
 * new rating (see fold.ts). A missing file is an empty history; a damaged one is refused (and backed up once).
 */
export function readHistory(path: string, opts: StoreOptions = {}): HistoryData {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { version: HISTORY_VERSION, records: [], size: 0 };
  const current = readCurrent(fs, file, opts.maxReadBytes ?? MAX_READ_BYTES);
  checkReadable(path, file, current, fs);
  return { version: versionOf(current.parsed), records: foldRecords(currentRecords(current.parsed)), size: current.parsed.completeBytes };
}

export interface Current {
  exists: boolean;
  bytes: Buffer;
  text: string;
  parsed: ParsedHistory;
}

/** The whole file in memory, for the calls that need every record at once; one too large is refused. */
export function readCurrent(fs: Fs, file: string, maxBytes: number): Current {
  let bytes: Buffer;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, bytes: Buffer.alloc(0), text: '', parsed: parseHistoryText('') };
    throw new HistoryError('bad-path', `cannot read the history ${file}: ${errnoWords(err)}`);
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) throw tooLarge(file, size, maxBytes);
    bytes = fs.readFileSync(fd);
  } catch (err) {
    if (err instanceof HistoryError) throw err;
    throw new HistoryError('bad-path', `cannot read the history ${file}: ${errnoWords(err)}`);
  } finally {
    fs.closeSync(fd);
  }
  const text = bytes.toString('utf8');
  return { exists: true, bytes, text, parsed: parseHistoryText(text) };
}

function errnoWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  return describeWriteErrno(code) ?? code ?? String(err);
}

function tooLarge(file: string, size: number, limit: number): HistoryError {
  return new HistoryError(
    'too-large',
    `the history ${file} is ${describeBytes(size)}, more than rmprep reads at once (${describeBytes(limit)}); nothing was changed`,
    "'rmprep stats' and 'rmprep history --repair' read it in parts; for the rest, keep a copy and start a new history with --history",
  );
}

export function versionOf(parsed: ParsedHistory): number {
  return parsed.header?.version ?? HISTORY_VERSION;
}

/** Refuses a history of a newer format, or one with bad lines (keeping a copy of it first). */
export function checkReadable(path: string, file: string, current: Current, fs: Fs, backup = () => backupOf(fs, file, current.bytes)): void {
  const { parsed } = current;
  if (parsed.header && parsed.header.version > HISTORY_VERSION) {
    throw new HistoryError(
      'newer-version',
      `${path} was written by a newer rmprep (history format ${parsed.header.version}; this one knows up to ${HISTORY_VERSION}); nothing was changed`,
      'upgrade rmprep to use this history',
    );
  }
  const first = parsed.bad[0];
  if (first) {
    const copy = backup();
    const more = parsed.bad.length > 1 ? ` (and ${plural(parsed.bad.length - 1, 'more bad line')})` : '';
    throw new HistoryError(
      'corrupt',
      `${path}:${first.line}:${first.col}: ${first.message}${more}; rmprep will not write to this history until it is fixed (a copy is in ${copy})`,
      'fix the line by hand, or run: rmprep history --repair (it sets the bad lines aside in a file and keeps the rest)',
    );
  }
}

/** The same checks for a history read in parts: its backup is a copy of the file, named by the hash the scan made. */
export function checkScanned(path: string, file: string, scan: Scan, fs: Fs): void {
  const bytes = { length: 0 } as Buffer;
  const refused = { exists: true, bytes, text: '', parsed: { header: scan.header, records: [], bad: scan.bad, torn: scan.torn, completeBytes: scan.completeBytes } };
  checkReadable(path, file, refused, fs, () => copyBackup(fs, file, scan.hash));
}

/** A copy of a history read in parts, named by the hash its scan made. */
export function copyBackup(fs: Fs, file: string, hash: string): string {
  const backup = `${file}.${hash}.bak`;
  try {
    if (!fs.existsSync(backup)) {
      const temp = `${dirname(backup)}/.${basename(backup)}.tmp-${process.pid}-${hash}`;
      fs.copyFileSync(file, temp);
      fs.renameSync(temp, backup);
    }
    return backup;
  } catch {
    return `${backup} (could not be written)`;
  }
}

/** A copy of a damaged history, named for its content so that the same damage is kept once. */
export function backupOf(fs: Fs, file: string, bytes: Buffer): string {
  try {
    return keepBackup(fs, file, bytes);
  } catch {
    return `${file}.${hashOf(bytes)}.bak (could not be written)`;
  }
}

/**
 * The real file behind the history path: symlinks are followed; a folder is refused. Returns undefined
 * when there is no file yet (and `forWrite` is false).
 */
export function resolveTarget(path: string, fs: Fs, forWrite: boolean): string | undefined {
  let stat: nodeFs.Stats;
  try {
    stat = fs.lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return forWrite ? path : undefined;
    throw new HistoryError('bad-path', `cannot open the history ${path}: ${errnoWords(err)}`);
  }
  let target = path;
  if (stat.isSymbolicLink()) {
    try {
      target = fs.realpathSync(path);
      stat = fs.statSync(target);
    } catch {
      // A link to a file not made yet: the first write creates it where the link points.
      const pointed = resolvePath(dirname(path), fs.readlinkSync(path));
      return forWrite ? pointed : undefined;
    }
  }
  if (stat.isDirectory()) {
    throw new HistoryError('bad-path', `the history path ${path} is a folder, not a file`, `use a file inside it, e.g. --history ${join(path, 'history.json')}`);
  }
  // A FIFO or device would be waited on or read without end (/dev/zero), and appending to one loses the record.
  if (!stat.isFile()) {
    throw new HistoryError('bad-path', `the history path ${path} is a ${kindOf(stat)}, not a regular file`, 'give the path of a file with --history');
  }
  return target;
}
