/** Finding a term in the answer: whole words, small words allowed between, negation respected. */
import type { Reading } from './reading.js';
import type { Thesaurus } from './synonyms.js';
import { SMALL_MARK, type Span, type Token, bareStem, normalizeWord, splitWords } from './text.js';

/** At most this many small words ("the", "a", "we") may sit between two words of a term. */
const MAX_GAP = 2;
/** A negator this many words before a match, in the same clause, turns it around. */
const NEGATION_REACH = 4;
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nor', 'none', 'neither', 'cannot', 'nothing', 'nobody']);

const HAVE_OR_BE = new Set(['have', 'has', 'had', 'having', "there's", 'is', 'are', 'was', 'were', 'got', 'saw', 'found', 'kept']);

// Words that sit inside a phrase without changing it: "what really had to change" is "what had to change".
const SOFTENERS = new Set(['really', 'actually', 'just', 'truly', 'exactly', 'simply', 'basically', 'also', 'still', 'even', 'all', 'both', 'quickly', 'properly', 'clearly']);

const AUXILIARIES = new Set(['do', 'does', 'did', 'will', 'would', 'could', 'should', 'can', 'must']);

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
  // "no open bugs", "did not skip tests" speak of an absence; the "no" of "go/no-go" does not.
  const at = words.findIndex(isNegator);
  const negative = at === 0 || (at === 1 && AUXILIARIES.has(words[0] ?? ''));
  const base = (negative ? words.slice(at + 1) : words).join(' ');
  const seqs = base === '' ? [] : thesaurus.expand(base).map((seq) => [...seq]);
  const polarity: Polarity = negative ? 'negative' : pointNegated ? 'either' : 'positive';
  return { term, seqs: dedupe(seqs.filter((s) => s.length > 0)), polarity };
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
  return matchWays(reading, pattern, limit).map(({ from, to }) => ({ from, to }));
}

/** As matchTerm, also saying which way of saying it (an index into `pattern.seqs`) was heard. */
export function matchWays(reading: Reading, pattern: TermPattern, limit = 8): (Span & { way: number })[] {
  const out: (Span & { way: number })[] = [];
  pattern.seqs.forEach((seq, way) => {
    for (const span of findSeq(reading, seq)) {
      if (out.length >= limit) return;
      if (!usable(reading, span)) continue;
      const negated = isNegatedAt(reading, span.from);
      if (pattern.polarity === 'positive' && negated) continue;
      if (pattern.polarity === 'negative' && !negated) continue;
      out.push({ ...span, way });
    }
  });
  return out;
}

function usable(reading: Reading, span: Span): boolean {
  for (let p = span.from; p < span.to; p++) if (reading.skip[p]) return false;
  return true;
}

/** The stem sequence as whole words, in one clause, small words allowed between; also joined or split in two. */
function findSeq(reading: Reading, seq: readonly string[]): Span[] {
  const { doc } = reading;
  if (seq.length === 0) return [];
  const spans = findInOrder(doc, seq);
  // A two-word term also said the other way round, with only small words between: "minimal fix" in
  // "keep the fix minimal", "release notes" in "notes for the release".
  if (seq.length === 2 && seq.every((stem) => !stem.startsWith(SMALL_MARK))) spans.push(...findInOrder(doc, [seq[1] as string, seq[0] as string]));
  const joined = seq.map(bareStem).join('');
  if (seq.length === 2) {
    for (const p of doc.index.get(joined) ?? []) spans.push({ from: p, to: p + 1 });
  } else if (seq.length === 1) {
    for (const p of doc.pairIndex.get(joined) ?? []) {
      if (doc.tokens[p]?.clause === doc.tokens[p + 1]?.clause) spans.push({ from: p, to: p + 2 });
    }
  }
  return spans;
}

// A content word of a term never matches a small word that stems alike ("notes" is not "not").
const fits = (t: Token, stem: string) => (stem.startsWith(SMALL_MARK) ? t.stem === stem.slice(1) : t.stem === stem && !t.stop);

/** The stems in this order, in one clause, with at most MAX_GAP small words or softeners between each two. */
function findInOrder(doc: Reading['doc'], seq: readonly string[]): Span[] {
  const first = seq[0] as string;
  const spans: Span[] = [];
  for (const p of doc.index.get(bareStem(first)) ?? []) {
    const t = doc.tokens[p];
    if (!t || !fits(t, first)) continue;
    let at = p;
    let ok = true;
    for (let k = 1; k < seq.length && ok; k++) {
      ok = false;
      for (let q = at + 1; q <= at + 1 + MAX_GAP; q++) {
        const next = doc.tokens[q];
        if (!next || next.clause !== t.clause) break;
        if (fits(next, seq[k] as string)) {
          at = q;
          ok = true;
          break;
        }
        if (!next.stop && !SOFTENERS.has(next.norm)) break;
      }
    }
    if (ok) spans.push({ from: p, to: at + 1 });
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
