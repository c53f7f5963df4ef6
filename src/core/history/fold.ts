import type { Rating } from './ratings.js';
import type { AttemptRecord, HistoryRecord, StoredCard } from './schema.js';
import { nextCard } from './upgrade.js';

// The one reading of undo and rerate records, used by every reader of the history (the summary and its
// caches, readHistory and so stats, need, the schedule, report and the history listing): an undone attempt
// counts nowhere, a rerated one counts with its newest rating, and the schedule of a question with such an
// attempt is worked out again from its remaining attempts, in file order.

export interface Corrections {
  undone: Set<string>;
  /** Attempt id to its newest rating. */
  rerated: Map<string, Rating>;
}

export function emptyCorrections(): Corrections {
  return { undone: new Set(), rerated: new Map() };
}

export function hasCorrections(c: Corrections): boolean {
  return c.undone.size > 0 || c.rerated.size > 0;
}

/** Notes an undo or rerate record; true when `record` was one (it then counts as nothing itself). */
export function noteCorrection(c: Corrections, record: HistoryRecord): boolean {
  if (record.type === 'undo') c.undone.add(record.attempt);
  else if (record.type === 'rerate') c.rerated.set(record.attempt, record.rating);
  else return false;
  return true;
}

/** The corrections a set of records holds. */
export function collectCorrections(records: Iterable<HistoryRecord>): Corrections {
  const c = emptyCorrections();
  for (const r of records) noteCorrection(c, r);
  return c;
}

/**
 * Folds records, handed over in file order, with corrections known beforehand (a first pass over the
 * same records collects them): undefined for a record that counts as nothing. From a question's first
 * undone or rerated attempt on, each of its remaining attempts gets its card from the one before it, as
 * the scheduler would have given it had the history always read so; before that, stored cards stand,
 * being what the same replay gives.
 */
export function makeFolder(c: Corrections): (record: HistoryRecord) => HistoryRecord | undefined {
  if (!hasCorrections(c)) return (r) => (r.type === 'undo' || r.type === 'rerate' ? undefined : r);
  const touched = new Set<string>();
  const cards = new Map<string, StoredCard | undefined>();
  return (r) => {
    if (r.type === 'undo' || r.type === 'rerate') return undefined;
    if (r.type !== 'attempt') return r;
    if (c.undone.has(r.id)) {
      touched.add(r.questionId);
      return undefined;
    }
    const rating = c.rerated.get(r.id);
    if (rating !== undefined) touched.add(r.questionId);
    let out: AttemptRecord = rating === undefined ? r : { ...r, rating };
    if (touched.has(r.questionId)) out = { ...out, card: nextCard(cards.get(r.questionId), out.rating, out.at) };
    cards.set(r.questionId, out.card);
    return out;
  };
}

/** The records as every reader counts them. */
export function foldRecords(records: readonly HistoryRecord[]): HistoryRecord[] {
  const fold = makeFolder(collectCorrections(records));
  const out: HistoryRecord[] = [];
  for (const r of records) {
    const f = fold(r);
    if (f) out.push(f);
  }
  return out;
}
