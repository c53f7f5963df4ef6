import { fstatSync, writeSync } from 'node:fs';
import type { Output } from './context.js';
import { FailureError } from './errors.js';

/**
 * Standard output or error written with direct writes to the file descriptor. Creating
 * process.stdout costs a few milliseconds (it loads the tty and net modules); a lookup that prints one
 * card should not pay that. The stream is created only when needed: for a terminal's width, for
 * prompts, or when the descriptor cannot take a direct write (a non-blocking pipe that is full).
 */
export function createOutput(fd: 1 | 2, stream: () => NodeJS.WriteStream): Output {
  let useStream = false;
  let closed = false;
  // A character device is a terminal (or /dev/null, where treating it as one is harmless). Looked up on
  // first use: most runs never ask.
  let terminal: boolean | undefined;
  const maybeTerminal = () => (terminal ??= isCharacterDevice(fd));
  return {
    write(text: string) {
      if (closed) return false;
      if (useStream) return stream().write(text);
      let rest: Buffer | undefined;
      try {
        rest = writeDirect(fd, text);
      } catch (err) {
        // Nothing more goes there either way. The reader went away (rmprep list | head): the rest of the
        // output has nowhere to go, which is no error. Anything else (a full disk, EIO) is one line, exit 1.
        closed = true;
        if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw outputError(fd, err);
        return false;
      }
      if (!rest) return true;
      // From here on everything goes through the stream, so the output stays in order.
      useStream = true;
      return stream().write(rest);
    },
    get isTTY() {
      return maybeTerminal() ? stream().isTTY === true : false;
    },
    get columns() {
      return maybeTerminal() ? stream().columns : undefined;
    },
    get stream() {
      useStream = true;
      return stream();
    },
  };
}

/**
 * Writes straight to the descriptor; returns what is left unwritten when it would block (a non-blocking
 * pipe that is full). A string is handed over as it is: only a partial write needs a Buffer made here.
 */
function writeDirect(fd: number, text: string): Buffer | undefined {
  let done = 0;
  try {
    done = writeSync(fd, text);
    if (done === Buffer.byteLength(text)) return undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
  }
  const bytes = Buffer.from(text);
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    return bytes.subarray(done);
  }
  return undefined;
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/** The one-line error for output that could not be written, whichever way it was written. */
export function outputError(fd: number, err: unknown): FailureError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOSPC' ? 'no space left on the device' : code === 'EIO' ? 'an input/output error' : code === 'EBADF' ? 'it is not open' : code === 'EFBIG' ? 'the file is too large' : 'the write failed';
  return new FailureError(`cannot write to standard ${fd === 1 ? 'output' : 'error'}: ${why}${code ? ` (${code})` : ''}`);
}

/**
 * The width to lay output out for: the terminal's, else $COLUMNS (so `COLUMNS=120 rmprep list | less`
 * gets 120 columns), else 80. A COLUMNS that is not a sane count of columns is ignored.
 */
export function outputColumns(out: Pick<Output, 'columns'>, env: Record<string, string | undefined>): number {
  const fromEnv = /^\d{1,4}$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : undefined;
  return out.columns ?? (fromEnv !== undefined && fromEnv >= 10 ? fromEnv : 80);
}
