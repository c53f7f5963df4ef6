import type { QuestionData } from '../questions/schema.js';

/**
 * The id of each key point of a question, in order: the point's own id when the file gives one, else one
 * made from its place ("p1", "p2"...). Credits are stored by these ids, so they outlive edits to the wording.
 */
export function pointIds(question: Pick<QuestionData, 'keyPoints'>): string[] {
  return question.keyPoints.map((kp, k) => {
    const id = (kp as { id?: unknown }).id;
    return typeof id === 'string' && id !== '' ? id : `p${k + 1}`;
  });
}
