import type { RecordOptions } from '../core/history/append.js';
import type { AttemptDraft, AttemptRecord } from '../core/history/schema.js';
import { appendUndo, recordAttempt } from '../core/history/store.js';
import type { Recorder } from '../core/practice/session.js';
import type { Run } from './context.js';
import { storeOptions } from './history-store.js';

/** Saves attempts to the history file: every recording path (drill, coach --record) goes through here. */
export function createRecorder(run: Pick<Run, 'env' | 'paths'>): Recorder {
  return {
    record(draft, session, now) {
      // The session marker goes with its first attempt, in one append: a rescue file then holds both.
      return recordAttempt(run.paths.historyFile, draft, { ...storeOptions(run), now, ...(session ? { session } : {}) });
    },
    undo(attemptId, now) {
      appendUndo(run.paths.historyFile, attemptId, { ...storeOptions(run), now });
    },
  };
}

/** Saves an attempt whose session is decided under the history's lock (coach --record). */
export function recordPlaced(run: Pick<Run, 'env' | 'paths'>, draft: AttemptDraft, placeSession: NonNullable<RecordOptions['placeSession']>, now: Date): AttemptRecord {
  return recordAttempt(run.paths.historyFile, draft, { ...storeOptions(run), now, placeSession });
}
