import { toJsonText } from '../text/json-text.js';
import type { Question, QuestionData } from '../questions/schema.js';

/** The field order of an exported question, the same as in a question file. */
const FIELDS = ['id', 'aliases', 'category', 'brief', 'question', 'why', 'keyPoints', 'star', 'framework', 'answer', 'tip', 'followUps', 'mustTell', 'tags', 'difficulty'] as const;

/**
 * A question pack as JSON: `{ "questions": [...] }` with every field of each question and nothing about where
 * it came from. `rmprep validate` accepts it and loading it gives the same questions. Pure.
 */
export function exportJson(questions: readonly (QuestionData | Question)[]): string {
  const sorted = [...questions].sort((a, b) => a.category.localeCompare(b.category) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `${toJsonText({ questions: sorted.map(questionData) })}\n`;
}

/** The question's own fields in file order, without `source` or anything else a loader added. */
export function questionData(q: QuestionData): QuestionData {
  const out: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = q[field];
    if (value !== undefined) out[field] = value;
  }
  return out as QuestionData;
}
