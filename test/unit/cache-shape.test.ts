import { describe, expect, it } from 'vitest';
import { isParsedQuestion } from '../../src/core/questions/cache-shape.js';

const parsed = { id: 'q', category: 'technical', question: 'Q?', answer: 'A.', line: 1, difficulty: 2, tags: [], keyPoints: [], followUps: [] };

describe('a cached question, read back', () => {
  it('is taken with or without duties when they are a list of lines', () => {
    expect(isParsedQuestion(parsed)).toBe(true);
    expect(isParsedQuestion({ ...parsed, duties: ['Run the go/no-go call'] })).toBe(true);
  });

  it.each([['a string', 'Run the go/no-go call'], ['a list with a number', ['Run it', 3]], ['an object', { a: 1 }]])('is refused with duties as %s', (_what, duties) => {
    expect(isParsedQuestion({ ...parsed, duties })).toBe(false);
  });
});
