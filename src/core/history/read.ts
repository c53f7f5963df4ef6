import * as nodeFs from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { kindOf } from '../fs/read-bounded.js';
import { keepBackup } from './backup.js';
import { HistoryError } from './errors.js';
import { hashOf, type Fs } from './files.js';
import type { StoreOptions } from './options.js';
import { parseHistoryText, type ParsedHistory } from './parse.js';
import { HISTORY_VERSION, type HistoryRecord } from './schema.js';
import { currentRecords } from './upgrade.js';
import { plural } from '../text/plural.js';

export interface HistoryData {
  version: number;
  records: HistoryRecord[];
  /** The byte length of the file that was read, complete lines only. */
  size: number;
}

export const HEADER = JSON.stringify({ rmprep: 'history', version: HISTORY_VERSION });

/** Reads the whole history. A missing file is an empty history; a damaged one is refused (and backed up once). */
export function readHistory(path: string, opts: StoreOptions = {}): HistoryData {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { version: HISTORY_VERSION, records: [], size: 0 };
  const current = readCurrent(fs, file);
  checkReadable(path, file, current, fs);
  return { version: versionOf(current.parsed), records: currentRecords(current.parsed), size: current.parsed.completeBytes };
}

export interface Current {
  exists: boolean;
  bytes: Buffer;
  text: string;
  parsed: ParsedHistory;
}

export function readCurrent(fs: Fs, file: string): Current {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, bytes: Buffer.alloc(0), text: '', parsed: parseHistoryText('') };
    throw new HistoryError('bad-path', `cannot read the history ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const text = bytes.toString('utf8');
  return { exists: true, bytes, text, parsed: parseHistoryText(text) };
}

export function versionOf(parsed: ParsedHistory): number {
  return parsed.header?.version ?? HISTORY_VERSION;
}

/** Refuses a history of a newer format, or one with bad lines (keeping a copy of it first). */
export function checkReadable(path: string, file: string, current: Current, fs: Fs): void {
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
    const backup = backupOf(fs, file, current.bytes);
    const more = parsed.bad.length > 1 ? ` (and ${plural(parsed.bad.length - 1, 'more bad line')})` : '';
    throw new HistoryError(
      'corrupt',
      `${path}:${first.line}:${first.col}: ${first.message}${more}; rmprep will not write to this history until it is fixed (a copy is in ${backup})`,
      'fix the line by hand, or run: rmprep history --repair (it sets the bad lines aside in a file and keeps the rest)',
    );
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
    throw new HistoryError('bad-path', `cannot open the history ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
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
