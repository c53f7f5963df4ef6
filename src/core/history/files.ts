import { createHash } from 'node:crypto';
import type * as nodeFs from 'node:fs';
import { keepingOf, writeFileAtomic } from '../atomic-write.js';

export type Fs = typeof nodeFs;

/**
 * Writes a file whole or not at all (see atomic-write.ts); `durable: false` for the disposable cache. A
 * file it replaces (the history when it is upgraded) keeps its mode and owner; a new one is 0600.
 */
export function writeAtomic(fs: Fs, file: string, content: string | Buffer, { durable = true } = {}): void {
  writeFileAtomic(file, content, fs, { durable, ...keepingOf(file, 0o600, (p) => fs.statSync(p)) });
}

/** The first line of the file, if it ends within the first few kilobytes; undefined otherwise or when there is no file. */
export function readFirstLine(fs: Fs, file: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(4096);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const nl = buf.subarray(0, n).indexOf(0x0a);
    return nl === -1 ? undefined : buf.subarray(0, nl).toString('utf8').replace(/\r$/, '');
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes after the file's last newline, read backwards from the end however long they are. */
export function readLastLine(fs: Fs, file: string): { size: number; lineStart: number; last: Buffer } {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const pieces: Buffer[] = [];
    for (let end = size; end > 0; ) {
      const from = Math.max(0, end - 65_536);
      const buf = Buffer.alloc(end - from);
      const n = fs.readSync(fd, buf, 0, buf.length, from);
      const piece = buf.subarray(0, n);
      const nl = piece.lastIndexOf(0x0a);
      if (nl !== -1) {
        pieces.unshift(piece.subarray(nl + 1));
        return { size, lineStart: from + nl + 1, last: Buffer.concat(pieces) };
      }
      pieces.unshift(piece);
      end = from;
    }
    return { size, lineStart: 0, last: Buffer.concat(pieces) };
  } finally {
    fs.closeSync(fd);
  }
}

export function readTail(fs: Fs, file: string, from: number, to: number): string {
  if (to <= from) return '';
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(to - from);
    const n = fs.readSync(fd, buf, 0, buf.length, from);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

export function existingSize(fs: Fs, file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** `<base><ext>`, or `<base>-2<ext>`, `<base>-3<ext>` ... when that name is taken. */
export function uniquePath(fs: Fs, base: string, ext: string): string {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base}${ext}` : `${base}-${n}${ext}`;
    if (!fs.existsSync(candidate)) return candidate;
  }
}

export function hashOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 10);
}

/** A moment as a compact UTC stamp for file names: 20260301T100000Z. */
export function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A size for messages: "64 kB", "300 MB". */
export function describeBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.ceil(n / (1024 * 1024))} MB` : `${Math.ceil(n / 1024)} kB`;
}
