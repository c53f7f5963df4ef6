import { makeFolder } from '../fs/make-folder.js';
import { dirname } from 'node:path';
import { readFirstLine, type Fs } from './files.js';
import { acquireLock, type HeldLock } from './lock.js';
import { MAX_READ_BYTES, type WriteOptions } from './options.js';
import { checkReadable, HEADER, readCurrent, resolveTarget } from './read.js';
import { loadState, type State } from './summary-cache.js';
import { removeLeftovers, repairTail, repairTailOnly, type End } from './tail.js';
import { upgradeIfOlder } from './upgrade.js';

/** A history made ready for a write, under its lock: whole lines, the current format, its summary. */
export interface OpenHistory {
  file: string;
  lock: HeldLock;
  state: State;
  end: End;
  /** False when the history file is made by this write. */
  existed: boolean;
}

/**
 * Takes the history's lock, then removes what dead writers left, sets aside a cut-off last line and
 * upgrades an older file. The caller releases `lock` (also when this throws after taking it: `onLock`
 * hands it over as soon as it is held).
 */
export function openForWrite(path: string, fs: Fs, opts: WriteOptions, onLock: (lock: HeldLock) => void): OpenHistory {
  const file = resolveTarget(path, fs, true) as string;
  makeFolder(dirname(file), fs);
  const lock = acquireLock(file, { fs, ...(opts.lockTimeoutMs !== undefined ? { timeoutMs: opts.lockTimeoutMs } : {}) });
  onLock(lock);
  removeLeftovers(fs, file);
  let state: State;
  let end: End;
  let existed = true;
  if (readFirstLine(fs, file) === HEADER) {
    // The usual case, without reading the whole file: the summary comes from the cache when that matches
    // the file (a full read, which refuses a damaged file, otherwise), and only the last line is looked at.
    state = loadState(file, fs, path, opts, () => lock.refresh());
    end = repairTailOnly(fs, file, opts.now);
  } else {
    let current = readCurrent(fs, file, opts.maxReadBytes ?? MAX_READ_BYTES);
    checkReadable(path, file, current, fs);
    if (upgradeIfOlder(fs, file, HEADER, current)) current = readCurrent(fs, file, opts.maxReadBytes ?? MAX_READ_BYTES);
    end = repairTail(fs, file, current, HEADER, opts.now);
    state = loadState(file, fs, path, opts);
    existed = current.exists;
  }
  lock.refresh();
  return { file, lock, state, end, existed };
}
