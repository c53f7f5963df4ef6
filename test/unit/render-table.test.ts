import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/ui/render.js';
import { createStyle } from '../../src/ui/style.js';

const style = createStyle(false);
const headers = ['ID', 'CATEGORY', 'DIFF', 'QUESTION'];
const rows = [
  ['influencing-without-authority', 'behavioral', '2', 'Give me an example of getting teams you did not manage to change how they release.'],
  ['dora-metrics', 'technical', '3', 'Which delivery metrics would you track?'],
];

describe('renderTable', () => {
  it('keeps the last column on the row when it has room', () => {
    const lines = renderTable(headers, rows, 100, style).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^influencing-without-authority {2}behavioral {2}2 {5}Give me an example of getting/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it.each([50, 60])('puts the last cell on its own line when only a few letters would fit (%i columns)', (width) => {
    const lines = renderTable(headers, rows, width, style).trimEnd().split('\n');
    expect(lines).toEqual([
      'ID                             CATEGORY    DIFF',
      '  QUESTION',
      'influencing-without-authority  behavioral  2',
      expect.stringMatching(/^ {2}Give me an example of getting teams/),
      'dora-metrics                   technical   3',
      '  Which delivery metrics would you track?',
    ]);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
  });
});
