import type { QuestionData } from '../questions/schema.js';
import { bankModel } from './bank-model.js';
import { measureDelivery } from './delivery.js';
import { countFillers } from './fillers.js';
import { assessIdeas } from './ideas.js';
import { type Phrasing, phrasingCredits } from './phrasings.js';
import { TUNING } from './tuning.js';
import { countOwnership } from './ownership.js';
import { type PointCredit, mergeCredits } from './merge-credits.js';
import { type Reading, readAnswer } from './reading.js';
import { type ScoreInput, scoreAnswer } from './score.js';
import { distinctNumbers, findNumbers, findTools } from './specifics.js';
import { analyzeStar } from './structure.js';
import { countWords } from './text.js';
import type { CoachReport, Structure } from './types.js';

export type * from './types.js';
export { WEIGHTS } from './score.js';
export { formatSpoken } from './delivery.js';

/** A share of the answer's words in bare lists of terms from which the feedback says so. */
export const LIST_FLAG_AT = 0.3;

/**
 * Feedback on one spoken answer. Pure and deterministic: the same question, answer and bank give the same
 * report. `bank` (the questions the answer could be about) tells common words from specific ones; it is read
 * once per bank array and kept in memory, so pass the same array each time.
 */
export function analyzeAnswer(
  question: QuestionData,
  answer: string,
  bank?: readonly QuestionData[],
  opts: { timeLimit?: number | undefined; credits?: readonly PointCredit[] | undefined; phrasings?: readonly Phrasing[] | undefined } = {},
): CoachReport {
  const model = bankModel(bank);
  const text = typeof answer === 'string' ? answer : '';
  const reading = readAnswer(text);
  const words = countWords(text);
  const delivery = measureDelivery(words, opts.timeLimit);

  const ideas = assessIdeas(reading, model.questionModel(question), model, question.keyPoints.map((k) => k.id));
  // Points heard another way (a model grader's checked quote, a taught phrasing) join the words' points.
  const taught = phrasingCredits(reading, question, opts.phrasings ?? []).map((c): PointCredit => ({ point: c.index, by: 'phrasing', quote: c.quote }));
  const merged = mergeCredits(ideas.points, ideas.credit, [...(opts.credits ?? []), ...taught]);
  // A point heard only another way is as developed as its quote is long.
  const depth = merged.points.map((p, k) => (p.covered && !ideas.points[k]?.covered ? Math.min(1, countWords(p.evidence[0] ?? '') / TUNING.depthFullWords) : (ideas.depth[k] ?? 0)));
  const covered = merged.points.filter((p) => p.covered).length;
  const coverage = merged.points.length === 0 ? 0 : covered / merged.points.length;

  const mentions = findNumbers(text);
  const numbers = distinctNumbers(mentions);
  const specifics = { numbers, tools: findTools(reading.doc) };

  let structure: Structure = { kind: 'none', parts: [] };
  if (question.category === 'behavioral') {
    structure = analyzeStar(reading, sentencesWithNumbers(reading, mentions.map((m) => m.start)));
  } else if (ideas.steps.length > 0) {
    structure = { kind: 'framework', parts: ideas.steps };
  }

  const fillers = countFillers(reading.doc, delivery.estimatedSeconds);
  const ownership = countOwnership(reading.doc);
  const listShare = Math.round(reading.listShare * 100) / 100;
  const input: ScoreInput = {
    category: question.category,
    words,
    talkingPoints: merged.points,
    pointCredit: merged.credit,
    pointDepth: depth,
    topic: ideas.topic,
    structure,
    specifics,
    fillers,
    ownership,
    delivery,
    listShare,
    followUps: (question.followUps ?? []).map((f) => f.question),
  };
  const { score, suggestions } = scoreAnswer(input);
  const extra = merged.points.some((p) => p.heardBy !== undefined && p.heardBy !== 'words');
  // The words-only score is kept beside it, so scores stay comparable across readings.
  const wordsScore = extra ? scoreAnswer({ ...input, talkingPoints: ideas.points, pointCredit: ideas.credit, pointDepth: ideas.depth }).score : undefined;

  return {
    id: question.id,
    words,
    estimatedSeconds: delivery.estimatedSeconds,
    coverage,
    talkingPoints: merged.points,
    structure,
    numbers: [...numbers],
    specifics,
    fillers,
    ownership,
    delivery,
    keywordList: { share: listShare, flagged: listShare >= LIST_FLAG_AT },
    score,
    ...(wordsScore === undefined ? {} : { wordsScore }),
    suggestions,
  };
}

function sentencesWithNumbers(reading: Reading, offsets: number[]): Set<number> {
  const out = new Set<number>();
  const tokens = reading.doc.tokens;
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
