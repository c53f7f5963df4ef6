import type { QuestionData } from '../questions/schema.js';
import { bankModel } from './bank-model.js';
import { measureDelivery } from './delivery.js';
import { countFillers } from './fillers.js';
import { type IdeasResult, assessIdeas } from './ideas.js';
import { type Phrasing, type PhrasingCredit, phrasingCredits } from './phrasings.js';
import { TUNING } from './tuning.js';
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
export function analyzeAnswer(
  question: QuestionData,
  answer: string,
  bank?: readonly QuestionData[],
  opts: { timeLimit?: number | undefined; phrasings?: readonly Phrasing[] | undefined } = {},
): CoachReport {
  const model = bankModel(bank);
  const text = typeof answer === 'string' ? answer : '';
  const reading = readAnswer(text);
  const words = countWords(text);
  const delivery = measureDelivery(words, opts.timeLimit);

  const ideas = assessIdeas(reading, model.questionModel(question), model, question.keyPoints.map((k) => k.id));
  const wordsCredit = [...ideas.credit];
  const wordsDepth = [...ideas.depth];
  const taught = applyPhrasings(ideas, phrasingCredits(reading, question, opts.phrasings ?? []));
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
  const scoreInput = {
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
  };
  const { score, suggestions } = scoreAnswer(scoreInput);
  // What the words alone earn, kept beside a score the person's phrasings raised, so scores stay comparable.
  const wordsScore = taught ? scoreAnswer({ ...scoreInput, pointCredit: wordsCredit, pointDepth: wordsDepth }).score : undefined;

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
    ...(wordsScore !== undefined ? { wordsScore } : {}),
    suggestions,
  };
}

/** Marks the points the answer made in the person's own taught words; whether any was added. */
function applyPhrasings(ideas: IdeasResult, credits: readonly PhrasingCredit[]): boolean {
  let added = false;
  for (const { index, quote } of credits) {
    const p = ideas.points[index];
    if (!p || p.covered) continue;
    Object.assign(p, { covered: true, evidence: [quote], heardBy: 'your phrasing' });
    ideas.credit[index] = 1;
    ideas.depth[index] = Math.min(1, countWords(quote) / TUNING.depthFullWords);
    added = true;
  }
  return added;
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
