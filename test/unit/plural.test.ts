import { describe, expect, it } from 'vitest';
import { plural } from '../../src/core/text/plural.js';

describe('plural', () => {
  it.each([
    [0, 'question', undefined, '0 questions'],
    [1, 'question', undefined, '1 question'],
    [2, 'bad line', undefined, '2 bad lines'],
    [1, 'story', 'stories', '1 story'],
    [3, 'story', 'stories', '3 stories'],
  ])('%i %s', (n, word, many, expected) => {
    expect(plural(n, word, many)).toBe(expected);
  });
});
