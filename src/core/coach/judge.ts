/**
 * Whether one idea (a talking point, a framework step) was said, judged clause by clause: an idea is heard
 * where one clause, or two next to each other in one sentence, says something about it: a phrase of its
 * terms, or several of its own words, not one word it happens to share with the answer.
 */
import type { Idea } from './bank-model.js';
import { isNegatedAt, matchTerm, matchWays } from './match.js';
import type { Reading } from './reading.js';
import { TUNING } from './tuning.js';

const MAX_EVIDENCE = 3;
/** Hits further apart than this in one clause are quoted as separate pieces. */
const EVIDENCE_GAP = 4;
const LONE_BEFORE = 2;
const LONE_AFTER = 1;

export interface IdeaVerdict {
  covered: boolean;
  /** 0..1: 1 when covered, else how close the best clause came. */
  credit: number;
  evidence: string[];
  /** The clauses where the idea was heard (each covering stretch), to weigh how much was said for it. */
  clauses: number[];
  /** The stretch that came closest, as token positions [from, to), covered or not; none when nothing was close. */
  closest?: { from: number; to: number };
}

interface Hit {
  /** The idea's word it shows, or the term it matched ("#3"). */
  key: string;
  /** Content words of a term, so its own words are not counted twice. */
  stems: readonly string[];
  weight: number;
  /** How many core words it stands for (0 for words only the model answer uses). */
  core: number;
  term: boolean;
  own: boolean;
  from: number;
  to: number;
}

export function assessIdea(reading: Reading, idea: Idea): IdeaVerdict {
  const byClause = collectHits(reading, idea);
  const { tokens } = reading.doc;
  let best = 0;
  let bestHits: Hit[] = [];
  let bestCovered = false;
  let bestClauses: readonly [number, number] = [-1, -1];
  const heardIn = new Set<number>();
  for (const [clause, hits] of byClause) {
    const sentence = tokens[hits[0]?.from ?? -1]?.sentence;
    const windows = [hits];
    const ends = [clause];
    let merged = hits;
    for (let k = 1; k <= TUNING.clauseReach; k++) {
      const next = byClause.get(clause + k);
      if (!next) continue;
      if (tokens[next[0]?.from ?? -1]?.sentence !== sentence) break;
      merged = [...merged, ...next.map((h) => ({ ...h, weight: h.weight * TUNING.nextClause }))];
      windows.push(merged);
      ends.push(clause + k);
    }
    for (const [k, w] of windows.entries()) {
      const judged = judgeWindow(w, idea);
      const span = [clause, ends[k] ?? clause] as const;
      // The quote is the stretch that earned the credit: the fewest clauses that say it, not a longer one
      // whose neighbouring clause adds stray words of the idea ("told finance every hour, and it was my mistake").
      const shorter = span[1] - span[0] < bestClauses[1] - bestClauses[0];
      const longer = span[1] - span[0] > bestClauses[1] - bestClauses[0];
      if (judged.covered && (!bestCovered || shorter)) {
        bestCovered = true;
        best = judged.score;
        bestHits = judged.used;
        bestClauses = span;
      } else if (judged.covered === bestCovered && !(judged.covered && longer) && judged.score > best) {
        best = judged.score;
        bestHits = judged.used;
        bestClauses = span;
      }
      // The fewest clauses that say it: the next clauses' words would only pad the evidence.
      if (judged.covered) {
        for (let c = span[0]; c <= span[1]; c++) heardIn.add(c);
        break;
      }
    }
  }
  const closest = clauseSpan(reading, bestClauses);
  const base = { clauses: [...heardIn].sort((a, b) => a - b), ...(closest ? { closest } : {}) };
  if (!bestCovered) return { covered: false, credit: Math.min(1, best), evidence: [], ...base };
  return { covered: true, credit: 1, evidence: quote(reading, bestHits), ...base };
}

/** Token positions of clauses first..last. */
function clauseSpan(reading: Reading, [first, last]: readonly [number, number]): { from: number; to: number } | undefined {
  if (first < 0) return undefined;
  const { tokens } = reading.doc;
  const from = tokens.findIndex((t) => t.clause === first);
  if (from === -1) return undefined;
  let to = from;
  while (to < tokens.length && (tokens[to]?.clause ?? Infinity) <= last) to++;
  return { from, to };
}

/**
 * A product's or tool's name as written ("Argo CD", "Play Console", "Crashlytics"): every word capitalised (or
 * an acronym) and not the first of its sentence. Naming a tool says what was used, not what was done with it.
 */
function isName(reading: Reading, from: number, to: number): boolean {
  const tokens = reading.doc.tokens.slice(from, to).filter((t) => !t.stop);
  if (tokens.length === 0) return false;
  const first = reading.doc.tokens[from];
  const before = reading.doc.tokens[from - 1];
  if (!first || !before || before.sentence !== first.sentence) return false;
  return tokens.every((t) => /^[A-Z]/.test(t.raw));
}

/** Every place in prose where the idea's terms, aliases or words are said, grouped by clause. */
function collectHits(reading: Reading, idea: Idea): Map<number, Hit[]> {
  const { doc, skip } = reading;
  const out = new Map<number, Hit[]>();
  const add = (hit: Hit) => {
    const clause = doc.tokens[hit.from]?.clause ?? -1;
    const list = out.get(clause);
    if (list) list.push(hit);
    else out.set(clause, [hit]);
  };
  idea.terms.forEach((term, k) => {
    for (const { from, to, way } of matchWays(reading, term.pattern)) {
      const w = term.ways[way];
      if (!w || w.weight <= 0) continue;
      // "Feature flags" names what the whole question is about, "Argo CD" a tool: neither says what was done.
      const subjectOnly = w.stems.length > 0 && w.stems.every((st) => idea.subject.has(st));
      if (subjectOnly || isName(reading, from, to)) add({ key: `#${k}`, stems: w.stems, weight: w.weight * TUNING.subjectTerm, core: 0, term: true, own: false, from, to });
      else add({ key: `#${k}`, stems: w.stems, weight: w.weight, core: w.size, term: true, own: false, from, to });
    }
  });
  for (const alias of idea.aliases) {
    for (const span of matchTerm(reading, alias.pattern, 4)) {
      const weight = Math.min(TUNING.wordMax, idea.words.get(alias.stem) ?? 0);
      add({ key: alias.stem, stems: [alias.stem], weight, core: 1, term: false, own: idea.own.includes(alias.stem), ...span });
    }
  }
  for (const [stem, weight] of idea.words) {
    if (weight <= 0) continue;
    for (const p of doc.index.get(stem) ?? []) {
      const t = doc.tokens[p];
      if (!t || t.stop || skip[p]) continue;
      if (!idea.negated && isNegatedAt(reading, p)) continue;
      const core = idea.core.has(stem) ? 1 : 0;
      add({ key: stem, stems: [stem], weight: TUNING.wordScale * Math.min(weight, TUNING.wordMax), core, term: false, own: idea.own.includes(stem), from: p, to: p + 1 });
    }
  }
  return out;
}

/** The evidence of one stretch: its best term, plus each other word of the idea once. */
function judgeWindow(hits: readonly Hit[], idea: Idea): { covered: boolean; score: number; used: Hit[] } {
  let term: Hit | undefined;
  for (const h of hits) if (h.term && (!term || h.weight > term.weight)) term = h;
  const used: Hit[] = term ? [term] : [];
  const seen = new Set(term?.stems ?? []);
  const words = new Map<string, Hit>();
  for (const h of hits) {
    if (h.term || seen.has(h.key)) continue;
    const prev = words.get(h.key);
    if (!prev || prev.weight < h.weight) words.set(h.key, h);
  }
  let score = term?.weight ?? 0;
  let core = term?.core ?? 0;
  let distinct = term ? 1 : 0;
  let own = 0;
  let ownCount = 0;
  for (const h of words.values()) {
    used.push(h);
    score += h.weight;
    core += h.core;
    if (h.weight >= TUNING.distinctFrom && !idea.borrowed.has(h.key)) distinct++;
    if (h.own) {
      own += idea.words.get(h.key) ?? 0;
      ownCount++;
    }
  }
  // Most of the idea's own words in one place say it too, in the idea's own wording.
  const ownTotal = idea.own.reduce((acc, stem) => acc + (idea.words.get(stem) ?? 0), 0);
  const ownSaid = ownCount >= Math.min(2, idea.own.length) && ownTotal > 0 && own / ownTotal >= TUNING.ownShare;
  // One word of a term can carry the idea only with the model answer's words for it around it.
  const loneTerm = term !== undefined && score >= TUNING.loneTermAt;
  // Or several words of the model answer's own sentences for it: the same thing said in other words.
  const modelSaid = distinct >= TUNING.modelWords;
  const covered = ownSaid || (score >= TUNING.coveredAt && (core >= TUNING.coreWords || loneTerm || modelSaid));
  return { covered, score: ownSaid ? Math.max(score, TUNING.coveredAt) : score, used };
}

/** The words that made the match, as written: per clause, from the first hit to the last. */
function quote(reading: Reading, hits: readonly Hit[]): string[] {
  const { tokens, text } = reading.doc;
  const spans = madeIt(reading, hits).map((h) => ({ from: h.from, to: h.to })).sort((a, b) => a.from - b.from);
  const pieces: { from: number; to: number }[] = [];
  for (const s of spans) {
    const last = pieces.at(-1);
    if (last && tokens[s.from]?.clause === tokens[last.to - 1]?.clause && s.from - last.to <= EVIDENCE_GAP) last.to = Math.max(last.to, s.to);
    else pieces.push({ ...s });
  }
  const out: string[] = [];
  for (const piece of pieces) {
    // A lone word proves nothing to the reader: show it with the words around it.
    if (isOneWord(tokens, text, piece)) widen(tokens, piece);
    const first = tokens[piece.from];
    const lastToken = tokens[piece.to - 1];
    if (!first || !lastToken) continue;
    // Keep a figure's sign with it: "2%", "$20k".
    const end = lastToken.end + (/^[%$€£+]/.exec(text.slice(lastToken.end))?.[0].length ?? 0);
    out.push(text.slice(first.start, end).replace(/\s+/g, ' '));
  }
  return out.slice(0, MAX_EVIDENCE);
}

/**
 * The hits of the clauses that made the point: those holding one of its terms, else those holding a word of
 * the point's own wording, else the clause with the most evidence. A neighbouring clause that only lent a word
 * ("I told finance every hour" beside "it was my mistake") helped the count but is not quoted as the point.
 */
function madeIt(reading: Reading, hits: readonly Hit[]): readonly Hit[] {
  const clauseOf = (h: Hit) => reading.doc.tokens[h.from]?.clause ?? -1;
  for (const makes of [(h: Hit) => h.term, (h: Hit) => h.own]) {
    const clauses = new Set(hits.filter(makes).map(clauseOf));
    if (clauses.size > 0) return hits.filter((h) => clauses.has(clauseOf(h)));
  }
  const weight = new Map<number, number>();
  for (const h of hits) weight.set(clauseOf(h), (weight.get(clauseOf(h)) ?? 0) + h.weight);
  let top = -1;
  for (const [c, w] of weight) if (top === -1 || w > (weight.get(top) ?? 0)) top = c;
  return hits.filter((h) => clauseOf(h) === top);
}

/** Whether a stretch is one word as written ("owner", "go-live"). */
function isOneWord(tokens: Reading['doc']['tokens'], text: string, piece: { from: number; to: number }): boolean {
  const first = tokens[piece.from];
  const last = tokens[piece.to - 1];
  return first !== undefined && last !== undefined && !/\s/.test(text.slice(first.start, last.end));
}

/**
 * Widens a one-word stretch by up to LONE_BEFORE words before it and LONE_AFTER after, within its sentence
 * (a wrapped line can leave a clause of one word).
 */
function widen(tokens: Reading['doc']['tokens'], piece: { from: number; to: number }): void {
  const sentence = tokens[piece.from]?.sentence;
  for (let i = 0; i < LONE_BEFORE && piece.from > 0 && tokens[piece.from - 1]?.sentence === sentence; i++) piece.from--;
  for (let i = 0; i < LONE_AFTER && piece.to < tokens.length && tokens[piece.to]?.sentence === sentence; i++) piece.to++;
}
