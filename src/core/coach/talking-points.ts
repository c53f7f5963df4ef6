import type { KeyPoint } from '../questions/schema.js';
import type { Thesaurus } from './synonyms.js';
import { type AnalyzedText, type Span, contentWords, findStems, spanText, stemWord } from './text.js';
import type { TalkingPoint } from './types.js';

/** Share of a point's own content words that covers it when none of its terms is said. */
export const POINT_WORDS_THRESHOLD = 0.6;
const MAX_EVIDENCE = 4;

export interface TalkingPointsResult {
  points: TalkingPoint[];
  /** Per point, 0..1: 1 when covered, else the share of its content words that were said (a near miss). */
  credit: number[];
  /** Share of the content words of the question and its points that the answer uses, 0..1. */
  topic: number;
}

export function analyzeTalkingPoints(
  doc: AnalyzedText,
  question: string,
  keyPoints: readonly KeyPoint[],
  thesaurus: Thesaurus,
): TalkingPointsResult {
  const points: TalkingPoint[] = [];
  const credit: number[] = [];
  for (const kp of keyPoints) {
    const spans: Span[] = [];
    for (const term of kp.terms) {
      for (const seq of thesaurus.expand(term)) spans.push(...findStems(doc, seq, MAX_EVIDENCE));
    }
    const words = contentWords(kp.point);
    const said = words.filter((w) => isSaid(doc, w, thesaurus)).map(stemWord);
    const wordShare = words.length === 0 ? 0 : said.length / words.length;
    let covered = spans.length > 0;
    if (!covered && said.length >= 2 && wordShare >= POINT_WORDS_THRESHOLD) {
      covered = true;
      for (const w of said) {
        const p = doc.index.get(w)?.[0];
        if (p !== undefined) spans.push({ from: p, to: p + 1 });
      }
    }
    points.push({ point: kp.point, covered, evidence: collectEvidence(doc, spans) });
    credit.push(covered ? 1 : wordShare);
  }
  const topicWords = contentWords([question, ...keyPoints.map((kp) => kp.point)].join(' '));
  const topicSaid = topicWords.filter((w) => isSaid(doc, w, thesaurus)).length;
  return { points, credit, topic: topicWords.length === 0 ? 0 : topicSaid / topicWords.length };
}

function isSaid(doc: AnalyzedText, word: string, thesaurus: Thesaurus): boolean {
  return thesaurus.expand(word).some((seq) => findStems(doc, seq, 1).length > 0);
}

function collectEvidence(doc: AnalyzedText, spans: Span[]): string[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from || b.to - a.to);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const span of sorted) {
    const text = spanText(doc, span);
    const key = text.toLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length >= MAX_EVIDENCE) break;
  }
  return out;
}
