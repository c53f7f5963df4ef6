import type { AnalyzedText } from './text.js';
import type { Ownership } from './types.js';

const FIRST_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"]);
const FIRST_PLURAL = new Set(['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'd", "we'll"]);

/** How often the speaker says "I/me/my" against "we/us/our". */
export function countOwnership(doc: AnalyzedText): Ownership {
  let i = 0;
  let we = 0;
  for (const t of doc.tokens) {
    if (FIRST_SINGULAR.has(t.norm)) i++;
    // "US" in capitals is the country, not the team.
    else if (FIRST_PLURAL.has(t.norm) && t.raw !== 'US') we++;
  }
  return { i, we };
}
