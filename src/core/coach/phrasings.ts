/**
 * Phrasings a person taught the coach: for one question, a sentence of theirs that makes one of its points.
 * A later answer to that question makes the point where one sentence says the same specific words again (three
 * in four of them at least), in any order and with any small words around them. A phrasing never reaches another question's points.
 */
import type { QuestionData } from '../questions/schema.js';
import { type Reading, SKIP_LIST } from './reading.js';
import { GENERIC, STOPWORDS, analyzeText } from './text.js';

export interface Phrasing {
  /** The question's id as it was when taught. */
  question: string;
  /** The point's id (see pointIdOf). */
  point: string;
  /** The person's own words that make the point. */
  sentence: string;
}

export interface PhrasingCredit {
  /** Index of the point in the question's keyPoints. */
  index: number;
  /** The answer's words that say the phrasing again, as written. */
  quote: string;
}

/** Fewer specific words than this cannot tell one sentence from another. */
export const MIN_SPECIFIC_WORDS = 2;
const ENDS_SENTENCE = /[.!?]["')\]]*\s|\n[ \t]*(?:\n|[-*•#>]|\d+[.)]\s)/;

/** Whether a text holds more than one sentence, by its punctuation. */
export function isOneSentence(text: string): boolean {
  return !ENDS_SENTENCE.test(text.trim());
}

/** A retelling says at least this share of the taught sentence's specific words ("came", "asked" may go). */
const SAY_AGAIN_SHARE = 0.75;
/** A retelling may spread the words over at most this many times the taught sentence's length, plus a few. */
const SPREAD = 2;
const SPREAD_SLACK = 4;
const NEGATIONS = new Set(['not', 'never', 'no', 'without', "didn't", "don't", "doesn't", "wasn't", "weren't", "isn't", "aren't", "won't", "wouldn't", "couldn't", "can't", 'cannot', 'nor', 'nothing', 'nobody']);

/** The id of key point `k` (every loaded question's points carry one, given or derived from the wording). */
export function pointIdOf(question: Pick<QuestionData, 'keyPoints'>, k: number): string {
  return question.keyPoints[k]?.id ?? '';
}

/** The index of the point a phrasing names in this question, or -1 when the question has no such point. */
export function pointIndexOf(question: Pick<QuestionData, 'keyPoints'>, pointId: string): number {
  return question.keyPoints.findIndex((_, k) => pointIdOf(question, k) === pointId);
}

/** The stems that must be said again: neither small words nor words common in any release talk. */
export function specificStems(sentence: string): string[] {
  const doc = analyzeText(sentence);
  const out = new Set<string>();
  for (const t of doc.tokens) {
    // "she'd", "we'll": a small word with its ending is still a small word.
    const small = t.stop || STOPWORDS.has(t.norm.split("'")[0] ?? '');
    if (!small && !GENERIC.has(t.norm) && !NEGATIONS.has(t.norm)) out.add(t.stem);
  }
  return [...out];
}

/** Whether a phrasing belongs to this question (by its id or one of its former ids). */
export function isFor(question: Pick<QuestionData, 'id'> & { aliases?: readonly string[] | undefined }, phrasing: Phrasing): boolean {
  return phrasing.question === question.id || (question.aliases?.includes(phrasing.question) ?? false);
}

/**
 * Points of `question` made in the answer by the person's own phrasings: per point, the first sentence that
 * holds most specific words of one of its phrasings (SAY_AGAIN_SHARE), not in a bare list and not negated where the phrasing
 * was not. Phrasings of other questions, and those whose point is gone, are ignored here (see orphanPhrasings).
 */
export function phrasingCredits(reading: Reading, question: QuestionData, phrasings: readonly Phrasing[]): PhrasingCredit[] {
  const out: PhrasingCredit[] = [];
  const done = new Set<number>();
  for (const phrasing of phrasings) {
    if (!isFor(question, phrasing)) continue;
    const index = pointIndexOf(question, phrasing.point);
    if (index === -1 || done.has(index)) continue;
    const quote = findRetelling(reading, phrasing.sentence);
    if (quote === undefined) continue;
    done.add(index);
    out.push({ index, quote });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The answer's words that say the sentence again, or undefined. */
export function findRetelling(reading: Reading, sentence: string): string | undefined {
  const { stems, words, negated } = readTaught(sentence);
  if (stems.length < MIN_SPECIFIC_WORDS) return undefined;
  const maxSpan = SPREAD * words + SPREAD_SLACK;
  const needed = Math.max(MIN_SPECIFIC_WORDS, Math.ceil(SAY_AGAIN_SHARE * stems.length));
  const { tokens, text } = reading.doc;
  // Per sentence of the answer: the first place of each stem, in prose.
  let from = 0;
  while (from < tokens.length) {
    // A sentence as punctuation ends it: a line wrapped in an editor does not split one here.
    let to = from + 1;
    while (to < tokens.length && !ENDS_SENTENCE.test(text.slice(tokens[to - 1]?.end, tokens[to]?.start))) to++;
    const found = new Map<string, number[]>();
    for (let p = from; p < to; p++) {
      const t = tokens[p];
      if (!t || reading.skip[p] === SKIP_LIST) continue;
      if (stems.includes(t.stem)) found.set(t.stem, [...(found.get(t.stem) ?? []), p]);
    }
    if (found.size >= needed) {
      const [first, last] = tightest([...found.values()]);
      const saysNo = tokens.slice(from, to).some((t) => NEGATIONS.has(t.norm) || t.norm.endsWith("n't"));
      if (last - first < maxSpan && (negated || !saysNo)) {
        const a = tokens[first];
        const b = tokens[last];
        if (a && b) return text.slice(a.start, b.end).replace(/\s+/g, ' ');
      }
    }
    from = to;
  }
  return undefined;
}

// Taught sentences read once: every answer to the question is checked against the same few.
const TAUGHT = new Map<string, { stems: string[]; words: number; negated: boolean }>();
const MAX_CACHED_TAUGHT = 5000;

function readTaught(sentence: string): { stems: string[]; words: number; negated: boolean } {
  let read = TAUGHT.get(sentence);
  if (!read) {
    const tokens = analyzeText(sentence).tokens;
    read = { stems: specificStems(sentence), words: tokens.length, negated: tokens.some((t) => NEGATIONS.has(t.norm) || t.norm.endsWith("n't")) };
    if (TAUGHT.size < MAX_CACHED_TAUGHT) TAUGHT.set(sentence, read);
  }
  return read;
}

/** Phrasings of this question whose point it no longer has: reported, never applied to another point. */
export function orphanPhrasings(question: QuestionData, phrasings: readonly Phrasing[]): Phrasing[] {
  return phrasings.filter((p) => isFor(question, p) && pointIndexOf(question, p.point) === -1);
}

/** The shortest stretch [first, last] holding one position of each list. */
function tightest(positions: readonly number[][]): [number, number] {
  let best: [number, number] = [0, Infinity];
  for (const start of positions.flat()) {
    let last = start;
    let ok = true;
    for (const ps of positions) {
      const at = ps.find((p) => p >= start);
      if (at === undefined) {
        ok = false;
        break;
      }
      last = Math.max(last, at);
    }
    if (ok && last - start < best[1] - best[0]) best = [start, last];
  }
  return best;
}
