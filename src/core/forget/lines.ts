import type * as nodeFs from 'node:fs';

/**
 * The lines of a file without their newlines, read in chunks of `chunkBytes` so a history of any size is
 * read in bounded memory; `progress` runs between chunks (a writer refreshes its lock there).
 */
export function* readLines(fs: typeof nodeFs, file: string, chunkBytes: number, progress?: () => void): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(chunkBytes);
    let pending = Buffer.alloc(0);
    for (let pos = 0; ; ) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      pos += n;
      const data = pending.length > 0 ? Buffer.concat([pending, buf.subarray(0, n)]) : buf.subarray(0, n);
      const nl = data.lastIndexOf(0x0a);
      if (nl === -1) {
        pending = Buffer.from(data);
        continue;
      }
      pending = Buffer.from(data.subarray(nl + 1));
      // Split on bytes, then decode each whole line: a chunk may end inside a character.
      let start = 0;
      for (let i = data.indexOf(0x0a); i !== -1 && i <= nl; i = data.indexOf(0x0a, i + 1)) {
        yield data.subarray(start, i).toString('utf8');
        start = i + 1;
      }
      progress?.();
    }
    if (pending.length > 0) yield pending.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
