import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FailureError } from '../../cli/errors.js';

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target, is flushed to disk,
 * then renamed over it, so a reader never sees half a report and a failed write leaves the old file alone.
 */
export function writeFileAtomic(file: string, content: string): void {
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    throw new FailureError(`cannot write ${file}: ${describe(err, dir)}`);
  }
  try {
    if (statSync(file).isDirectory()) throw new FailureError(`cannot write ${file}: it is a folder`);
  } catch (err) {
    if (err instanceof FailureError) throw err;
  }
  const temp = join(dir, `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    const bytes = Buffer.from(content);
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw new FailureError(`cannot write ${file}: ${describe(err, dir)}`);
  }
}

function describe(err: unknown, dir: string): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `the folder ${dir} does not exist`;
  if (code === 'ENOTDIR') return `${dir} is not a folder`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  if (code === 'ENOSPC') return 'the disk is full (ENOSPC)';
  if (code === 'EROFS') return 'the file system is read-only (EROFS)';
  return code ?? (err instanceof Error ? err.message : String(err));
}
