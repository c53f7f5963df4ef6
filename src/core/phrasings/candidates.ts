/**
 * The words of an answer a person may teach for one point, in the order a picker shows them: the answer's
 * sentences by how many of the point's specific words they share, the clause the coach found closest first
 * among equals. Pure; every candidate passes the same checks as `coach --heard --sentence`, so any one picked can be saved.
 */
import type { Phrasing } from '../coach/phrasings.js';
import { specificStems } from '../coach/phrasings.js';
import { closestClause } from '../coach/closest.js';
import type { QuestionData } from '../questions/schema.js';
import { teachPhrasing } from './teach.js';

/** More than a picker shows at once is no help: the closest few are enough. */
const MAX_CANDIDATES = 8;
// What ends a sentence as said: end punctuation, a blank line, or a bullet or heading on the next line.
const SENTENCE_END = /(?<=[.!?]["')\]]*)\s+|\n[ \t]*\n|\n(?=[ \t]*(?:[-*•#>]|\d+[.)]\s))/;
const BULLET = /^[ \t]*(?:[-*•>]|#{1,6}|\d+[.)])[ \t]+/;

export function teachableSentences(question: QuestionData, answer: string, bank: readonly QuestionData[], index: number, existing: readonly Phrasing[]): string[] {
  const point = question.keyPoints[index];
  if (!point) return [];
  // The point's terms are the words the coach listens for: they weigh more than its wording.
  const terms = new Set(specificStems(point.terms.join(', ')));
  const wording = new Set(specificStems(point.point));
  const shared = (s: string) => specificStems(s).reduce((n, stem) => n + (terms.has(stem) ? 2 : wording.has(stem) ? 1 : 0), 0);
  const sentences = answer
    .split(SENTENCE_END)
    .map((s) => s.replace(BULLET, '').replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');
  const closest = closestClause(question, answer, bank, index);
  // The coach's closest clause leads among equals; a clause that is a whole sentence is offered once.
  const scored = [...sentences.map((text, order) => ({ text, order, score: shared(text) })), ...(closest ? [{ text: closest, order: -1, score: shared(closest) + 0.5 }] : [])];
  const seen = new Map<string, (typeof scored)[number]>();
  for (const c of scored) {
    const key = c.text.replace(/[.!?]+$/, '').toLowerCase();
    const was = seen.get(key);
    if (!was || c.score > was.score) seen.set(key, { ...c, text: was && was.text.length > c.text.length ? was.text : c.text });
  }
  const ranked = [...seen.values()].sort((a, b) => b.score - a.score || a.order - b.order);
  const out: string[] = [];
  for (const { text } of ranked) {
    if (out.length >= MAX_CANDIDATES) break;
    if (canTeach(question, answer, bank, index, text, existing)) out.push(text);
  }
  return out;
}

function canTeach(question: QuestionData, answer: string, bank: readonly QuestionData[], index: number, sentence: string, existing: readonly Phrasing[]): boolean {
  try {
    teachPhrasing({ question, answer, bank, point: String(index + 1), sentence, existing });
    return true;
  } catch {
    return false;
  }
}
