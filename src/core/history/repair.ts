import * as nodeFs from 'node:fs';
import { stamp, uniquePath, writeAtomic } from './files.js';
import { acquireLock } from './lock.js';
import type { WriteOptions } from './options.js';
import { backupOf, checkReadable, HEADER, readCurrent, resolveTarget } from './read.js';
import { HISTORY_VERSION } from './schema.js';
import { currentRecords, historyText } from './upgrade.js';

export interface RepairResult {
  kept: number;
  rejected: number;
  rejectedFile?: string;
  backup?: string;
}

/** Sets aside every line that is not a valid record and rewrites the rest; returns what was done. */
export function repairHistory(path: string, opts: WriteOptions): RepairResult {
  const fs = opts.fs ?? nodeFs;
  const file = resolveTarget(path, fs, false);
  if (file === undefined) return { kept: 0, rejected: 0 };
  const lock = acquireLock(file, { fs });
  try {
    const current = readCurrent(fs, file);
    const { parsed } = current;
    if (parsed.header && parsed.header.version > HISTORY_VERSION) checkReadable(path, file, current, fs);
    const rejected = [...parsed.bad.map((b) => b.text), ...(parsed.torn ? [parsed.torn.text] : [])];
    if (rejected.length === 0) return { kept: parsed.records.length, rejected: 0 };
    const backup = backupOf(fs, file, current.bytes);
    const rejectedFile = uniquePath(fs, `${file}.rejected-${stamp(opts.now)}`, '.txt');
    fs.writeFileSync(rejectedFile, `${rejected.join('\n')}\n`, { flag: 'wx' });
    const records = currentRecords(parsed);
    writeAtomic(fs, file, historyText(HEADER, records));
    return { kept: records.length, rejected: rejected.length, rejectedFile, backup };
  } finally {
    lock.release();
  }
}
