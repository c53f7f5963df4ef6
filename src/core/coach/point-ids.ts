import type { QuestionData } from '../questions/schema.js';

/** The id of each key point of a question, in order; credits are stored by these ids, so they outlive edits to the wording. */
export function pointIds(question: Pick<QuestionData, 'keyPoints'>): string[] {
  return question.keyPoints.map((kp) => kp.id);
}
