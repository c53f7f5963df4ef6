import { describe, expect, it } from 'vitest';
import { countOwnership } from '../../src/core/coach/ownership.js';
import { analyzeText } from '../../src/core/coach/text.js';

describe('countOwnership', () => {
  it.each([
    ['I called the vendor and my manager joined me.', { i: 3, we: 0 }],
    ["We shipped it; our team and us were happy, and we're proud.", { i: 0, we: 4 }],
    ["I'm sure I've said we'll do it myself.", { i: 3, we: 1 }],
    ['Our US customers noticed.', { i: 0, we: 1 }],
    ['Nothing personal here.', { i: 0, we: 0 }],
  ])('%s', (text, expected) => {
    expect(countOwnership(analyzeText(text))).toEqual(expected);
  });
});
