import { describe, expect, it } from 'vitest';
import { describeDue } from '../../src/ui/due-text.js';

// Tests run with TZ=UTC (vitest.config.ts / the CLI helpers), so local days are UTC days here.
const NOW = new Date('2026-11-29T15:00:00.000Z');

describe('describeDue', () => {
  it.each([
    ['2026-11-29T14:59:00.000Z', 'now'],
    ['2026-11-29T15:00:00.000Z', 'now'],
    ['2026-11-29T15:10:00.000Z', 'later today'],
    ['2026-11-29T23:59:00.000Z', 'later today'],
    ['2026-11-30T00:01:00.000Z', 'tomorrow'],
    ['2026-11-30T20:00:00.000Z', 'tomorrow'],
    ['2026-12-01T00:00:00.000Z', 'in 2 days (2026-12-01)'],
    ['2027-01-10T09:00:00.000Z', 'in 42 days (2027-01-10)'],
    ['not a date', 'soon'],
  ])('%s is %s', (due, words) => {
    expect(describeDue(due, NOW)).toBe(words);
  });
});
