import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { analyzeText } from '../../src/core/coach/text.js';
import type { QuestionData } from '../../src/core/questions/schema.js';

const sentenceOf = (text: string, word: string) => {
  const doc = analyzeText(text);
  return doc.tokens.find((t) => t.norm === word)?.sentence;
};

describe('line breaks in an answer', () => {
  it.each([
    ['a long line wrapped mid-sentence goes on', 'One Thursday I set the new Android build to every user instead of ten percent, having copied the settings from an older\nrelease without reading the number back.', 0],
    ['a wrap after a comma goes on', 'We stopped the rollout in the console and switched the new checkout screen off,\nwhich brought failures down.', 0],
  ])('%s', (_name, text, sentence) => {
    expect(sentenceOf(text, text.includes('release') ? 'release' : 'which')).toBe(sentence);
  });

  it.each([
    ['a sentence that ended', 'We stopped the rollout in the console and switched the screen off.\nthen we wrote it up', 'then'],
    ['a blank line', 'We stopped the rollout in the console and switched the screen off\n\nthen we wrote it up', 'then'],
    ['a short line, as in a list of terms', 'small batches\nfast feedback\nrisk-based testing', 'fast'],
    ['a next line in capitals', 'We stopped the rollout in the console and switched the screen off\nThen we wrote it up', 'then'],
    ['a bullet', 'We stopped the rollout in the console and switched the screen off\n- then we wrote it up', 'then'],
  ])('%s still starts a new sentence', (_name, text, word) => {
    expect(sentenceOf(text, word)).toBe(1);
  });

  it('scores an answer an editor wrapped the same as the same answer on one line', () => {
    const question: QuestionData = {
      id: 'bad-news',
      category: 'behavioral',
      question: 'How do you deliver bad news about a release?',
      answer: 'I kept the directors updated in writing every other day until the fix passed its retest and the issue was closed.',
      keyPoints: [{ id: 'keeps-updated', point: 'Keeps people updated until the issue is closed', terms: ['kept them updated', 'until it was closed'] }],
      followUps: [],
      tags: [],
      difficulty: 2,
    };
    const said = 'After that first meeting I sent both of them a short written update every other day until the|fix passed a retest eighteen days later.';
    const wrapped = analyzeAnswer(question, said.replace('|', '\n'));
    expect(wrapped.score).toBe(analyzeAnswer(question, said.replace('|', ' ')).score);
    expect(wrapped.score).toBeGreaterThan(0);
  });
});
