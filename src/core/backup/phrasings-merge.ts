import type { Phrasing } from '../coach/phrasings.js';
import { parsePhrasings } from '../phrasings/store.js';

/** A phrasing's identity across machines: its question, its point and its sentence as said. */
function keyOf(p: Phrasing): string {
  return JSON.stringify([p.question, p.point, p.sentence.replace(/\s+/g, ' ').trim().toLowerCase()]);
}

/**
 * Yours and the backup's phrasings as one list: yours first and as they are, then each of the backup's
 * not already there, in its order. Undefined when either file does not read as phrasings (it is then
 * handled as a whole file). Pure: a second merge of the same backup adds nothing.
 */
export function mergePhrasings(mine: string, theirs: string, file: string): { phrasings: Phrasing[]; added: number } | undefined {
  const a = parsePhrasings(mine, file);
  const b = parsePhrasings(theirs, `${file} (in the backup)`);
  if (a.problems.length > 0 || b.problems.length > 0) return undefined;
  const seen = new Set(a.phrasings.map(keyOf));
  const phrasings = [...a.phrasings];
  for (const p of b.phrasings) {
    const key = keyOf(p);
    if (seen.has(key)) continue;
    seen.add(key);
    phrasings.push(p);
  }
  return { phrasings, added: phrasings.length - a.phrasings.length };
}
