import type { Phrasing } from '../core/coach/phrasings.js';
import { isUserError } from '../core/errors.js';
import type { SavePhrasing } from '../core/practice/teach-round.js';
import { readPhrasings, resolvePhrasingsFile, writePhrasings } from '../core/phrasings/store.js';
import { teachPhrasing } from '../core/phrasings/teach.js';
import type { Question } from '../core/questions/schema.js';
import type { Run } from './context.js';
import { describeSystemError } from './system-error.js';

/**
 * Saves a phrasing taught at the drill's feedback as `coach --heard --sentence` does: the file is read again
 * first, so one taught meanwhile elsewhere is kept. A file that cannot be read or written is one line, and
 * the drill goes on.
 */
export function drillPhrasingSaver(run: Run, bank: readonly Question[], known: Phrasing[]): SavePhrasing {
  const file = resolvePhrasingsFile(run);
  return (question, answer, index, sentence) => {
    try {
      const taught = teachPhrasing({ question, answer, bank, point: String(index + 1), sentence, existing: readPhrasings(file) });
      if (!taught.already) writePhrasings(file, taught.phrasings);
      // The list the model grader reads from too: later answers of this drill are read with the new phrasing.
      known.splice(0, known.length, ...taught.phrasings);
      return { phrasings: taught.phrasings, file };
    } catch (err) {
      const line = isUserError(err) ? err.message : describeSystemError(err);
      if (line === undefined) throw err;
      return { problem: `Not taught: ${line}` };
    }
  };
}
