import { BoundedReadError, describeReadError, readFileBoundedSync } from '../fs/read-bounded.js';
import { parseQuestionFile, type ParsedFile } from './parse.js';

/** Files larger than this are refused: no real question file comes close, and parsing must stay cheap. */
export const MAX_QUESTION_FILE_BYTES = 1_000_000;

/** Reads and parses one file, refusing ones that are too large or not UTF-8 text. */
export function readQuestionFile(file: string, displayName: string = file): ParsedFile {
  let buf: Buffer;
  try {
    buf = readFileBoundedSync(file, MAX_QUESTION_FILE_BYTES);
  } catch (err) {
    const message =
      err instanceof BoundedReadError && err.code === 'EFBIG'
        ? `file is ${err.size === undefined ? 'larger than 1 MB' : formatSize(err.size)}; question files may be at most 1 MB`
        : `cannot read file: ${describeReadError(err)}`;
    return { questions: [], problems: [{ file: displayName, line: 1, col: 1, message }] };
  }
  const text = decodeUtf8(buf);
  if (text === undefined) {
    return { questions: [], problems: [{ file: displayName, line: 1, col: 1, message: 'not a UTF-8 text file' }] };
  }
  if (text.includes('\u0000')) {
    return { questions: [], problems: [{ file: displayName, line: 1, col: 1, message: 'not a text file: it contains NUL bytes' }] };
  }
  return parseQuestionFile(text, displayName);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(buf: Buffer): string | undefined {
  try {
    return utf8.decode(buf);
  } catch {
    return undefined;
  }
}

function formatSize(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} kB`;
}
