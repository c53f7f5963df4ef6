import type { QuestionData } from '../questions/schema.js';
import { bankModel } from './bank-model.js';
import { measureDelivery } from './delivery.js';
import { countFillers } from './fillers.js';
import { assessIdeas } from './ideas.js';
import { countOwnership } from './ownership.js';
import { type Reading, readAnswer } from './reading.js';
import { scoreAnswer } from './score.js';
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
export function analyzeAnswer(question: QuestionData, answer: string, bank?: readonly QuestionData[], opts: { timeLimit?: number | undefined } = {}): CoachReport {
  const model = bankModel(bank);
  const text = typeof answer === 'string' ? answer : '';
  const reading = readAnswer(text);
  const words = countWords(text);
  const delivery = measureDelivery(words, opts.timeLimit);

  const ideas = assessIdeas(reading, model.questionModel(question), model);
  const covered = ideas.points.filter((p) => p.covered).length;
  const coverage = ideas.points.length === 0 ? 0 : covered / ideas.points.length;

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
  const { score, suggestions } = scoreAnswer({
    category: question.category,
    words,
    talkingPoints: ideas.points,
    pointCredit: ideas.credit,
    pointDepth: ideas.depth,
    topic: ideas.topic,
    structure,
    specifics,
    fillers,
    ownership,
    delivery,
    listShare,
    followUps: (question.followUps ?? []).map((f) => f.question),
  });

  return {
    id: question.id,
    words,
    estimatedSeconds: delivery.estimatedSeconds,
    coverage,
    talkingPoints: ideas.points,
    structure,
    numbers: [...numbers],
    specifics,
    fillers,
    ownership,
    delivery,
    keywordList: { share: listShare, flagged: listShare >= LIST_FLAG_AT },
    score,
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
