import { InputError, isUserError } from './errors.js';
import { BoundedReadError, describeReadError, formatBytes, readBounded, readFileBoundedSync } from './fs/read-bounded.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns the bytes of a text someone handed us (a posting, a story) into a string, or says in one line why it
 * is not text: not UTF-8, or binary (NUL bytes). `display` names it in the message.
 */
export function decodeText(buf: Buffer, display: string): string {
  let text: string;
  try {
    text = utf8.decode(buf);
  } catch {
    throw new InputError(`${display}:1:1: not a UTF-8 text file`, 'invalid');
  }
  if (text.includes('\u0000')) throw new InputError(`${display}:1:1: not a text file: it contains NUL bytes`, 'invalid');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a text file of at most `maxBytes` through the bounded reader (a FIFO such as a shell's `<(...)` is
 * read as a stream). Too large is 'invalid' (its contents are wrong); a folder, a device or a file that
 * cannot be read is 'missing' (a path where no readable file is).
 */
export async function readTextFile(path: string, display: string, maxBytes: number): Promise<string> {
  return decodeText(await readOrExplain(() => readBounded(path, maxBytes), display), display);
}

/** The same for a regular file, synchronously: what loading a folder of small files wants. */
export function readTextFileSync(path: string, display: string, maxBytes: number): string {
  try {
    return decodeText(readFileBoundedSync(path, maxBytes), display);
  } catch (err) {
    throw explain(err, display);
  }
}

async function readOrExplain(read: () => Promise<Buffer>, display: string): Promise<Buffer> {
  try {
    return await read();
  } catch (err) {
    throw explain(err, display);
  }
}

function explain(err: unknown, display: string): unknown {
  if (isUserError(err)) return err;
  const tooLarge = err instanceof BoundedReadError && err.code === 'EFBIG';
  return new InputError(`cannot read ${display}: ${describeReadError(err)}`, tooLarge ? 'invalid' : 'missing');
}

/** Reads a stream (standard input) up to `maxBytes`, then decodes it as text. */
export async function readTextStream(stream: AsyncIterable<unknown>, display: string, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) throw new InputError(`${display} is larger than ${formatBytes(maxBytes)}`, 'invalid');
    chunks.push(buf);
  }
  return decodeText(Buffer.concat(chunks), display);
}
