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
  /** How long a write waits for a lock held by another writer. */
  lockTimeoutMs?: number;
}

/** A call that may write: `now` stamps what it sets aside and decides what counts as the future. */
export interface WriteOptions extends StoreOptions {
  now: Date;
}
