import type { QuestionData } from '../questions/schema.js';
import { bankModel } from './bank-model.js';
import { assessIdea } from './judge.js';
import { readAnswer } from './reading.js';

/**
 * The clause (with the next ones of its sentence that the coach read with it) that came closest to making
 * point `index` of the question, as written; undefined when no clause said anything about it.
 */
export function closestClause(question: QuestionData, answer: string, bank: readonly QuestionData[] | undefined, index: number): string | undefined {
  const idea = bankModel(bank).questionModel(question).points[index];
  if (!idea) return undefined;
  const reading = readAnswer(answer);
  const span = assessIdea(reading, idea).closest;
  const { tokens, text } = reading.doc;
  const first = span ? tokens[span.from] : undefined;
  const last = span ? tokens[span.to - 1] : undefined;
  return first && last ? text.slice(first.start, last.end).replace(/\s+/g, ' ') : undefined;
}
