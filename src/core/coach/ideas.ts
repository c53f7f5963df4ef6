/**
 * Whether each idea of a question (a talking point, a framework step) was said, judged sentence by sentence
 * from one reading of the answer: its terms said in a sentence, and the sentence's words that carry the idea.
 */
import type { BankModel, Idea, QuestionModel } from './bank-model.js';
import { isNegatedAt, matchTerm } from './match.js';
import type { Reading } from './reading.js';
import type { Span } from './text.js';
import { TUNING } from './tuning.js';
import type { StructurePart, TalkingPoint } from './types.js';

const CONTEXT_BEFORE = 3;
const CONTEXT_AFTER = 3;
const MAX_EVIDENCE_WORDS = 14;
const MAX_EVIDENCE = 3;

export interface IdeaVerdict {
  covered: boolean;
  /** 0..1: 1 when covered, else how close the best sentence came. */
  credit: number;
  evidence: string[];
}

export interface IdeasResult {
  points: TalkingPoint[];
  credit: number[];
  steps: StructurePart[];
  /** Share of the question's own words the answer uses in its sentences, weighted by specificity, 0..1. */
  topic: number;
}

export function assessIdeas(reading: Reading, qm: QuestionModel, model: BankModel): IdeasResult {
  const pointVerdicts = qm.points.map((idea) => assessIdea(reading, idea));
  const stepVerdicts = qm.steps.map((idea) => assessIdea(reading, idea));
  // A step and a point that say the same thing get one verdict: either finding it is enough.
  qm.stepToPoint.forEach((k, s) => {
    const step = stepVerdicts[s];
    const point = k === undefined ? undefined : pointVerdicts[k];
    if (!step || !point || step.covered === point.covered) return;
    const found = step.covered ? step : point;
    for (const v of [step, point]) Object.assign(v, { covered: true, credit: 1, evidence: found.evidence });
  });
  return {
    points: qm.points.map((idea, k) => {
      const v = pointVerdicts[k] as IdeaVerdict;
      return { point: idea.text, covered: v.covered, evidence: v.evidence };
    }),
    credit: pointVerdicts.map((v) => v.credit),
    steps: qm.steps.map((idea, k) => ({ name: idea.text, present: stepVerdicts[k]?.covered ?? false })),
    topic: topicShare(reading, qm.topic, model),
  };
}

export function assessIdea(reading: Reading, idea: Idea): IdeaVerdict {
  const { doc, skip } = reading;
  const termScore = new Map<number, { weight: number; span: Span; stems: string[] }>();
  for (const term of idea.terms) {
    if (term.weight <= 0) continue;
    for (const span of matchTerm(reading, term.pattern)) {
      const s = doc.tokens[span.from]?.sentence ?? -1;
      const prev = termScore.get(s);
      if (!prev || prev.weight < term.weight) termScore.set(s, { weight: term.weight, span, stems: term.stems });
    }
  }
  // Per sentence, each word of the idea said there (as a content word, in prose, not negated unless the idea is).
  const wordHits = new Map<number, Map<string, number>>();
  for (const [stem, weight] of idea.words) {
    if (weight <= 0) continue;
    for (const p of doc.index.get(stem) ?? []) {
      const t = doc.tokens[p];
      if (!t || t.stop || skip[p]) continue;
      if (!idea.negated && isNegatedAt(reading, p)) continue;
      let hits = wordHits.get(t.sentence);
      if (!hits) wordHits.set(t.sentence, (hits = new Map()));
      if (!hits.has(stem)) hits.set(stem, p);
    }
  }
  const scores = new Map<number, number>();
  for (const s of new Set([...termScore.keys(), ...wordHits.keys()])) {
    const term = termScore.get(s);
    let words = 0;
    let own = 0;
    let ownCount = 0;
    for (const stem of wordHits.get(s)?.keys() ?? []) {
      const w = idea.words.get(stem) ?? 0;
      if (idea.own.includes(stem)) {
        own += w;
        ownCount++;
      }
      if (!term?.stems.includes(stem)) words += Math.min(w, TUNING.wordMax);
    }
    let score = (term?.weight ?? 0) + TUNING.wordScale * words;
    // Most of the idea's own words in one sentence say it too, in the idea's own wording.
    const ownTotal = idea.own.reduce((acc, stem) => acc + (idea.words.get(stem) ?? 0), 0);
    if (ownCount >= Math.min(2, idea.own.length) && ownTotal > 0 && own / ownTotal >= TUNING.ownShare) score = Math.max(score, TUNING.coveredAt);
    scores.set(s, score);
  }
  let best = 0;
  let bestSentence = -1;
  for (const [s, score] of scores) {
    // An idea often takes two sentences to say; the next one adds part of its weight.
    const withNext = score + TUNING.nextSentence * (scores.get(s + 1) ?? 0);
    if (withNext > best) {
      best = withNext;
      bestSentence = s;
    }
  }
  const covered = best >= TUNING.coveredAt;
  if (!covered) return { covered: false, credit: Math.min(1, best), evidence: [] };
  return { covered, credit: 1, evidence: evidenceFor(reading, termScore.get(bestSentence)?.span, wordHits.get(bestSentence)) };
}

/** The few words around what was heard, as written: around the term, or around the idea's words. */
function evidenceFor(reading: Reading, span: Span | undefined, hits: Map<string, number> | undefined): string[] {
  const { tokens } = reading.doc;
  let from: number;
  let to: number;
  if (span) {
    from = span.from;
    to = span.to;
  } else {
    const positions = [...(hits?.values() ?? [])].sort((a, b) => a - b);
    from = positions[0] ?? 0;
    to = (positions.at(-1) ?? 0) + 1;
    if (to - from > MAX_EVIDENCE_WORDS) to = from + MAX_EVIDENCE_WORDS;
  }
  // Context stays in the clause of a term, in the sentence of scattered words.
  const unit = span ? 'clause' : 'sentence';
  const key = tokens[from]?.[unit];
  let a = from;
  while (a > 0 && from - a < CONTEXT_BEFORE && tokens[a - 1]?.[unit] === key) a--;
  let b = to;
  while (b < tokens.length && b - to < CONTEXT_AFTER && tokens[b]?.[unit] === key) b++;
  const first = tokens[a];
  const last = tokens[b - 1];
  if (!first || !last) return [];
  // Keep a figure's sign with it: "2%", "$20k".
  const end = last.end + (/^[%$€£+]/.exec(reading.doc.text.slice(last.end))?.[0].length ?? 0);
  const text = reading.doc.text.slice(first.start, end).replace(/\s+/g, ' ');
  return [text].slice(0, MAX_EVIDENCE);
}

function topicShare(reading: Reading, topic: Map<string, number>, model: BankModel): number {
  let said = 0;
  let total = 0;
  for (const [stem, weight] of topic) {
    const w = Math.max(weight, model.specificity(stem));
    total += w;
    if ((reading.doc.index.get(stem) ?? []).some((p) => !reading.skip[p] && !reading.doc.tokens[p]?.stop)) said += w;
  }
  return total === 0 ? 0 : said / total;
}
