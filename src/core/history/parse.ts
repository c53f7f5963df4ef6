import { headerSchema, RECORD_TYPES, recordSchema, type Header, type HistoryRecord } from './schema.js';

export interface BadLine {
  line: number;
  col: number;
  message: string;
  text: string;
}

export interface ParsedHistory {
  header: Header | undefined;
  records: HistoryRecord[];
  /** Lines that are not valid records, with 1-based positions in the file. */
  bad: BadLine[];
  /** An unfinished last line (no newline, not valid): a write that was cut off. Ignored when reading. */
  torn: { offset: number; text: string } | undefined;
  /** Byte length of the text up to and including the last newline-terminated line. */
  completeBytes: number;
  /**
   * With `keepLines`: every readable line after the header, in file order, as written; `record` is absent
   * for a record type this build does not know (a newer build wrote it), which is kept, never dropped.
   */
  lines?: { text: string; record?: HistoryRecord }[];
}

/**
 * Parses history text: a header line, then one JSON record per line. `startLine` and `startByte`
 * place a tail read in the whole file. Pure.
 */
export function parseHistoryText(
  text: string,
  { startLine = 1, startByte = 0, expectHeader = true, keepLines = false }: { startLine?: number; startByte?: number; expectHeader?: boolean; keepLines?: boolean } = {},
): ParsedHistory {
  const records: HistoryRecord[] = [];
  const kept: NonNullable<ParsedHistory['lines']> = [];
  const bad: BadLine[] = [];
  let header: Header | undefined;
  let torn: ParsedHistory['torn'];
  let pos = 0;
  let lineNo = startLine;
  let bytes = startByte;
  let completeBytes = startByte;
  let needHeader = expectHeader;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const last = nl === -1;
    const raw = text.slice(pos, last ? text.length : nl);
    const lineBytes = Buffer.byteLength(raw) + (last ? 0 : 1);
    const line = raw.replace(/\r$/, '');
    if (line.trim() !== '') {
      const parsed = parseLine(line, needHeader);
      if (parsed.ok) {
        if (parsed.header) header = parsed.header;
        else if (parsed.record) records.push(parsed.record);
        if (keepLines && !parsed.header) kept.push(parsed.record ? { text: line, record: parsed.record } : { text: line });
      } else if (last) {
        torn = { offset: bytes, text: raw };
      } else {
        bad.push({ line: lineNo, col: parsed.col, message: parsed.message, text: line });
      }
      needHeader = false;
    }
    bytes += lineBytes;
    if (!last) completeBytes = bytes;
    else if (!torn) completeBytes = bytes;
    pos = last ? text.length : nl + 1;
    lineNo++;
  }
  return { header, records, bad, torn, completeBytes, ...(keepLines ? { lines: kept } : {}) };
}

type LineResult =
  | { ok: true; header: Header; record?: undefined }
  | { ok: true; header?: undefined; record: HistoryRecord }
  /** A whole record of a type this build does not know (written by a newer one): skipped, not refused. */
  | { ok: true; header?: undefined; record?: undefined }
  | { ok: false; col: number; message: string };

function parseLine(line: string, isFirst: boolean): LineResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(msg);
    return { ok: false, col: (at ? Number(at[1]) : errorOffset(line)) + 1, message: `invalid JSON: ${describeJsonError(msg)}` };
  }
  if (isFirst) {
    const h = headerSchema.safeParse(value);
    if (h.success) return { ok: true, header: h.data };
    return { ok: false, col: 1, message: 'expected the history header {"rmprep":"history","version":N} on the first line' };
  }
  if (isForeign(value)) return { ok: true };
  const r = recordSchema.safeParse(value);
  if (r.success) return { ok: true, record: r.data };
  const issue = r.error.issues[0];
  const field = issue && issue.path.length > 0 ? `"${issue.path.join('.')}" ` : '';
  return { ok: false, col: 1, message: `not a valid record: ${field}${issue?.message ?? 'invalid'}` };
}

/** An object naming a record type this build does not know; one without a type, or with a bad one, is damaged. */
function isForeign(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && /^[a-z][a-z0-9-]{0,63}$/.test(type) && !RECORD_TYPES.has(type);
}

/**
 * Where JSON.parse gave up, for the messages that do not say ("Unexpected token ..."): the shortest prefix
 * of the line that is already wrong, rather than merely unfinished, ends at the bad character.
 */
function errorOffset(line: string): number {
  let lo = 1;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isWrong(line.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function isWrong(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(msg);
    return at ? Number(at[1]) < prefix.length : !/end of JSON input/.test(msg);
  }
}

/**
 * JSON.parse's message without its position and without the copy of the line some messages carry: the
 * line may be long, and a hand-edited one may hold terminal control characters. Any left are escaped.
 */
function describeJsonError(msg: string): string {
  return msg
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    .replace(/, .* is not valid JSON$/s, '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
