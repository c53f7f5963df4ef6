import { openSealed } from '../cache-seal.js';
import { closeSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isCategory } from '../questions/categories.js';
import { readFileBoundedSync } from '../fs/read-bounded.js';
import { hashKey } from '../hash-key.js';
import { isIsoInstant } from './iso-instant.js';
import { RECENT, emptySummary, type Summary } from './summary.js';

// The summary cache file: where it is, what it holds and how it is checked. Kept free of the schema
// library and node:crypto, so that the drill's start-up path can read it (src/cli/drill-start.ts).

/** The calls a check of a cache makes; tests and the history store may pass a file system of their own. */
export type PeekFs = Pick<typeof import('node:fs'), 'lstatSync' | 'realpathSync' | 'statSync' | 'openSync' | 'fstatSync' | 'readSync' | 'closeSync'>;
type Fs = PeekFs;
// Named imports, not `import * as`: bundled, a namespace import copies all of node:fs at start-up.
export const peekFs: PeekFs = { lstatSync, realpathSync, statSync, openSync, fstatSync, readSync, closeSync };

/** A summary cache larger than this is not read; a FIFO or device in its place is not read at all. */
const MAX_CACHE_BYTES = 64_000_000;
/**
 * Bump when the file's shape, the anchor's hash or what the summary counts changes (4: undo and rerate
 * folded in; 5: recent scores are words-only, the shown ones kept beside them with their reading).
 */
export const SUMMARY_CACHE_VERSION = 5;

export interface CachedState {
  summary: Summary;
  /** Bytes and newlines of the history that the summary covers. */
  size: number;
  lines: number;
  /** The history's mtime when the cache was written: a same-length edit by hand changes it. */
  mtimeMs: number;
}

export interface SummaryCacheFile extends CachedState {
  v: number;
  tz: string;
  anchor: string;
}

export function summaryCachePath(file: string): string {
  return join(dirname(file), `.${basename(file)}.summary`);
}

/**
 * Identifies the local time zone's rules cheaply (Intl costs milliseconds to load): day keys depend on
 * them. The offsets of a fixed year tell zones apart; the TZ setting tells apart zones that share them.
 */
export function zoneKey(timeZone: string | undefined): string {
  return `${timeZone ?? ''}|${new Date(2026, 0, 1).getTimezoneOffset()}|${new Date(2026, 6, 1).getTimezoneOffset()}`;
}

/** A hash of the last bytes the summary covers: an edit that keeps size and mtime still changes it. */
export function anchorOf(fs: Fs, file: string, size: number): string {
  const start = Math.max(0, size - 256);
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(size - start);
    const n = fs.readSync(fd, buf, 0, buf.length, start);
    return hashKey(buf.subarray(0, n).toString('latin1'));
  } finally {
    fs.closeSync(fd);
  }
}

/** The cached summary of `file` when the cache is whole, of this version and zone, and anchored; else undefined. */
export function readSummaryCache(fs: Fs, file: string, zone: string): CachedState | undefined {
  try {
    const data = JSON.parse(openSealed(readFileBoundedSync(summaryCachePath(file), MAX_CACHE_BYTES, fs)) ?? 'null') as SummaryCacheFile;
    if (!isObject(data) || data.v !== SUMMARY_CACHE_VERSION || data.tz !== zone || !isCount(data.size) || !isCount(data.lines) || typeof data.mtimeMs !== 'number') return undefined;
    const summary = checkSummary(data.summary);
    if (!summary || anchorOf(fs, file, data.size) !== data.anchor) return undefined;
    return { size: data.size, lines: data.lines, mtimeMs: data.mtimeMs, summary };
  } catch {
    return undefined;
  }
}

/**
 * The history at `path` as it is now, for a check of a cache against it: its real path and stat; 'none'
 * when there is no history yet; undefined when that cannot be shown (a path that is not a plain file, a
 * link to nothing, an error), which sends the caller to the history reader and its messages.
 */
export function statHistory(path: string, fs: Fs): { file: string; stat: Stats } | 'none' | undefined {
  let stat: Stats;
  try {
    stat = fs.lstatSync(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : undefined;
  }
  if (!stat.isSymbolicLink()) return stat.isFile() ? { file: path, stat } : undefined;
  try {
    const file = fs.realpathSync(path);
    stat = fs.statSync(file);
    return stat.isFile() ? { file, stat } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The summary of the history at `path` from its cache alone, when the cache matches the file as it is;
 * an empty summary when there is no history yet. Undefined whenever that cannot be shown (no cache, a
 * stale one, a path that is not a plain file): the caller then reads the history itself.
 */
export function peekSummary(path: string, timeZone: string | undefined, fs: Fs = peekFs): Summary | undefined {
  const history = statHistory(path, fs);
  if (history === 'none') return emptySummary();
  if (!history) return undefined;
  const { file, stat } = history;
  const cached = readSummaryCache(fs, file, zoneKey(timeZone));
  return cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs ? cached.summary : undefined;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const isInt = (v: unknown, min: number, max = Infinity) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isScore = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 100;
const isAtLeast0 = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
export const isInstant = (v: unknown) => typeof v === 'string' && isIsoInstant(v);

/** A scheduling card as history/schema.ts's cardSchema accepts it. */
function isCard(v: unknown): boolean {
  if (!isObject(v)) return false;
  return (
    isInstant(v.due) &&
    isAtLeast0(v.stability) &&
    isAtLeast0(v.difficulty) &&
    isAtLeast0(v.elapsed_days) &&
    isAtLeast0(v.scheduled_days) &&
    isInt(v.learning_steps, 0) &&
    isInt(v.reps, 0) &&
    isInt(v.lapses, 0) &&
    isInt(v.state, 0, 3) &&
    (v.last_review === undefined || isInstant(v.last_review))
  );
}

function isQuestionSummary(v: unknown): boolean {
  if (!isObject(v)) return false;
  const { recentRatings: ratings, recentScores: scores } = v;
  return (
    typeof v.category === 'string' &&
    isCategory(v.category) &&
    isInt(v.attempts, 1) &&
    typeof v.lastAt === 'string' &&
    Array.isArray(ratings) &&
    ratings.length <= RECENT &&
    ratings.every((r) => isInt(r, 1, 4)) &&
    Array.isArray(scores) &&
    scores.length <= RECENT &&
    scores.every(isScore) &&
    (v.recentShown === undefined ||
      (Array.isArray(v.recentShown) && v.recentShown.length <= RECENT && v.recentShown.every((s) => isObject(s) && isScore(s.score) && typeof s.reading === 'string'))) &&
    isInt(v.overTime, 0) &&
    (v.card === undefined || isCard(v.card))
  );
}

/**
 * The cached summary when every part of it has the shape the summary code relies on, else undefined (a
 * hand-edited or damaged cache is rebuilt, never trusted). Entries are checked in place, not copied, so
 * that a question id such as "__proto__" stays a key.
 */
export function checkSummary(value: unknown): Summary | undefined {
  if (!isObject(value) || !isCount(value.total) || !isObject(value.questions) || !isObject(value.days)) return undefined;
  for (const key of ['firstAt', 'lastAt', 'lastSession']) if (value[key] !== undefined && typeof value[key] !== 'string') return undefined;
  // A cache written before follow-ups were counted lacks them: rebuilt, so the counts are whole.
  const f = value.followUps;
  if (!isObject(f) || !isCount(f.asked) || !isCount(f.judged) || !isCount(f.recovered)) return undefined;
  const questions = value.questions;
  for (const id of Object.keys(questions)) if (!isQuestionSummary(questions[id])) return undefined;
  const days = value.days;
  for (const day of Object.keys(days)) if (!isCount(days[day])) return undefined;
  // Question ids are keys: no prototype, so that an id such as "constructor" finds nothing it did not put there.
  return {
    ...(value as unknown as Summary),
    questions: Object.assign(Object.create(null) as Summary['questions'], questions),
    days: Object.assign(Object.create(null) as Summary['days'], days),
  };
}
