import { fstatSync, writeSync } from 'node:fs';
import type { Output } from './context.js';

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
      if (!useStream) {
        try {
          writeAll(fd, text);
          return true;
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          // The reader went away (rmprep list | head): the rest of the output has nowhere to go.
          if (code === 'EPIPE') {
            closed = true;
            return false;
          }
          if (code !== 'EAGAIN') throw err;
          // From here on everything goes through the stream, so the output stays in order.
          useStream = true;
        }
      }
      return stream().write(text);
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

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}
