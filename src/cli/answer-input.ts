import { clip } from '../core/text/sanitize.js';
import { resolve } from 'node:path';
import { describeReadError, readBounded } from '../core/fs/read-bounded.js';
import type { Input } from './context.js';
import { NotFoundError, UsageError } from './errors.js';

/** Answers larger than this are refused: nobody speaks a megabyte in an interview. */
export const MAX_ANSWER_BYTES = 1_000_000;

/** Reads an answer from a file (a FIFO or device as a stream), or all of standard input, at most 1 MB either way. */
export async function readAnswer(file: string | undefined, stdin: Input, cwd: string): Promise<string> {
  let text: string;
  if (file !== undefined && file !== '-') {
    try {
      text = (await readBounded(resolve(cwd, file), MAX_ANSWER_BYTES)).toString('utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EFBIG') throw new UsageError(`the answer file ${clip(file)} is larger than 1 MB`);
      throw new NotFoundError(`cannot read the answer file ${clip(file)}: ${describeReadError(err)}`);
    }
  } else {
    text = await readAll(stdin);
  }
  if (text.trim() === '') {
    throw new UsageError('the answer is empty', 'write it in a file and pass --answer-file, or pipe it in on standard input');
  }
  return text;
}

async function readAll(stream: Input): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_ANSWER_BYTES) throw new UsageError('the answer on standard input is larger than 1 MB');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
