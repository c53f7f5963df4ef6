import { hashOf } from './files.js';
import { parseHistoryText, type BadLine } from './parse.js';
import { isIsoInstant, RECORD_TYPES, type HistoryRecord } from './schema.js';
import { currentRecords } from './upgrade.js';

export interface ImportBatch {
  records: HistoryRecord[];
  /** Lines that are not records at all: the import is refused when there is one. */
  bad: BadLine[];
  /** Records left out for their time, with why. */
  rejected: { line: number; reason: string }[];
}

/**
 * Reads a file to import (a rescue file, an export, another history). A record without an id gets one
 * from a hash of its content, so importing the same file again finds it. A record dated after `now`, or
 * at a time that is not an ISO-8601 moment JavaScript can represent, is rejected. Pure.
 */
export function readImportText(text: string, now: Date): ImportBatch {
  const rejected: ImportBatch['rejected'] = [];
  const lines = text.split('\n');
  let firstSeen = false;
  let expectHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (!firstSeen) {
      firstSeen = true;
      expectHeader = line.includes('"rmprep"');
      if (expectHeader) continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue; // The parser below reports it, with its position.
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const record = value as Record<string, unknown>;
    if (typeof record.type !== 'string' || !RECORD_TYPES.has(record.type)) continue;
    const reason = timeProblem(record.at, now) ?? secondsProblem(record.seconds);
    if (reason) {
      rejected.push({ line: i + 1, reason });
      lines[i] = '';
      continue;
    }
    if (record.id === undefined) lines[i] = JSON.stringify({ ...record, id: `h${hashOf(JSON.stringify(record))}` });
  }
  const parsed = parseHistoryText(lines.join('\n'), { expectHeader });
  return { records: currentRecords(parsed), bad: parsed.bad, rejected };
}

/** No answer takes a day; a larger count (1e308) would wreck every total it is added to. */
const MAX_ANSWER_SECONDS = 86_400;

function secondsProblem(seconds: unknown): string | undefined {
  if (typeof seconds !== 'number' || seconds <= MAX_ANSWER_SECONDS) return undefined;
  return `"seconds" is more than a day (${MAX_ANSWER_SECONDS})`;
}

function timeProblem(at: unknown, now: Date): string | undefined {
  if (typeof at !== 'string') return undefined; // The schema says what is wrong.
  if (!isIsoInstant(at)) {
    return /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}T/.test(at) ? '"at" is not a valid date, or is outside the dates rmprep can handle' : '"at" is not an ISO-8601 date and time';
  }
  if (Date.parse(at) > now.getTime()) return '"at" is in the future';
  return undefined;
}
