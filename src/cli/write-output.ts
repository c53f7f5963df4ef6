import { clip } from '../core/text/sanitize.js';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import { FailureError } from './errors.js';

/**
 * Writes a file the user asked for (--out, rmprep new) whole or not at all, readable by others,
 * turning any failure into one clear line.
 */
export function writeOutputFile(file: string, content: string): void {
  const dir = dirname(file);
  try {
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (err) {
    throw new FailureError(`cannot write ${clip(file)}: ${describe(err, dir)}`);
  }
  try {
    if (statSync(file).isDirectory()) throw new FailureError(`cannot write ${clip(file)}: it is a folder`);
  } catch (err) {
    if (err instanceof FailureError) throw err;
  }
  try {
    writeFileAtomic(file, content, undefined, { mode: 0o644 });
  } catch (err) {
    throw new FailureError(`cannot write ${clip(file)}: ${describe(err, dir)}`);
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
