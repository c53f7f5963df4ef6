/** Why a write failed, in words, for the errno codes a user can do something about; undefined for others. */
export function describeWriteErrno(code: string | undefined): string | undefined {
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EDQUOT':
      return 'the disk quota is exceeded (EDQUOT)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'EPIPE':
      return 'the reader went away (EPIPE)';
    default:
      return undefined;
  }
}
