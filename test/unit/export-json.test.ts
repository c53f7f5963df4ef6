import { describe, expect, it } from 'vitest';
import { exportJson } from '../../src/core/export/json.js';
import { parseQuestionFile } from '../../src/core/questions/parse.js';
import type { Question } from '../../src/core/questions/schema.js';

const QUESTIONS: Question[] = [
  {
    id: 'tricky-text',
    category: 'common',
    question: 'Quotes " and \\ backslash,\ttab and\nnewline: {not: yaml} # no comment',
    why: 'Why.',
    keyPoints: [{ id: 'p', point: 'P', terms: ['a', 'b: c'] }],
    answer: 'Line one.\n\nLine two with ünïcödé and 😀.',
    followUps: [],
    tags: ['x'],
    difficulty: 3,
    source: { file: '/somewhere/tricky.md', line: 1, bundled: false },
  },
  {
    id: 'star-one',
    category: 'behavioral',
    question: 'Q?',
    keyPoints: [],
    answer: 'A.',
    star: { situation: 's', task: 't', action: 'a', result: 'r' },
    tip: 'T',
    followUps: [{ question: 'F?', hint: 'H: covers x' }, { question: 'G?' }],
    tags: [],
    difficulty: 1,
    source: { file: 'q.md', line: 1, bundled: true },
  },
];

describe('exportJson', () => {
  const text = exportJson(QUESTIONS);

  it('holds the questions without where they came from', () => {
    const data = JSON.parse(text) as { questions: Record<string, unknown>[] };
    expect(Object.keys(data)).toEqual(['questions']);
    expect(data.questions.map((q) => q.id)).toEqual(['star-one', 'tricky-text']);
    for (const q of data.questions) expect(q).not.toHaveProperty('source');
  });

  it('parses back into the same questions as a .json pack', () => {
    const parsed = parseQuestionFile(text, 'pack.json');
    expect(parsed.problems).toEqual([]);
    const back = parsed.questions.map(({ line: _line, ...data }) => data);
    const expected = QUESTIONS.map(({ source: _source, ...data }) => data).sort((a, b) => a.category.localeCompare(b.category));
    expect(back).toEqual(expected);
  });
});
