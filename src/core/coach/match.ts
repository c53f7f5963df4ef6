/** Finding a term in the answer: whole words, small words allowed between, negation respected. */
import type { Reading } from './reading.js';
import type { Thesaurus } from './synonyms.js';
import { STOPWORDS, type Span, normalizeWord, splitWords, stemWord } from './text.js';

/** At most this many small words ("the", "a", "we") may sit between two words of a term. */
const MAX_GAP = 2;
/** A negator this many words before a match, in the same clause, turns it around. */
const NEGATION_REACH = 4;
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'none', 'neither', 'cannot', 'nothing', 'nobody']);

const HAVE_OR_BE = new Set(['have', 'has', 'had', 'having', "there's", 'is', 'are', 'was', 'were', 'got', 'saw', 'found', 'kept']);

export type Polarity = 'positive' | 'negative' | 'either';

export interface TermPattern {
  /** The term as written in the bank. */
  term: string;
  /** Every way to say it, as stem sequences (small words dropped unless the term is nothing else). */
  seqs: string[][];
  polarity: Polarity;
}

export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't");
}

/** A term's ways of being said; `pointNegated` when the point itself speaks of not doing something. */
export function compileTerm(term: string, thesaurus: Thesaurus, pointNegated: boolean): TermPattern {
  const words = splitWords(term);
  const negative = words.some(isNegator);
  const kept = words.filter((w) => !isNegator(w));
  const content = kept.filter((w) => !STOPWORDS.has(w));
  const base = (content.length > 0 ? content : kept).join(' ');
  const seqs = base === '' ? [] : thesaurus.expand(base).map((seq) => dropSmall(seq));
  const polarity: Polarity = negative ? 'negative' : pointNegated ? 'either' : 'positive';
  return { term, seqs: dedupe(seqs.filter((s) => s.length > 0)), polarity };
}

const STOP_STEMS = new Set([...STOPWORDS].map(stemWord));

function dropSmall(seq: readonly string[]): string[] {
  const kept = seq.filter((s) => !STOP_STEMS.has(s));
  return kept.length > 0 ? kept : [...seq];
}

function dedupe(seqs: string[][]): string[][] {
  const seen = new Set<string>();
  return seqs.filter((s) => {
    const key = s.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Where the term is said in prose (not in a bare list, not a STAR label), with the right polarity. */
export function matchTerm(reading: Reading, pattern: TermPattern, limit = 8): Span[] {
  const out: Span[] = [];
  for (const seq of pattern.seqs) {
    for (const span of findSeq(reading, seq)) {
      if (out.length >= limit) return out;
      if (!usable(reading, span)) continue;
      const negated = isNegatedAt(reading, span.from);
      if (pattern.polarity === 'positive' && negated) continue;
      if (pattern.polarity === 'negative' && !negated) continue;
      out.push(span);
    }
  }
  return out;
}

function usable(reading: Reading, span: Span): boolean {
  for (let p = span.from; p < span.to; p++) if (reading.skip[p]) return false;
  return true;
}

/** The stem sequence as whole words, in one clause, small words allowed between; also joined or split in two. */
function findSeq(reading: Reading, seq: readonly string[]): Span[] {
  const { doc } = reading;
  const first = seq[0];
  if (first === undefined) return [];
  const wantsStop = STOP_STEMS.has(first) && seq.every((s) => STOP_STEMS.has(s));
  const spans: Span[] = [];
  for (const p of doc.index.get(first) ?? []) {
    const t = doc.tokens[p];
    if (!t || (t.stop && !wantsStop)) continue;
    let at = p;
    let ok = true;
    for (let k = 1; k < seq.length && ok; k++) {
      ok = false;
      for (let q = at + 1; q <= at + 1 + MAX_GAP; q++) {
        const next = doc.tokens[q];
        if (!next || next.clause !== t.clause) break;
        if (next.stem === seq[k] && (!next.stop || wantsStop)) {
          at = q;
          ok = true;
          break;
        }
        if (!next.stop) break;
      }
    }
    if (ok) spans.push({ from: p, to: at + 1 });
  }
  const joined = seq.join('');
  if (seq.length === 2) {
    for (const p of doc.index.get(joined) ?? []) spans.push({ from: p, to: p + 1 });
  } else if (seq.length === 1) {
    for (const p of doc.pairIndex.get(joined) ?? []) {
      if (doc.tokens[p]?.clause === doc.tokens[p + 1]?.clause) spans.push({ from: p, to: p + 2 });
    }
  }
  return spans;
}

export function isNegatedAt(reading: Reading, position: number): boolean {
  const { tokens } = reading.doc;
  const clause = tokens[position]?.clause;
  for (let p = position - 1; p >= 0 && p >= position - NEGATION_REACH; p--) {
    const t = tokens[p];
    if (!t || t.clause !== clause) break;
    if (t.norm === 'but') break;
    // "no P1 bugs open" states a bar; "we had no plan" denies one.
    if (t.norm === 'no' && !HAVE_OR_BE.has(tokens[p - 1]?.norm ?? '')) continue;
    if (isNegator(t.norm)) return true;
  }
  return false;
}

/** True when a text (a point, a step) speaks of not doing something. */
export function hasNegation(text: string): boolean {
  return splitWords(text).some((w) => isNegator(normalizeWord(w)) || w === 'avoid' || w === 'avoids');
}
