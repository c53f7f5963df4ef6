import * as nodeFs from 'node:fs';
import { countNewlines, readTail, writeAtomic, type Fs } from './files.js';
import { anchorOf, readSummaryCache, SUMMARY_CACHE_VERSION, summaryCachePath, zoneKey, type SummaryCacheFile } from './summary-file.js';
import type { StoreOptions } from './options.js';
import { parseHistoryText } from './parse.js';
import { chunkBytes } from './options.js';
import { checkScanned, resolveTarget } from './read.js';
import { scanHistory } from './scan.js';
import { HISTORY_VERSION } from './schema.js';
import { applyRecord, emptySummary, type Summary } from './summary.js';

export { zoneKey } from './summary-file.js';

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

// The cache is disposable: when missing, stale or unreadable it is rebuilt from the history. Its file
// (path, shape, checks) is summary-file.ts.

export function writeCache(fs: Fs, file: string, { size, lines, summary }: State, zone: string): void {
  try {
    const mtimeMs = fs.statSync(file).mtimeMs;
    const data: SummaryCacheFile = { v: SUMMARY_CACHE_VERSION, size, mtimeMs, lines, tz: zone, anchor: anchorOf(fs, file, size), summary };
    writeAtomic(fs, summaryCachePath(file), JSON.stringify(data), { durable: false });
  } catch {
    // A read-only folder only costs speed.
  }
}

export function removeCache(fs: Fs, file: string): void {
  try {
    fs.rmSync(summaryCachePath(file), { force: true });
  } catch {
    // Stale caches are detected by their size, mtime and anchor anyway.
  }
}
