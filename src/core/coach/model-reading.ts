/**
 * The coach's report with a model grader's reply added: the reply's claims are checked against the answer
 * (verify-credits.ts), and only the points they prove join the words' points. Structure, figures, fillers,
 * delivery and ownership stay the words' own.
 */
import type { Phrasing } from './phrasings.js';
import type { QuestionData } from '../questions/schema.js';
import { bankModel } from './bank-model.js';
import type { GraderReply } from './grader.js';
import { analyzeAnswer } from './index.js';
import type { PointCredit } from './merge-credits.js';
import { readAnswer } from './reading.js';
import type { CoachReport } from './types.js';
import { verifyCredits } from './verify-credits.js';

/** A checked model credit as the history stores it: by point id, with the answer's words. */
export interface StoredCredit {
  point: string;
  by: 'model' | 'phrasing';
  quote: string;
}

export interface ModelReading {
  report: CoachReport;
  /** The model's checked credits for points the words did not hear. */
  credits: StoredCredit[];
  /** Claims whose quote is not in the answer (or that name no point). */
  droppedQuotes: number;
}

export function readWithModel(
  question: QuestionData,
  answer: string,
  reply: GraderReply,
  bank?: readonly QuestionData[],
  opts: { timeLimit?: number | undefined; credits?: readonly PointCredit[] | undefined; phrasings?: readonly Phrasing[] | undefined } = {},
): ModelReading {
  const reading = readAnswer(answer);
  const ideas = bankModel(bank).questionModel(question).points;
  const relevance = (point: number, from: number, to: number): number => {
    const words = ideas[point]?.words;
    if (!words) return 0;
    const seen = new Set<string>();
    let sum = 0;
    for (let p = from; p < to; p++) {
      const stem = reading.doc.tokens[p]?.stem;
      if (stem === undefined || seen.has(stem)) continue;
      seen.add(stem);
      sum += words.get(stem) ?? 0;
    }
    return sum;
  };
  const verified = verifyCredits(reading, reply, { points: question.keyPoints.length, relevance });
  const modelCredits: PointCredit[] = verified.credits.map((c) => ({ point: c.point, by: 'model', quote: c.quote }));
  const report = analyzeAnswer(question, answer, bank, { timeLimit: opts.timeLimit, credits: [...(opts.credits ?? []), ...modelCredits], phrasings: opts.phrasings });
  const credits = report.talkingPoints.flatMap((p): StoredCredit[] => (p.heardBy === 'model' ? [{ point: p.id, by: 'model', quote: p.evidence[0] ?? '' }] : []));
  return { report, credits, droppedQuotes: verified.dropped };
}

/**
 * The report of a stored attempt with the model credits it kept, checked again against its answer (a history
 * file can be edited by hand), without asking any model. Credits naming a point the question no longer has are
 * left out.
 */
export function rereadWithCredits(
  question: QuestionData,
  answer: string,
  stored: readonly StoredCredit[] | undefined,
  bank?: readonly QuestionData[],
  opts: { timeLimit?: number | undefined } = {},
): CoachReport {
  const points = (stored ?? []).flatMap((c) => {
    const k = c.by === 'model' ? question.keyPoints.findIndex((kp) => kp.id === c.point) : -1;
    return k < 0 ? [] : [{ point: k + 1, made: true, quote: c.quote }];
  });
  if (points.length === 0) return analyzeAnswer(question, answer, bank, opts);
  return readWithModel(question, answer, { points }, bank, opts).report;
}
