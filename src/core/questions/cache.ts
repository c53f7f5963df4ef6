import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { makeFolder } from '../fs/make-folder.js';
import { hashKey } from '../hash-key.js';
import { openSealed, openSealedLines, sealLine, sealText } from '../cache-seal.js';
import { readFileBoundedSync, readFileRangeSync } from '../fs/read-bounded.js';
import type { Bank, BankSource, FileEntry, LoadOptions } from './bank.js';
import type { ParsedFile } from './parse.js';
import type { Question } from './schema.js';
import { isCachedFileShape, isListing, isParsedQuestion, isSpot, isStampMap, listRow, type Listing } from './cache-shape.js';

/** Bump when the cached shape or the parser's results change. */
const CACHE_VERSION = 3;
/** A cache file larger than this is not read (a device or FIFO put in its place is not read at all). */
const MAX_CACHE_BYTES = 256_000_000;

export interface CachedFile extends FileEntry {
  parsed: ParsedFile;
}

interface IdIndex {
  dirs: Record<string, number>;
  /** Where each id's file sits in the bank cache: byte offset and length of its line, index in the file. */
  ids: Record<string, [number, number, number]>;
}

/** Kept in its own file: a lookup by id should not have to read the whole listing of a large bank. */
interface ListingFile {
  dirs: Record<string, number>;
  /** Size and mtime of every file, to tell whether the listing still holds. */
  files: Record<string, [number, number]>;
  listing: Listing;
}

export type { Listing } from './cache-shape.js';

function cacheNames(cacheDir: string, sources: BankSource[], opts: LoadOptions) {
  // The build comes first in the name, so that a new build can clear what older builds left.
  const build = buildTag(opts);
  const key = hashKey(JSON.stringify({ v: CACHE_VERSION, sources, cwd: sources.some((s) => !s.bundled) ? opts.cwd : '' })).slice(0, 12);
  const base = join(cacheDir, `bank-${build}-${key}`);
  return { files: `${base}.jsonl`, index: `${base}.ids.json`, listing: `${base}.list.json` };
}

function buildTag(opts: LoadOptions): string {
  return hashKey(`${CACHE_VERSION}:${opts.buildId ?? ''}`).slice(0, 8);
}

/** Removes the caches written by other builds (an upgrade makes them useless). */
function removeOtherBuilds(cacheDir: string, opts: LoadOptions): void {
  const own = `bank-${buildTag(opts)}-`;
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith('bank-') && !name.startsWith(own)) rmSync(join(cacheDir, name), { force: true });
  }
}

/** The parsed files of the last load, or undefined when there is no usable cache. */
export function readBankCache(cacheDir: string, sources: BankSource[], opts: LoadOptions): { files: CachedFile[] } | undefined {
  try {
    const lines = openSealedLines(readFileBoundedSync(cacheNames(cacheDir, sources, opts).files, MAX_CACHE_BYTES));
    if (!lines) return undefined;
    const files: CachedFile[] = [];
    for (const line of lines) {
      const entry: unknown = JSON.parse(line);
      // One damaged entry discards the whole cache: it is rebuilt from the question files.
      if (!isCachedFileShape(entry)) return undefined;
      files.push(entry as CachedFile);
    }
    return { files };
  } catch {
    return undefined;
  }
}

/** What merging the files kept, asked for once every file is written: for the listing and the id index. */
export interface MergedFiles {
  rows: readonly Listing['rows'][number][];
  problems: Listing['problems'];
  /** The display name of the file whose question the bank kept for this id. */
  fileOf(id: string): string | undefined;
}

/**
 * Saves the parsed files, one per line, and an index from id to its line, for instant lookups. Files are
 * taken from `files` one at a time and each is written as it comes, so that none has to outlive its
 * line (a cold load of a large bank holds one parsed file at a time). Every file is taken, whether the
 * cache could be written or not; an error from `files` itself is passed on.
 */
export function writeBankCache(
  cacheDir: string,
  sources: BankSource[],
  opts: LoadOptions,
  { dirs, files, merged }: { dirs: Record<string, number>; files: Iterable<CachedFile>; merged: () => MergedFiles },
): void {
  const source = files[Symbol.iterator]();
  let failed: { err: unknown } | undefined;
  const take = (): IteratorResult<CachedFile> => {
    try {
      return source.next();
    } catch (err) {
      failed = { err };
      throw err;
    }
  };
  try {
    makeFolder(cacheDir);
    const names = cacheNames(cacheDir, sources, opts);
    // Where each question sits: its file's line (byte offset and length) and its index in that file.
    const spots: [id: string, display: string, offset: number, length: number, index: number][] = [];
    const stats: ListingFile['files'] = {};
    function* lines(): Generator<string> {
      let offset = 0;
      for (let next = take(); !next.done; next = take()) {
        const f = next.value;
        // Each line sealed on its own: a lookup reads and checks one line only.
        const line = sealLine(JSON.stringify(f));
        const length = Buffer.byteLength(line);
        stats[f.file] = [f.size, f.mtimeMs];
        f.parsed.questions.forEach((p, index) => spots.push([p.id, f.display, offset, length, index]));
        offset += length + 1;
        yield `${line}\n`;
      }
    }
    writeFileAtomic(names.files, lines());
    // Only ids the merged bank kept (a user's question replaces a bundled one) are indexed.
    const { rows, problems, fileOf } = merged();
    const ids: IdIndex['ids'] = Object.create(null) as IdIndex['ids'];
    for (const [id, display, offset, length, index] of spots) {
      if (fileOf(id) === display && !Object.hasOwn(ids, id)) ids[id] = [offset, length, index];
    }
    const listing: Listing = { rows: rows.map(listRow), problems };
    writeFileAtomic(names.listing, sealText(JSON.stringify({ dirs, files: stats, listing } satisfies ListingFile)));
    writeFileAtomic(names.index, sealText(JSON.stringify({ dirs, ids } satisfies IdIndex)));
    removeOtherBuilds(cacheDir, opts);
  } catch {
    if (failed) throw failed.err;
    // A cache that cannot be written only costs speed; the files it did not take are taken all the same.
    for (let next = source.next(); !next.done; next = source.next());
  }
}

/**
 * The listing of the last load, when no folder changed (no file added, removed or renamed) and every
 * file still has its size and mtime; undefined otherwise.
 */
export function readCachedListing(cacheDir: string, sources: BankSource[], opts: LoadOptions): Listing | undefined {
  try {
    const file = cacheNames(cacheDir, sources, opts).listing;
    const index = JSON.parse(openSealed(readFileBoundedSync(file, MAX_CACHE_BYTES)) ?? 'null') as ListingFile;
    if (!isStampMap(index?.dirs, 1) || !isStampMap(index.files, 2) || !isListing(index.listing)) return discard(file);
    if (!foldersUnchanged(index.dirs)) return undefined;
    for (const [file, [size, mtimeMs]] of Object.entries(index.files)) {
      const st = statSync(file);
      if (st.size !== size || st.mtimeMs !== mtimeMs) return undefined;
    }
    return index.listing;
  } catch {
    return undefined;
  }
}

/** The id index, if no question folder changed since it was written. */
function readIndex(cacheDir: string, sources: BankSource[], opts: LoadOptions): IdIndex | undefined {
  const file = cacheNames(cacheDir, sources, opts).index;
  const index = JSON.parse(openSealed(readFileBoundedSync(file, MAX_CACHE_BYTES)) ?? 'null') as IdIndex;
  if (!isStampMap(index?.dirs, 1) || typeof index.ids !== 'object' || index.ids === null) return discard(file);
  return foldersUnchanged(index.dirs) ? index : undefined;
}

/**
 * Removes a damaged listing or index: the next load of the bank finds it missing and writes the caches
 * again, where a damaged one would be passed over on every run and never replaced.
 */
function discard(file: string): undefined {
  rmSync(file, { force: true });
  return undefined;
}

/** Whether the listing or the id index is missing, so that a load of the bank writes them again. */
export function bankCachePartMissing(cacheDir: string, sources: BankSource[], opts: LoadOptions): boolean {
  const names = cacheNames(cacheDir, sources, opts);
  return !existsSync(names.listing) || !existsSync(names.index);
}

function foldersUnchanged(dirs: Record<string, number>): boolean {
  for (const [dir, mtimeMs] of Object.entries(dirs)) {
    if (statSync(dir).mtimeMs !== mtimeMs) return false;
  }
  return true;
}

/**
 * One question straight from the cache, without listing or parsing the bank: trusted when no question
 * folder changed (files added, removed or renamed change their folder's mtime) and the question's own
 * file is unchanged. Undefined whenever that cannot be shown; the caller then loads the bank.
 */
export function lookupCachedQuestion(cacheDir: string, sources: BankSource[], opts: LoadOptions, id: string): Question | undefined {
  try {
    const names = cacheNames(cacheDir, sources, opts);
    const index = readIndex(cacheDir, sources, opts);
    const spot = index && Object.hasOwn(index.ids, id) ? index.ids[id] : undefined;
    if (!isSpot(spot)) return undefined;
    const [offset, length, at] = spot;
    const buf = readFileRangeSync(names.files, offset, length);
    const entry = JSON.parse(openSealed(buf) ?? 'null') as CachedFile;
    if (typeof entry?.file !== 'string' || typeof entry.display !== 'string' || !Array.isArray(entry.parsed?.questions)) return undefined;
    const st = statSync(entry.file);
    if (st.size !== entry.size || st.mtimeMs !== entry.mtimeMs) return undefined;
    const parsed = entry.parsed.questions[at];
    if (!isParsedQuestion(parsed) || parsed.id !== id) return undefined;
    const { line, ...data } = parsed;
    return { ...data, source: { file: entry.display, line, bundled: entry.bundled } };
  } catch {
    return undefined;
  }
}
