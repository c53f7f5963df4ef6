import { sealText } from '../cache-seal.js';
import * as nodeFs from 'node:fs';
import { countNewlines, readTail, writeAtomic, type Fs } from './files.js';
import { digestRows, practiceDigestPath, PRACTICE_DIGEST_VERSION, type PracticeDigestFile } from './practice-file.js';
import { practiceFromSummary, type PracticeById } from './practice.js';
import { anchorOf, readSummaryCache, SUMMARY_CACHE_VERSION, summaryCachePath, zoneKey, type SummaryCacheFile } from './summary-file.js';
import type { StoreOptions } from './options.js';
import { parseHistoryText } from './parse.js';
import { chunkBytes } from './options.js';
import { checkScanned, resolveTarget } from './read.js';
import { scanHistory, type Scan } from './scan.js';
import { emptyCorrections, hasCorrections, makeFolder, noteCorrection } from './fold.js';
import { HISTORY_VERSION, type HistoryRecord } from './schema.js';
import { applyRecord, emptySummary, type Summary } from './summary.js';

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
  const cached = readSummaryCache(fs, file, zone);
  if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) return cached;
  if (cached && cached.size < stat.size) {
    const tail = readTail(fs, file, cached.size, stat.size);
    const parsed = parseHistoryText(tail, { startByte: cached.size, startLine: cached.lines + 1, expectHeader: false });
    // An undo or rerate may change what came before it: the summary is then made again from the start.
    if (parsed.bad.length === 0 && !parsed.records.some((r) => r.type === 'undo' || r.type === 'rerate')) {
      for (const r of parsed.records) applyRecord(cached.summary, r);
      const covered = tail.slice(0, parsed.completeBytes - cached.size);
      return { summary: cached.summary, size: parsed.completeBytes, lines: cached.lines + countNewlines(covered) };
    }
  }
  const { summary, scan } = summarizeFile(fs, file, chunkBytes(opts), progress);
  checkScanned(display, file, scan, fs);
  const state = { summary, size: scan.completeBytes, lines: scan.lines };
  if ((scan.header?.version ?? HISTORY_VERSION) === HISTORY_VERSION) writeCache(fs, file, state, zone);
  return state;
}

/**
 * The summary of the whole file, read in parts so that a history of any size is summarized in bounded
 * memory. When it holds undo or rerate records, a second pass folds them in (fold.ts).
 */
function summarizeFile(fs: Fs, file: string, chunk: number, progress?: () => void): { summary: Summary; scan: Scan } {
  let summary = emptySummary();
  const corrections = emptyCorrections();
  const handlers = progress ? { progress } : {};
  const first = (r: HistoryRecord) => {
    if (!noteCorrection(corrections, r)) applyRecord(summary, r);
  };
  const scan = scanHistory(fs, file, chunk, { record: first, ...handlers });
  if (!hasCorrections(corrections) || scan.bad.length > 0) return { summary, scan };
  summary = emptySummary();
  const fold = makeFolder(corrections);
  const again = scanHistory(fs, file, chunk, {
    record: (r) => {
      const f = fold(r);
      if (f) applyRecord(summary, f);
    },
    ...handlers,
  });
  return { summary, scan: again };
}

// The cache is disposable: when missing, stale or unreadable it is rebuilt from the history. Its file
// (path, shape, checks) is summary-file.ts.

export function writeCache(fs: Fs, file: string, { size, lines, summary }: State, zone: string): void {
  try {
    const stat = fs.statSync(file);
    const anchor = anchorOf(fs, file, size);
    const data: SummaryCacheFile = { v: SUMMARY_CACHE_VERSION, size, mtimeMs: stat.mtimeMs, lines, tz: zone, anchor, summary };
    // Not synced: both caches are rewritten with every save, and a torn or zeroed one fails its seal and is
    // rebuilt; syncing would double the disk waits of every answer recorded.
    writeAtomic(fs, summaryCachePath(file), sealText(JSON.stringify(data)), { durable: false });
    writeDigest(fs, file, stat.size, { size, mtimeMs: stat.mtimeMs, anchor }, practiceFromSummary(summary));
  } catch {
    // A read-only folder only costs speed.
  }
}

/**
 * Brings the caches up to date once `records`, written as `payload`, end the history at `size` bytes. The
 * history is saved by then, so nothing here may fail: any problem only removes the cache.
 */
export function cacheAfterWrite(fs: Fs, file: string, display: string, state: State, written: { records: readonly HistoryRecord[]; payload: string; size: number }, opts: StoreOptions): void {
  try {
    if (written.records.some((r) => r.type === 'undo' || r.type === 'rerate')) {
      // An undo or rerate changes what came before it: the summary is made again from the whole file.
      removeCache(fs, file);
      loadState(file, fs, display, opts);
    } else {
      for (const r of written.records) applyRecord(state.summary, r);
      writeCache(fs, file, { summary: state.summary, size: written.size, lines: state.lines + countNewlines(written.payload) }, zoneKey(opts.timeZone));
    }
  } catch {
    removeCache(fs, file);
  }
}

/**
 * The practice per question (what `list` shows) from the summary, read as loadSummary reads it; the
 * practice digest is then written afresh, so that the next list reads only that.
 */
export function readPractice(path: string, opts: StoreOptions = {}): PracticeById {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return new Map();
  const before = fs.statSync(file);
  const state = loadState(file, fs, path, opts);
  const practice = practiceFromSummary(state.summary);
  try {
    // Only when the file did not change while it was read: the digest must describe the bytes it names.
    const after = fs.statSync(file);
    if (after.mtimeMs === before.mtimeMs && after.size === before.size) writeDigest(fs, file, after.size, { size: state.size, mtimeMs: after.mtimeMs, anchor: anchorOf(fs, file, state.size) }, practice);
  } catch {
    // As for the summary: a folder that cannot be written only costs speed.
  }
  return practice;
}

/**
 * A digest is only of use when it covers the whole history (`fileSize`, from the caller's stat): one for
 * a part of it is never trusted, so not written.
 */
function writeDigest(fs: Fs, file: string, fileSize: number, { size, mtimeMs, anchor }: Omit<PracticeDigestFile, 'v' | 'rows'>, practice: PracticeById): void {
  if (fileSize !== size) {
    fs.rmSync(practiceDigestPath(file), { force: true });
    return;
  }
  const data: PracticeDigestFile = { v: PRACTICE_DIGEST_VERSION, size, mtimeMs, anchor, rows: digestRows(practice) };
  writeAtomic(fs, practiceDigestPath(file), sealText(JSON.stringify(data)), { durable: false });
}

export function removeCache(fs: Fs, file: string): void {
  for (const cache of [summaryCachePath(file), practiceDigestPath(file)]) {
    try {
      fs.rmSync(cache, { force: true });
    } catch {
      // Stale caches are detected by their size, mtime and anchor anyway.
    }
  }
}
