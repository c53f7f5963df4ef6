import type { Phrasing } from '../core/coach/phrasings.js';
import { isUserError } from '../core/errors.js';
import { readPhrasings, resolvePhrasingsFile } from '../core/phrasings/store.js';
import type { Run } from './context.js';

/** The person's phrasings for the coach; a broken file is one warning, and the coach goes on with the words alone. */
export function readPhrasingsOrWarn(run: Run, file = resolvePhrasingsFile(run)): Phrasing[] {
  try {
    return readPhrasings(file);
  } catch (err) {
    if (!isUserError(err)) throw err;
    run.warn(`${err.message}; coaching without your phrasings`);
    return [];
  }
}
