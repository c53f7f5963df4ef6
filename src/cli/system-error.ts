import { isUserError, UserError } from '../core/errors.js';
import { describeWriteErrno } from '../core/fs/errno-text.js';
import { EXIT } from './errors.js';
import { clip } from '../core/text/sanitize.js';

/** What a system call was doing, in words, for the message: "cannot open <path>". */
const VERBS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'make the folder',
  rename: 'rename',
  unlink: 'remove',
  rmdir: 'remove the folder',
  scandir: 'list the folder',
  stat: 'look at',
  lstat: 'look at',
  fstat: 'look at',
  realpath: 'resolve',
  readlink: 'resolve',
  copyfile: 'copy',
  fsync: 'save',
  ftruncate: 'truncate',
  chmod: 'set the mode of',
  fchmod: 'set the mode of',
  fchown: 'set the owner of',
  spawn: 'start',
};

const WORDS: Record<string, string> = {
  ENOENT: 'it does not exist (ENOENT)',
  ENOTDIR: 'a part of the path is not a folder (ENOTDIR)',
  EISDIR: 'it is a folder (EISDIR)',
  EEXIST: 'it already exists (EEXIST)',
  EIO: 'an input/output error (EIO)',
  EMFILE: 'too many open files (EMFILE)',
  ENFILE: 'too many open files on the system (ENFILE)',
  ELOOP: 'too many levels of symbolic links (ELOOP)',
  ENAMETOOLONG: 'the name is too long (ENAMETOOLONG)',
  EBUSY: 'it is busy (EBUSY)',
  ETXTBSY: 'it is busy (ETXTBSY)',
  EFBIG: 'the file is too large (EFBIG)',
  ENXIO: 'no such device (ENXIO)',
  ENODEV: 'no such device (ENODEV)',
  EAGAIN: 'it is not ready (EAGAIN)',
  ENOMEM: 'out of memory (ENOMEM)',
  ESTALE: 'a stale network file handle (ESTALE)',
  EXDEV: 'it is on another file system (EXDEV)',
};

/**
 * An error of the outside world (a system call that failed: EACCES, EROFS, EIO ...) as one line naming
 * what was being done to which path; undefined for anything else. Never "a bug".
 */
export function describeSystemError(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const { code, syscall, path } = err as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z0-9]+$/.test(code)) return undefined;
  const why = describeWriteErrno(code) ?? WORDS[code] ?? code;
  const verb = syscall ? (VERBS[syscall] ?? `${syscall}`) : undefined;
  if (path && verb) return `cannot ${verb} ${clip(path, 160)}: ${why}`;
  return `${verb ? `cannot ${verb}` : 'a system call failed'}: ${why}`;
}

/** The same error, but a usage mistake (exit 2): its words are kept. Anything unexpected is left as it is. */
export function asUsageError(err: unknown): unknown {
  if (isUserError(err)) return new UserError(err.message, err.kind, err.hint, EXIT.usage);
  const system = describeSystemError(err);
  return system === undefined ? err : new UserError(system, 'failure', undefined, EXIT.usage);
}
