import { describe, expect, it } from 'vitest';
import { escapeMarkdownBlock, escapeMarkdownCell, escapeMarkdownInline } from '../../src/core/export/markdown-escape.js';
import { exportMarkdown } from '../../src/core/export/markdown.js';
import type { QuestionData } from '../../src/core/questions/schema.js';

describe('escapeMarkdownInline', () => {
  it.each([
    ['plain words, stay plain.', 'plain words, stay plain.'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['> quote', '\\> quote'],
    ['a | b', 'a \\| b'],
    ['*bold* _it_ `code` [link](x)', '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x)'],
    ['<script>', '\\<script\\>'],
    ['R&D but &amp; entity', 'R&D but \\&amp; entity'],
    ['two\nlines', 'two lines'],
    ['back\\slash', 'back\\\\slash'],
    ['esc \u001b[31mred', 'esc red'],
  ])('%j becomes %j', (input, expected) => expect(escapeMarkdownInline(input)).toBe(expected));

  it('never leaves an empty table cell', () => {
    expect(escapeMarkdownCell('')).toBe(' ');
  });
});

describe('escapeMarkdownBlock', () => {
  it('keeps lines and blank lines, escaping each line start', () => {
    expect(escapeMarkdownBlock('one\n\n# two\n  - three')).toEqual(['one', '', '\\# two', '\\- three']);
  });
});

const q = (id: string, category: QuestionData['category'], extra: Partial<QuestionData> = {}): QuestionData => ({
  id,
  category,
  question: `Question ${id}?`,
  answer: `Answer ${id}.`,
  keyPoints: [{ id: 'point', point: `Point ${id}`, terms: ['x'] }],
  followUps: [{ question: `Follow ${id}?`, hint: `Hint ${id}` }, { question: `Bare ${id}?` }],
  tags: ['t'],
  difficulty: 2,
  ...extra,
});

describe('exportMarkdown', () => {
  const sheet = exportMarkdown([
    q('b-two', 'behavioral', { star: { situation: 'S', task: 'T', action: 'A', result: 'R' }, why: 'Why b', tip: 'Tip b' }),
    q('t-one', 'technical', { framework: ['Step one', 'Step two'] }),
    q('b-one', 'behavioral'),
  ]);

  it('groups questions by category in the usual order, sorted by id', () => {
    const headings = sheet.split('\n').filter((l) => l.startsWith('## ') || l.startsWith('### '));
    expect(headings).toEqual(['## Behavioral questions', '### 1. Question b-one?', '### 2. Question b-two?', '## Technical questions', '### 1. Question t-one?']);
  });

  it('includes why, key points, STAR, framework, model answer, tip and follow-ups', () => {
    for (const part of ['**Why they ask:** Why b', '- Point b-two', '- **Situation:** S', '1. Step one', '**Model answer**\n\nAnswer b-two.', '**Tip:** Tip b', '- Follow t-one? *Hint: Hint t-one*', '- Bare t-one?\n']) {
      expect(sheet).toContain(part);
    }
  });

  it('escapes question text that would start a heading', () => {
    const text = exportMarkdown([q('x', 'common', { question: '## Not a heading', answer: '# nor this' })]);
    expect(text).toContain('### 1. \\## Not a heading');
    expect(text).toContain('\\# nor this');
  });
});
