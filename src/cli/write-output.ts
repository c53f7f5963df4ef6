import { closeSync, constants, fstatSync, lstatSync, openSync, realpathSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { clip } from '../core/text/sanitize.js';
import { FailureError } from './errors.js';
import { describeWriteErrno } from '../core/fs/errno-text.js';
import { describeProtected, findProtected, type ProtectedPath } from '../core/protected-paths.js';

/**
 * Writes a file the user asked for (--out, rmprep new --force) where they mean it, turning any failure
 * into one clear line:
 * - a new or regular file: whole or not at all (temp file and rename), keeping an existing file's mode
 *   and owner; through a symbolic link, the file it points to is replaced, never the link;
 * - a FIFO or character device (/dev/stdout, /dev/null, a terminal): written to as a stream;
 * - a folder, a block device, a socket or a link to nothing: refused;
 * - any of the person's data in `protect` (the history, its backups, the data folder...): refused, by
 *   whatever path or link it is reached.
 */
export function writeOutputFile(file: string, content: string, protect: readonly ProtectedPath[]): void {
  const shown = clip(file);
  const hit = findProtected(file, protect);
  if (hit) throw new FailureError(`will not write ${shown}: it is ${describeProtected(hit)}; nothing was written`, 'choose a file outside rmprep\'s own folders');
  let target: Stats | undefined;
  try {
    target = statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new FailureError(`cannot write ${shown}: ${describe(err, dir(file))}`);
    if (isLink(file)) throw new FailureError(`cannot write ${shown}: it is a symbolic link to a file that does not exist`);
  }
  if (target?.isDirectory()) throw new FailureError(`cannot write ${shown}: it is a folder`);
  // /dev/stdout, /dev/fd/2 and the like: the descriptor rmprep already holds, whatever is behind it.
  const own = target && ownDescriptor(target);
  if (own !== undefined) return writeAll(own, content, shown, file);
  if (target && (target.isFIFO() || target.isCharacterDevice())) return writeStream(file, content, shown);
  if (target && !target.isFile()) throw new FailureError(`cannot write ${shown}: it is a ${target.isBlockDevice() ? 'block device' : 'socket'}, not a file`);
  // The file itself, not a link to it, is what gets replaced; a path that cannot be resolved is written as it is.
  const real = target ? realPath(file) : file;
  const folder = dir(real);
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    throw new FailureError(`cannot write ${shown}: ${target ? unreplaceable(err) : describe(err, folder)}`);
  }
  try {
    writeFileAtomic(real, content, undefined, target ? { mode: target.mode & 0o7777, owner: { uid: target.uid, gid: target.gid } } : { mode: 0o644 });
  } catch (err) {
    throw new FailureError(`cannot write ${shown}: ${target ? unreplaceable(err) : describe(err, folder)}`);
  }
}

/** Writes to a FIFO or device as it is, like a shell's `>`: no temp file, no rename. */
function writeStream(file: string, content: string, shown: string): void {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of waiting for a reader forever.
    fd = openSync(file, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new FailureError(`cannot write ${shown}: ${code === 'ENXIO' ? 'nothing is reading from it' : describe(err, dir(file))}`);
  }
  try {
    if (fstatSync(fd).isFile()) throw new FailureError(`cannot write ${shown}: it changed while being opened`);
    writeAll(fd, content, shown, file);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, content: string, shown: string, file: string): void {
  const bytes = Buffer.from(content);
  let done = 0;
  try {
    while (done < bytes.length) {
      try {
        done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (err) {
        // A full pipe: wait a little for the reader, as a blocking write would.
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
        Atomics.wait(PAUSE, 0, 0, 5);
      }
    }
  } catch (err) {
    // Standard output closed by its reader (| head): not an error, as for any other output.
    if (fd === 1 && (err as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw new FailureError(`cannot write ${shown}: ${describe(err, dir(file))}`);
  }
}

/** 1 or 2 when `target` is what standard output or error is connected to. */
function ownDescriptor(target: Stats): 1 | 2 | undefined {
  for (const fd of [1, 2] as const) {
    try {
      const st = fstatSync(fd);
      if (st.dev === target.dev && st.ino === target.ino) return fd;
    } catch {
      // Not open: nothing of ours to match.
    }
  }
  return undefined;
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

function dir(file: string): string {
  return dirname(file);
}

/**
 * Why a file that is there could not be replaced. Its folder is there too, even when the system says
 * otherwise (a file of /proc, whose folder takes no new files): so no "folder does not exist".
 */
function unreplaceable(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const why = describeWriteErrno(code);
  return why ? `it cannot be replaced: ${why}` : `it cannot be replaced (its folder takes no new files${code ? `: ${code}` : ''})`;
}

function describe(err: unknown, folder: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `the folder ${clip(folder)} does not exist`;
  if (code === 'ENOTDIR') return `${clip(folder)} is not a folder`;
  return describeWriteErrno(code) ?? code ?? (err instanceof Error ? err.message : String(err));
}
