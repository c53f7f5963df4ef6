/**
 * What of a model grader's reply can be believed: a point is credited only where the quote it gives is the
 * answer's own words, says something in a sentence (a clause, not a few words or a bare list of terms), and
 * is not already spent on another point. Everything else is dropped; nothing the grader says is trusted.
 */
import type { GraderReply } from './grader.js';
import { SKIP_LIST, type Reading } from './reading.js';
import { analyzeText } from './text.js';

/** A quote of fewer words, or with no clause of this many words in it, is a fragment ("small batches first", "my mistake, I owned it"). */
export const MIN_QUOTE_WORDS = 4;
/** A quote shorter than this must hold a whole clause of the answer to count. */
const CLAUSE_FREE_WORDS = 6;
/** Quotes longer than this are not checked: a grader quoting half the answer is not pointing at anything. */
const MAX_QUOTE_WORDS = 80;

export interface VerifiedCredit {
  /** 0-based index of the key point. */
  point: number;
  /** The answer's words, as written in the answer (not as the grader wrote them). */
  quote: string;
  /** Token positions in the answer's reading. */
  from: number;
  to: number;
}

export interface Verification {
  credits: VerifiedCredit[];
  /** Claims whose quote is not in the answer, or that name no point: invented. */
  dropped: number;
  /** Quotes in the answer that could not count: too short, from a list, or spent on another point. */
  refused: { fragment: number; list: number; shared: number };
}

export interface VerifyOptions {
  /** How many key points the question has. */
  points: number;
  /** How much a stretch of the answer is about a point; decides which point a shared quote credits. */
  relevance?: (point: number, from: number, to: number) => number;
}

export function verifyCredits(reading: Reading, reply: GraderReply, opts: VerifyOptions): Verification {
  const result: Verification = { credits: [], dropped: 0, refused: { fragment: 0, list: 0, shared: 0 } };
  const candidates: VerifiedCredit[] = [];
  const claimed = new Set<number>();
  for (const claim of reply.points) {
    if (!claim.made) continue;
    const point = claim.point - 1;
    if (!Number.isInteger(point) || point < 0 || point >= opts.points) {
      result.dropped++;
      continue;
    }
    if (claimed.has(point)) continue;
    const spans = findQuote(reading, claim.quote);
    if (spans.length === 0) {
      result.dropped++;
      continue;
    }
    const fit = spans.map((s) => ({ ...s, why: refusal(reading, s.from, s.to) }));
    const good = fit.find((s) => s.why === undefined);
    if (!good) {
      result.refused[fit[0]?.why ?? 'fragment']++;
      continue;
    }
    claimed.add(point);
    candidates.push({ point, quote: quoteText(reading, good.from, good.to), from: good.from, to: good.to });
  }
  // One stretch of the answer credits one point: the one it is most about (the first claimed on a tie).
  const score = (c: VerifiedCredit) => opts.relevance?.(c.point, c.from, c.to) ?? 0;
  const taken: VerifiedCredit[] = [];
  const order = candidates.map((c, k) => ({ c, k, s: score(c) })).sort((a, b) => b.s - a.s || a.k - b.k);
  for (const { c } of order) {
    if (taken.some((t) => sameStretch(t, c))) result.refused.shared++;
    else taken.push(c);
  }
  result.credits = taken.sort((a, b) => a.point - b.point);
  return result;
}

/** Every place the quote's words stand in the answer in the same order, whole words, ignoring case, spacing and quote marks. */
function findQuote(reading: Reading, quote: string): { from: number; to: number }[] {
  const words = analyzeText(typeof quote === 'string' ? quote : '').tokens.map((t) => t.norm);
  const first = words[0];
  if (first === undefined || words.length > MAX_QUOTE_WORDS) return [];
  const { tokens } = reading.doc;
  const out: { from: number; to: number }[] = [];
  for (let p = 0; p + words.length <= tokens.length; p++) {
    if (tokens[p]?.norm !== first) continue;
    if (words.every((w, k) => tokens[p + k]?.norm === w)) out.push({ from: p, to: p + words.length });
  }
  return out;
}

function refusal(reading: Reading, from: number, to: number): 'fragment' | 'list' | undefined {
  const { tokens } = reading.doc;
  const words = to - from;
  let listed = 0;
  // The most words of one clause the quote holds outside lists: a quote must say at least one clause's worth.
  let clause = 0;
  let run = 0;
  for (let p = from; p < to; p++) {
    if (p > from && tokens[p]?.clause !== tokens[p - 1]?.clause) run = 0;
    if (reading.skip[p] === SKIP_LIST) listed++;
    else clause = Math.max(clause, ++run);
  }
  if (listed > 0 && (listed * 2 >= words || clause < MIN_QUOTE_WORDS)) return 'list';
  if (words < MIN_QUOTE_WORDS || clause < MIN_QUOTE_WORDS) return 'fragment';
  if (words >= CLAUSE_FREE_WORDS) return undefined;
  // A short quote must open or close a clause ("so the mistake was mine"), not be cut from inside one.
  const startsClause = from === 0 || tokens[from - 1]?.clause !== tokens[from]?.clause;
  const endsClause = to === tokens.length || tokens[to]?.clause !== tokens[to - 1]?.clause;
  return startsClause || endsClause ? undefined : 'fragment';
}

function quoteText(reading: Reading, from: number, to: number): string {
  const { tokens, text } = reading.doc;
  return text.slice(tokens[from]?.start ?? 0, tokens[to - 1]?.end ?? 0).replace(/\s+/g, ' ');
}

/** Two quotes are one stretch when they share more than half of the shorter. */
function sameStretch(a: { from: number; to: number }, b: { from: number; to: number }): boolean {
  const overlap = Math.min(a.to, b.to) - Math.max(a.from, b.from);
  return overlap > 0 && overlap * 2 > Math.min(a.to - a.from, b.to - b.from);
}
