import type { QuestionData } from '../questions/schema.js';
import { measureDelivery } from './delivery.js';
import { countFillers } from './fillers.js';
import { countOwnership } from './ownership.js';
import { scoreAnswer } from './score.js';
import { distinctNumbers, findNumbers, findTools } from './specifics.js';
import { analyzeFramework, analyzeStar } from './structure.js';
import { type Thesaurus, buildThesaurus } from './synonyms.js';
import { analyzeTalkingPoints } from './talking-points.js';
import { type AnalyzedText, analyzeText, countWords } from './text.js';
import type { CoachReport, Structure } from './types.js';

export type * from './types.js';
export { WEIGHTS } from './score.js';
export { formatSpoken } from './delivery.js';

let thesaurus: Thesaurus | undefined;

/** Feedback on one spoken answer. Pure and deterministic: the same question and answer give the same report. */
export function analyzeAnswer(question: QuestionData, answer: string): CoachReport {
  thesaurus ??= buildThesaurus();
  const text = typeof answer === 'string' ? answer : '';
  const doc = analyzeText(text);
  const words = countWords(text);
  const delivery = measureDelivery(words);

  const tp = analyzeTalkingPoints(doc, question.question, question.keyPoints ?? [], thesaurus);
  const covered = tp.points.filter((p) => p.covered).length;
  const coverage = tp.points.length === 0 ? 0 : covered / tp.points.length;

  const mentions = findNumbers(text);
  const numbers = distinctNumbers(mentions);
  const specifics = { numbers, tools: findTools(doc) };

  let structure: Structure = { kind: 'none', parts: [] };
  if (question.category === 'behavioral') {
    structure = analyzeStar(doc, sentencesWithNumbers(doc, mentions.map((m) => m.start)));
  } else if (question.category === 'technical' && question.framework && question.framework.length > 0) {
    structure = analyzeFramework(doc, question.framework, thesaurus);
  }

  const fillers = countFillers(doc, delivery.estimatedSeconds);
  const ownership = countOwnership(doc);
  const { score, suggestions } = scoreAnswer({
    category: question.category,
    words,
    talkingPoints: tp.points,
    pointCredit: tp.credit,
    topic: tp.topic,
    structure,
    specifics,
    fillers,
    ownership,
    delivery,
    followUps: (question.followUps ?? []).map((f) => f.question),
  });

  return {
    id: question.id,
    words,
    estimatedSeconds: delivery.estimatedSeconds,
    coverage,
    talkingPoints: tp.points,
    structure,
    numbers: [...numbers],
    specifics,
    fillers,
    ownership,
    delivery,
    score,
    suggestions,
  };
}

function sentencesWithNumbers(doc: AnalyzedText, offsets: number[]): Set<number> {
  const out = new Set<number>();
  const tokens = doc.tokens;
  for (const offset of offsets) {
    // The token that starts at or after the number carries its sentence.
    let lo = 0;
    let hi = tokens.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tokens[mid]?.end ?? 0) <= offset) lo = mid + 1;
      else hi = mid;
    }
    const s = tokens[lo]?.sentence;
    if (s !== undefined) out.add(s);
  }
  return out;
}
