import type { Fs } from './files.js';

/** What a store call works with besides the history path: everything that varies between runs is passed in. */
export interface StoreOptions {
  fs?: Fs;
  /** Where an attempt that could not be saved is kept, first choice. */
  rescueDir?: string;
  /** The system temp folder: the rescue file goes there when `rescueDir` is not given or cannot take it. */
  tmpDir?: string;
  /** The TZ setting in force: the summary's day keys depend on it, so its cache records it. */
  timeZone?: string;
  /** The largest history read whole into memory; larger ones are read in chunks of at most this, or refused. */
  maxReadBytes?: number;
  /** How long a write waits for a lock held by another writer. */
  lockTimeoutMs?: number;
}

/** A call that may write: `now` stamps what it sets aside and decides what counts as the future. */
export interface WriteOptions extends StoreOptions {
  now: Date;
}

/** Well below the longest string Node can make (about 512 MB), and the memory its records would take. */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

/** Chunks for reading a history of any size; a line longer than this is refused. */
export function chunkBytes(opts: StoreOptions): number {
  return Math.min(16 * 1024 * 1024, opts.maxReadBytes ?? MAX_READ_BYTES);
}
