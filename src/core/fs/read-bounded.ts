import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/** What sits at a path, in words a message can use. */
export type FileKind = 'file' | 'folder' | 'FIFO' | 'device' | 'socket' | 'special file';

/**
 * A read refused before or while reading: larger than the cap (EFBIG), a folder (EISDIR), or not a regular
 * file where one is expected (ENOTREG). `code` sits where Node puts an errno code, so one describe covers both.
 */
export class BoundedReadError extends Error {
  constructor(
    readonly code: 'EFBIG' | 'EISDIR' | 'ENOTREG',
    readonly kind: FileKind,
    readonly limit: number,
    /** The size stat gave, when that alone showed the file too large. */
    readonly size?: number,
  ) {
    super(code === 'EFBIG' ? `larger than ${formatBytes(limit)}` : code === 'EISDIR' ? 'a folder' : `a ${kind}, not a regular file`);
    this.name = 'BoundedReadError';
  }
}

/** The calls a bounded read makes, so that a store with an injected file system can pass its own. */
export type ReadFs = Pick<typeof import('node:fs'), 'openSync' | 'fstatSync' | 'readSync' | 'closeSync'>;
const realFs: ReadFs = { openSync, fstatSync, readSync, closeSync };

// O_NONBLOCK: opening a FIFO must not wait for a writer just to find out it is a FIFO.
// O_NOCTTY: opening a terminal device must never make it ours.
const PROBE_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;
const CHUNK = 64 * 1024;

/**
 * Reads a regular file of at most `maxBytes`, counting the bytes actually read (stat sizes are 0 for
 * devices, FIFOs and /proc, and files grow while read). Anything else is refused without reading from it:
 * a folder, FIFO, device or socket. Errors from the file system pass through with their codes.
 */
export function readFileBoundedSync(path: string, maxBytes: number, fs: ReadFs = realFs): Buffer {
  const fd = fs.openSync(path, PROBE_FLAGS);
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw refusal(st, maxBytes);
    if (st.size > maxBytes) throw new BoundedReadError('EFBIG', 'file', maxBytes, st.size);
    return readToCap((buf, at) => fs.readSync(fd, buf, at, buf.length - at, null), st.size, maxBytes);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads `length` bytes at `offset` of a regular file (fewer at its end); anything else is refused unread. */
export function readFileRangeSync(path: string, offset: number, length: number): Buffer {
  const fd = openSync(path, PROBE_FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw refusal(st, length);
    const buf = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, buf, done, length - done, offset + done);
      if (n === 0) break;
      done += n;
    }
    return buf.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/**
 * Like readFileBoundedSync, but a FIFO or character device (a shell's `<(...)`, /dev/stdin, /dev/zero) is
 * read as a stream, with the same cap. A FIFO waits for its first writer, as `cat` would.
 */
export async function readBounded(path: string, maxBytes: number): Promise<Buffer> {
  const fd = openSync(path, PROBE_FLAGS);
  let owned = true;
  let handle: FileHandle | undefined;
  try {
    const st = fstatSync(fd);
    if (st.isFile() && st.size > maxBytes) throw new BoundedReadError('EFBIG', 'file', maxBytes, st.size);
    if (st.isFile()) return readToCap((buf, at) => readSync(fd, buf, at, buf.length - at, null), st.size, maxBytes);
    if (st.isFIFO()) {
      // Polled by the event loop, from this very descriptor: a writer that came and went while it was open
      // still counts, and one that has not come yet is waited for.
      owned = false;
      return await readFifoToCap(fd, maxBytes);
    }
    if (!st.isCharacterDevice()) throw refusal(st, maxBytes);
    // A device is read without O_NONBLOCK, off the main thread: a terminal may take its time.
    const { open } = await import('node:fs/promises');
    handle = await open(path, constants.O_RDONLY | constants.O_NOCTTY);
    const again = await handle.stat();
    if (again.dev !== st.dev || again.ino !== st.ino) throw refusal(again, maxBytes);
    return await readHandleToCap(handle, maxBytes);
  } finally {
    if (owned) closeSync(fd);
    await handle?.close();
  }
}

function readToCap(read: (buf: Buffer, at: number) => number, sizeHint: number, maxBytes: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.min(Math.max(sizeHint + 1, 4096), maxBytes + 1));
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      if (total > maxBytes) throw new BoundedReadError('EFBIG', 'file', maxBytes);
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    }
    const n = read(buf, total);
    if (n === 0) break;
    total += n;
  }
  if (total > maxBytes) throw new BoundedReadError('EFBIG', 'file', maxBytes);
  return buf.subarray(0, total);
}

async function readHandleToCap(handle: FileHandle, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) throw new BoundedReadError('EFBIG', 'device', maxBytes);
  }
  return Buffer.concat(chunks, total);
}

/** Reads a FIFO through a socket wrapped around `fd`, which it then owns and closes. */
async function readFifoToCap(fd: number, maxBytes: number): Promise<Buffer> {
  const { Socket } = await import('node:net');
  const socket = new Socket({ fd, readable: true, writable: false });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    socket.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) {
        socket.destroy();
        reject(new BoundedReadError('EFBIG', 'FIFO', maxBytes));
      } else chunks.push(chunk);
    });
    socket.on('end', () => {
      socket.destroy();
      resolve(Buffer.concat(chunks, total));
    });
    socket.on('error', (err) => {
      socket.destroy();
      reject(err);
    });
  });
}

function refusal(st: Stats, maxBytes: number): BoundedReadError {
  const kind = kindOf(st);
  return new BoundedReadError(kind === 'folder' ? 'EISDIR' : 'ENOTREG', kind, maxBytes);
}

export function kindOf(st: Stats): FileKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'folder';
  if (st.isFIFO()) return 'FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  if (st.isSocket()) return 'socket';
  return 'special file';
}

/** Why a read failed, as a few words after "cannot read X: ". */
export function describeReadError(err: unknown): string {
  if (err instanceof BoundedReadError) return `it is ${err.message}`;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENXIO':
      return 'it is a socket or a device that is not there (ENXIO)';
    case 'ELOOP':
      return 'too many symbolic links (ELOOP)';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EIO':
      return 'an input/output error (EIO)';
    default:
      return code ?? (err instanceof Error ? err.message : String(err));
  }
}

export function formatBytes(n: number): string {
  if (n >= 1_000_000) return `${Number.isInteger(n / 1_000_000) ? n / 1_000_000 : (n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1000) return `${Math.ceil(n / 1000)} kB`;
  return `${n} bytes`;
}
