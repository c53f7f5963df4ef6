import { describe, expect, it } from 'vitest';
import { bandFor, estimateSeconds, formatSpoken, measureDelivery } from '../../src/core/coach/delivery.js';

describe('delivery', () => {
  it.each([
    [0, 0],
    [150, 60],
    [250, 100],
    [75, 30],
  ])('%i words take about %i seconds at 150 words a minute', (words, seconds) => {
    expect(estimateSeconds(words)).toBe(seconds);
  });

  it.each([
    [0, 'short'],
    [59, 'short'],
    [60, 'ok'],
    [180, 'ok'],
    [181, 'long'],
  ] as const)('%i seconds is %s', (seconds, band) => {
    expect(bandFor(seconds)).toBe(band);
  });

  it('measures words, seconds and band together', () => {
    expect(measureDelivery(500)).toEqual({ words: 500, estimatedSeconds: 200, band: 'long' });
  });

  it.each([
    [25, 'about 25 seconds'],
    [60, 'about 1 min'],
    [100, 'about 1 min 40 s'],
    [200, 'about 3 min 20 s'],
  ])('%i seconds reads "%s"', (seconds, text) => {
    expect(formatSpoken(seconds)).toBe(text);
  });
});
