import { describe, expect, it } from 'vitest';
import { preselectedRating } from '../../src/core/practice/coach-rating.js';
import { nextRatingState, type RatingState } from '../../src/ui/rating-prompt.js';

describe('the rating the prompt starts on', () => {
  it.each([
    [0, 'again'],
    [32, 'again'],
    [33, undefined],
    [39, undefined],
    [40, undefined],
    [47, undefined],
    [48, 'hard'],
    [52, 'hard'],
    [53, undefined],
    [67, undefined],
    [68, 'good'],
    [77, 'good'],
    [78, undefined],
    [92, undefined],
    [93, 'easy'],
    [100, 'easy'],
    [undefined, undefined],
  ] as const)('score %s starts on %s', (score, expected) => {
    expect(preselectedRating(score)).toBe(expected);
  });
});

describe('keys at the rating prompt', () => {
  const none: RatingState = { index: -1, done: false, nudged: false };

  it('saves nothing on Enter while no rating is chosen', () => {
    const after = nextRatingState(none, { type: 'enter' }, 4);
    expect(after).toEqual({ index: -1, done: false, nudged: true });
  });

  it('chooses with 1–4 and arrows, then saves on Enter', () => {
    expect(nextRatingState(none, { type: 'text', text: '3' }, 4).index).toBe(2);
    expect(nextRatingState(none, { type: 'text', text: '5' }, 4).index).toBe(-1);
    expect(nextRatingState(none, { type: 'other', arrow: 'down' }, 4).index).toBe(0);
    expect(nextRatingState(none, { type: 'other', arrow: 'up' }, 4).index).toBe(3);
    expect(nextRatingState({ ...none, index: 3 }, { type: 'other', arrow: 'down' }, 4).index).toBe(0);
    expect(nextRatingState({ ...none, index: 1 }, { type: 'enter' }, 4)).toMatchObject({ index: 1, done: true });
  });
});
