import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { HistoryError } from './errors.js';
import { stamp, type Fs } from './files.js';
import type { WriteOptions } from './options.js';
import { HEADER } from './read.js';
import type { HistoryRecord } from './schema.js';
import { describeWriteErrno } from '../fs/errno-text.js';

/**
 * The error for records the history could not take, for whatever reason, after keeping them in a rescue
 * file that it names. A history error keeps its kind and words; anything else is described.
 */
export function notSaved(fs: Fs, err: unknown, records: HistoryRecord[], opts: WriteOptions): HistoryError {
  const where = records.length > 0 ? rescue(fs, records, opts) : undefined;
  const kept = where ? `the attempt is kept in ${where}; add it back with: rmprep history --import ${where}` : undefined;
  if (err instanceof HistoryError) {
    if (err.kind === 'not-saved') return err;
    const hint = [err.hint, kept].filter((h) => h !== undefined).join('; ');
    return new HistoryError(err.kind, `${err.message}; the attempt was not saved`, hint === '' ? undefined : hint);
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === 'EINVAL' || typeof code !== 'string' ? (err instanceof Error ? err.message : String(err)) : describeCode(code);
  return new HistoryError('not-saved', `the attempt was not saved: ${reason}; your history is unchanged`, kept);
}

/** Writes the records as a small history of their own; returns its path, or undefined when no folder took it. */
function rescue(fs: Fs, records: HistoryRecord[], opts: WriteOptions): string | undefined {
  const name = `rmprep-unsaved-${stamp(opts.now)}-${randomBytes(3).toString('hex')}.jsonl`;
  for (const dir of [opts.rescueDir, opts.tmpDir]) {
    if (!dir) continue;
    const target = join(dir, name);
    try {
      fs.writeFileSync(target, `${HEADER}\n${records.map((r) => JSON.stringify(r)).join('\n')}\n`, { flag: 'wx', mode: 0o600 });
      return target;
    } catch {
      // Try the next place.
    }
  }
  return undefined;
}

function describeCode(code: string): string {
  return describeWriteErrno(code) ?? `write failed (${code})`;
}
