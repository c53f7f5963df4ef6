import { readFileBoundedSync } from '../fs/read-bounded.js';
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { countNewlines, readTail, writeAtomic, type Fs } from './files.js';
import type { StoreOptions } from './options.js';
import { parseHistoryText } from './parse.js';
import { chunkBytes } from './options.js';
import { checkScanned, resolveTarget } from './read.js';
import { scanHistory } from './scan.js';
import { z } from 'zod';
import { categorySchema } from '../questions/schema.js';
import { cardSchema, HISTORY_VERSION } from './schema.js';
import { applyRecord, emptySummary, RECENT, type Summary } from './summary.js';

/** A summary cache larger than this is not read; a FIFO or device in its place is not read at all. */
const MAX_CACHE_BYTES = 64_000_000;

/** The summary of the history, from the cache beside it when that still matches the file. */
export function loadSummary(path: string, opts: StoreOptions = {}): Summary {
  return loadState(path, opts.fs ?? nodeFs, path, opts).summary;
}

export interface State {
  summary: Summary;
  /** Bytes and newlines that the summary covers. */
  size: number;
  lines: number;
}

/** `display` is the path as the user gave it, for messages. */
export function loadState(path: string, fs: Fs, display: string, opts: StoreOptions, progress?: () => void): State {
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { summary: emptySummary(), size: 0, lines: 0 };
  const stat = fs.statSync(file);
  const zone = zoneKey(opts.timeZone);
  const cached = readCache(fs, file, zone);
  if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached;
  if (cached && cached.size < stat.size) {
    const tail = readTail(fs, file, cached.size, stat.size);
    const parsed = parseHistoryText(tail, { startByte: cached.size, startLine: cached.lines + 1, expectHeader: false });
    if (parsed.bad.length === 0) {
      for (const r of parsed.records) applyRecord(cached.summary, r);
      const covered = tail.slice(0, parsed.completeBytes - cached.size);
      return { summary: cached.summary, size: parsed.completeBytes, lines: cached.lines + countNewlines(covered) };
    }
  }
  // Read in parts: a history of any size is summarized in bounded memory.
  const summary = emptySummary();
  const scan = scanHistory(fs, file, chunkBytes(opts), { record: (r) => applyRecord(summary, r), ...(progress ? { progress } : {}) });
  checkScanned(display, file, scan, fs);
  const state = { summary, size: scan.completeBytes, lines: scan.lines };
  if ((scan.header?.version ?? HISTORY_VERSION) === HISTORY_VERSION) writeCache(fs, file, state, zone);
  return state;
}

// The cache is disposable: when missing, stale or unreadable it is rebuilt from the history.
const CACHE_VERSION = 2;

interface CacheFile {
  v: number;
  size: number;
  /** The history's mtime when the cache was written: a same-length edit by hand changes it. */
  mtimeMs: number;
  lines: number;
  tz: string;
  anchor: string;
  summary: Summary;
}

function cachePath(file: string): string {
  return join(dirname(file), `.${basename(file)}.summary`);
}

/**
 * Identifies the local time zone's rules cheaply (Intl costs milliseconds to load): day keys depend on
 * them. The offsets of a fixed year tell zones apart; the TZ setting tells apart zones that share them.
 */
export function zoneKey(timeZone: string | undefined): string {
  return `${timeZone ?? ''}|${new Date(2026, 0, 1).getTimezoneOffset()}|${new Date(2026, 6, 1).getTimezoneOffset()}`;
}

function anchorOf(fs: Fs, file: string, size: number): string {
  const start = Math.max(0, size - 256);
  return createHash('sha1').update(readTail(fs, file, start, size)).digest('hex');
}

function readCache(fs: Fs, file: string, zone: string): (State & { mtimeMs: number }) | undefined {
  try {
    const data = JSON.parse(readFileBoundedSync(cachePath(file), MAX_CACHE_BYTES, fs).toString('utf8')) as CacheFile;
    if (!isObject(data) || data.v !== CACHE_VERSION || data.tz !== zone || !isCount(data.size) || !isCount(data.lines) || typeof data.mtimeMs !== 'number') return undefined;
    const summary = checkSummary(data.summary);
    if (!summary || anchorOf(fs, file, data.size) !== data.anchor) return undefined;
    return { size: data.size, lines: data.lines, mtimeMs: data.mtimeMs, summary };
  } catch {
    return undefined;
  }
}

const questionSummarySchema = z.object({
  category: categorySchema,
  attempts: z.number().int().positive(),
  lastAt: z.string(),
  recentRatings: z.array(z.number().int().min(1).max(4)).max(RECENT),
  recentScores: z.array(z.number().min(0).max(100)).max(RECENT),
  overTime: z.number().int().nonnegative(),
  card: cardSchema.optional(),
});

/**
 * The cached summary when every part of it has the shape the summary code relies on, else undefined (a
 * hand-edited or damaged cache is rebuilt, never trusted). Entries are checked in place, not copied, so
 * that a question id such as "__proto__" stays a key.
 */
function checkSummary(value: unknown): Summary | undefined {
  if (!isObject(value) || !isCount(value.total) || !isObject(value.questions) || !isObject(value.days)) return undefined;
  for (const key of ['firstAt', 'lastAt', 'lastSession']) if (value[key] !== undefined && typeof value[key] !== 'string') return undefined;
  const questions = value.questions;
  for (const id of Object.keys(questions)) if (!questionSummarySchema.safeParse(questions[id]).success) return undefined;
  const days = value.days;
  for (const day of Object.keys(days)) if (!isCount(days[day])) return undefined;
  // Question ids are keys: no prototype, so that an id such as "constructor" finds nothing it did not put there.
  return {
    ...(value as unknown as Summary),
    questions: Object.assign(Object.create(null) as Summary['questions'], questions),
    days: Object.assign(Object.create(null) as Summary['days'], days),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function writeCache(fs: Fs, file: string, { size, lines, summary }: State, zone: string): void {
  try {
    const mtimeMs = fs.statSync(file).mtimeMs;
    const data: CacheFile = { v: CACHE_VERSION, size, mtimeMs, lines, tz: zone, anchor: anchorOf(fs, file, size), summary };
    writeAtomic(fs, cachePath(file), JSON.stringify(data), { durable: false });
  } catch {
    // A read-only folder only costs speed.
  }
}

export function removeCache(fs: Fs, file: string): void {
  try {
    fs.rmSync(cachePath(file), { force: true });
  } catch {
    // Stale caches are detected by their size, mtime and anchor anyway.
  }
}
