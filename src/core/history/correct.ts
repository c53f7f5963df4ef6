import { InputError } from '../errors.js';
import { randomId, withHistory } from './append.js';
import { clip } from '../text/sanitize.js';
import { collectCorrections } from './fold.js';
import type { WriteOptions } from './options.js';
import type { HistoryRecord, Rating, RerateRecord, UndoRecord } from './schema.js';

export interface CorrectOptions extends WriteOptions {
  /** Makes the record's id; random by default. */
  newId?: () => string;
}

/**
 * Takes an attempt back: appends an undo record under the history's lock, after checking there that the
 * attempt is there and not undone already. From then on it counts nowhere, and its question's schedule is
 * worked out again from the attempts left (fold.ts); the summary cache is made again.
 */
export function appendUndo(path: string, attemptId: string, opts: CorrectOptions): UndoRecord {
  const record: UndoRecord = { type: 'undo', id: (opts.newId ?? randomId)(), at: opts.now.toISOString(), attempt: attemptId };
  appendCorrection(path, record, opts);
  return record;
}

/** Changes an attempt's rating the same way: it counts with `rating` from then on. */
export function appendRerate(path: string, attemptId: string, rating: Rating, opts: CorrectOptions): RerateRecord {
  const record: RerateRecord = { type: 'rerate', id: (opts.newId ?? randomId)(), at: opts.now.toISOString(), attempt: attemptId, rating };
  appendCorrection(path, record, opts);
  return record;
}

function appendCorrection(path: string, record: UndoRecord | RerateRecord, opts: CorrectOptions): void {
  withHistory(
    path,
    opts,
    (under) => {
      const records: HistoryRecord[] = [];
      let found = false;
      under.scan((r) => {
        if (r.type === 'attempt') found ||= r.id === record.attempt;
        else if (r.type === 'undo' || r.type === 'rerate') records.push(r);
      });
      if (!found) throw new InputError(`no attempt "${clip(record.attempt, 80)}" in the history`, 'missing', "'rmprep history --json' lists attempts with their ids");
      if (collectCorrections(records).undone.has(record.attempt)) throw new InputError(`the attempt "${clip(record.attempt, 80)}" is undone already`, 'missing');
      return [record];
    },
    () => [record],
  );
}
