import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { parseHistoryText } from './parse.js';
import type { HistoryRecord } from './schema.js';

/** Enough of a history's end to hold its newest attempts and the session marker they belong to. */
const RECENT_BYTES = 256 * 1024;

/**
 * The whole records in the last `maxBytes` of a long history, for work that only needs its newest
 * records (which session a scripted attempt joins). Undefined when the history is short, missing, not a
 * regular file or unreadable: the caller then reads it whole, with every check that reading makes.
 */
export function readRecentRecords(file: string, maxBytes = RECENT_BYTES): HistoryRecord[] | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size <= maxBytes) return undefined;
    const buf = Buffer.alloc(maxBytes);
    let done = 0;
    while (done < maxBytes) {
      const n = readSync(fd, buf, done, maxBytes - done, st.size - maxBytes + done);
      if (n === 0) break;
      done += n;
    }
    const text = buf.subarray(0, done).toString('utf8');
    // The first line is most likely cut: start after it.
    const start = text.indexOf('\n') + 1;
    return parseHistoryText(text.slice(start), { expectHeader: false }).records;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
