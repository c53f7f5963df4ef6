import { InputError } from '../errors.js';
import { clip } from '../text/sanitize.js';
import type { AttemptRecord, HistoryRecord } from './schema.js';

/** How many characters of an attempt id the history listing shows; any unique prefix is accepted back. */
export const SHORT_ID_LENGTH = 8;

export function shortId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

/** The attempt (of those that count) whose id is `prefix` or starts with it; refused when none or several do. */
export function findAttempt(records: readonly HistoryRecord[], prefix: string): AttemptRecord {
  const wanted = prefix.trim().toLowerCase();
  if (wanted === '') throw new InputError('an attempt id is needed', 'invalid', "'rmprep history' shows each attempt's id");
  const attempts = records.filter((r): r is AttemptRecord => r.type === 'attempt');
  const exact = attempts.find((a) => a.id.toLowerCase() === wanted);
  if (exact) return exact;
  const matches = attempts.filter((a) => a.id.toLowerCase().startsWith(wanted));
  if (matches.length === 1) return matches[0] as AttemptRecord;
  if (matches.length === 0) throw new InputError(`no attempt "${clip(prefix, 40)}" in the history`, 'missing', "'rmprep history' shows each attempt's id");
  throw new InputError(`"${clip(prefix, 40)}" starts ${matches.length} attempt ids; give more of it`, 'invalid', "'rmprep history --json' shows the full ids");
}

/** The latest attempt that counts (by its time; the later line on a tie), or none. */
export function latestAttempt(records: readonly HistoryRecord[]): AttemptRecord | undefined {
  let latest: AttemptRecord | undefined;
  for (const r of records) if (r.type === 'attempt' && (!latest || r.at >= latest.at)) latest = r;
  return latest;
}
