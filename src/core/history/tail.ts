import { basename, dirname, join } from 'node:path';
import { readLastLine, stamp, uniquePath, type Fs } from './files.js';
import { isAlive } from './lock.js';
import { parseHistoryText, type ParsedHistory } from './parse.js';

export interface End {
  /** Where the new lines go: the file is cut back to here first when a torn line was set aside. */
  start: number;
  /** What must precede them: a missing newline, a header for a new file. */
  lead: string;
}

/**
 * Makes the file end on a whole line and says where the new lines go and what must precede them. A last
 * line without its newline that is a whole record only needs the newline; anything else there is a write
 * that was cut off: its bytes are set aside exactly as they are, and the file is cut back to the line before.
 * Works on bytes, so a line of any length, cut anywhere (inside a character too), is handled whole.
 */
export function repairTail(fs: Fs, file: string, current: { bytes: Buffer; parsed: ParsedHistory }, header: string, now: Date): End {
  const { bytes, parsed } = current;
  const lineStart = bytes.lastIndexOf(0x0a) + 1;
  let start = bytes.length;
  let lead = '';
  if (lineStart < bytes.length) {
    if (parsed.torn) start = setTornAside(fs, file, lineStart, bytes.subarray(lineStart), now);
    else lead = '\n';
  }
  // No header yet: a new file, or one that holds nothing but blank lines or a cut-off first line.
  if (!parsed.header && parsed.records.length === 0) lead += `${header}\n`;
  return { start, lead };
}

/** The same for a file known to start with a whole header line, reading only its last line. */
export function repairTailOnly(fs: Fs, file: string, now: Date): End {
  const { size, lineStart, last } = readLastLine(fs, file);
  if (lineStart === size) return { start: size, lead: '' };
  const parsed = parseHistoryText(last.toString('utf8'), { expectHeader: false });
  if (parsed.torn) return { start: setTornAside(fs, file, lineStart, last, now), lead: '' };
  return { start: size, lead: '\n' };
}

/** Keeps the bytes of a cut-off write in `<file>.torn-<time>`, exactly as they are, and cuts the file back. */
function setTornAside(fs: Fs, file: string, lineStart: number, torn: Buffer, now: Date): number {
  const aside = uniquePath(fs, `${file}.torn-${stamp(now)}`, '');
  fs.writeFileSync(aside, torn, { flag: 'wx', mode: 0o600 });
  fs.truncateSync(file, lineStart);
  return lineStart;
}

/**
 * Removes what writers that died left beside the history: temporary files of a rewrite, a backup, the
 * cache or a lock being made, and a stale lock moved aside. Their names carry the writer's pid; a live
 * writer's are kept.
 */
export function removeLeftovers(fs: Fs, file: string): void {
  const dir = dirname(file);
  const name = escapeRegExp(basename(file));
  const leftover = new RegExp(`^(?:\\.\\.?${name}(?:\\.[^/]*)?\\.tmp|${name}\\.lock\\.stale)-(\\d+)-[0-9a-f]+$`);
  try {
    for (const entry of fs.readdirSync(dir)) {
      const match = leftover.exec(entry);
      if (!match) continue;
      const pid = Number(match[1]);
      if (pid === process.pid || pid <= 0 || !isAlive(pid)) fs.rmSync(join(dir, entry), { force: true });
    }
  } catch {
    // Leftovers are harmless: readers never look at them.
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
