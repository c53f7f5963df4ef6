import type { Category, Question } from '../../src/core/questions/schema.js';

/** A minimal valid question for logic tests. */
export function makeQuestion(id: string, category: Category, over: Partial<Question> = {}): Question {
  return {
    id,
    category,
    question: `Question ${id}?`,
    answer: `Answer to ${id}.`,
    keyPoints: [],
    followUps: [],
    tags: [],
    difficulty: 2,
    source: { file: `${id}.md`, line: 1, bundled: true },
    ...over,
  };
}

export function makeBank(perCategory = 4): Question[] {
  return (['common', 'behavioral', 'technical'] as const).flatMap((c) =>
    Array.from({ length: perCategory }, (_, i) => makeQuestion(`${c}-${i + 1}`, c)),
  );
}
