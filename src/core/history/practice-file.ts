import { openSealed } from '../cache-seal.js';
import { basename, dirname, join } from 'node:path';
import { readFileBoundedSync } from '../fs/read-bounded.js';
import type { PracticeById } from './practice.js';
import { RATINGS, type Rating } from './ratings.js';
import { anchorOf, isInstant, isInt, isObject, peekFs, statHistory, type PeekFs } from './summary-file.js';

// The practice digest: only what `list` shows per question, written beside the summary cache whenever
// that is written. list's start-up reads it instead of the summary (a few kB rather than every card and
// day), and trusts it on the same terms: the history's size, mtime and last bytes must match, and every
// row must have its shape. Kept free of the schema library and node:crypto, like summary-file.ts.

/** A digest larger than this is not read; a FIFO or device in its place is not read at all. */
const MAX_DIGEST_BYTES = 64_000_000;
/** Bump when the file's shape changes. */
export const PRACTICE_DIGEST_VERSION = 1;

/** One question: id, attempts, last rating, last attempt, due (null before scheduling existed). */
type DigestRow = [id: string, attempts: number, lastRating: Rating, lastAt: string, due: string | null];

export interface PracticeDigestFile {
  v: number;
  /** Bytes of the history the digest covers, which must be all of it. */
  size: number;
  mtimeMs: number;
  anchor: string;
  rows: DigestRow[];
}

export function practiceDigestPath(file: string): string {
  return join(dirname(file), `.${basename(file)}.practice`);
}

export function digestRows(practice: PracticeById): DigestRow[] {
  return [...practice].map(([id, p]) => [id, p.attempts, p.lastRating, p.lastAt, p.due ?? null]);
}

/**
 * The practice per question of the history at `path` from its digest alone, when the digest matches the
 * file as it is; an empty one when there is no history yet. Undefined whenever that cannot be shown (no
 * digest, a stale or damaged one, a path that is not a plain file): the caller then reads the summary.
 */
export function peekPractice(path: string, fs: PeekFs = peekFs): PracticeById | undefined {
  const history = statHistory(path, fs);
  if (history === 'none') return new Map();
  if (!history) return undefined;
  const { file, stat } = history;
  try {
    const data = JSON.parse(openSealed(readFileBoundedSync(practiceDigestPath(file), MAX_DIGEST_BYTES, fs)) ?? 'null') as unknown;
    // The cheap checks first: a stale digest is told by its size and mtime alone.
    if (!isObject(data) || data.v !== PRACTICE_DIGEST_VERSION || data.size !== stat.size || data.mtimeMs !== stat.mtimeMs || typeof data.anchor !== 'string') return undefined;
    const practice = checkRows(data.rows);
    return practice && anchorOf(fs, file, stat.size) === data.anchor ? practice : undefined;
  } catch {
    return undefined;
  }
}

/** The rows as practice when every one has the shape the writer gives it (and no id twice), else undefined. */
function checkRows(rows: unknown): PracticeById | undefined {
  if (!Array.isArray(rows)) return undefined;
  const practice: PracticeById = new Map();
  // Indexed, not destructured: at start-up this runs once, before any tier of V8 makes iterators cheap.
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (!Array.isArray(row) || row.length !== 5) return undefined;
    const id: unknown = row[0];
    const attempts: unknown = row[1];
    const lastRating: unknown = row[2];
    const lastAt: unknown = row[3];
    const due: unknown = row[4];
    if (typeof id !== 'string' || id === '' || practice.has(id) || !isInt(attempts, 1) || !RATINGS.includes(lastRating as Rating)) return undefined;
    // lastAt is checked as the summary checks it; due, which the table reads as a date, in full.
    if (typeof lastAt !== 'string' || (due !== null && !isInstant(due))) return undefined;
    practice.set(id, { attempts: attempts as number, lastRating: lastRating as Rating, lastAt, due: due === null ? undefined : (due as string) });
  }
  return practice;
}
