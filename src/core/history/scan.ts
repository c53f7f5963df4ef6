import { createHash } from 'node:crypto';
import { HistoryError } from './errors.js';
import { describeBytes, type Fs } from './files.js';
import { parseHistoryText, type BadLine } from './parse.js';
import { HISTORY_VERSION, type Header, type HistoryRecord } from './schema.js';
import { makeUpgrader } from './upgrade.js';

/** What a pass over the whole history found, besides the records it handed over one at a time. */
export interface Scan {
  header: Header | undefined;
  bad: BadLine[];
  torn: { offset: number; text: string } | undefined;
  /** Bytes and newlines up to the end of the last whole line. */
  completeBytes: number;
  lines: number;
  /** sha256 of the bytes read, as backups are named. */
  hash: string;
}

export interface ScanHandlers {
  record(record: HistoryRecord): void;
  /**
   * Every readable line after the header, in file order, as written, with its record in the current format,
   * or none for a record type this build does not know. Called before `record` for the same line.
   */
  line?(text: string, record: HistoryRecord | undefined): void;
  /** Called between chunks: a writer refreshes its lock's heartbeat here. */
  progress?(): void;
}

/**
 * Reads the history from disk in chunks of at most `chunkBytes`, so that a file of any size is read in
 * bounded memory; records reach `handlers.record` in the current format. Stops at a header from a newer
 * format. A single line longer than `chunkBytes` is refused.
 */
export function scanHistory(fs: Fs, file: string, chunkBytes: number, handlers: ScanHandlers): Scan {
  const fd = fs.openSync(file, 'r');
  const hash = createHash('sha256');
  const buf = Buffer.alloc(chunkBytes);
  const scan: Scan = { header: undefined, bad: [], torn: undefined, completeBytes: 0, lines: 0, hash: '' };
  let upgrade: ((r: HistoryRecord) => HistoryRecord) | undefined;
  let pending = Buffer.alloc(0);
  let pos = 0;
  const take = (text: string, last: boolean) => {
    const parsed = parseHistoryText(text, { startLine: scan.lines + 1, startByte: scan.completeBytes, expectHeader: upgrade === undefined, keepLines: handlers.line !== undefined });
    if (parsed.header) scan.header = parsed.header;
    if (upgrade === undefined && (parsed.header || parsed.records.length > 0 || parsed.bad.length > 0 || parsed.torn)) {
      upgrade = makeUpgrader(scan.header?.version ?? HISTORY_VERSION);
    }
    if ((scan.header?.version ?? HISTORY_VERSION) > HISTORY_VERSION) return false;
    for (const b of parsed.bad) scan.bad.push(b);
    if (parsed.lines && handlers.line) {
      for (const l of parsed.lines) {
        const r = l.record && (upgrade ? upgrade(l.record) : l.record);
        handlers.line(l.text, r);
        if (r) handlers.record(r);
      }
    } else {
      for (const r of parsed.records) handlers.record(upgrade ? upgrade(r) : r);
    }
    scan.torn = parsed.torn;
    scan.completeBytes = parsed.completeBytes;
    if (!last) scan.lines += countLines(text);
    return true;
  };
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      pos += n;
      const data = pending.length > 0 ? Buffer.concat([pending, buf.subarray(0, n)]) : buf.subarray(0, n);
      const nl = data.lastIndexOf(0x0a);
      if (nl === -1) {
        if (data.length > chunkBytes) throw tooLong(file, scan.lines + 1, chunkBytes);
        pending = Buffer.from(data);
        continue;
      }
      pending = Buffer.from(data.subarray(nl + 1));
      if (!take(data.subarray(0, nl + 1).toString('utf8'), false)) return { ...scan, hash: '' };
      handlers.progress?.();
    }
    if (pending.length > 0) take(pending.toString('utf8'), true);
    return { ...scan, hash: hash.digest('hex').slice(0, 10) };
  } finally {
    fs.closeSync(fd);
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function tooLong(file: string, line: number, limit: number): HistoryError {
  return new HistoryError('too-large', `${file}:${line}: a line longer than ${describeBytes(limit)}; rmprep will not read it`);
}
