import { describe, expect, it } from 'vitest';
import { renderTable, truncate } from '../../src/ui/render.js';
import { columns } from '../../src/ui/text.js';
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

describe('columns', () => {
  it.each([
    ['', 0],
    ['plain ascii', 11],
    ['Good · now', 10],
    ['café déjà vu', 12],
    ['Ωμέγα', 5],
    ['東京', 4],
    ['ok 東京 ok', 10],
    ['한국', 4],
    ['🚀 ship', 7],
    ['\u001b[1mbold\u001b[22m · x', 8],
    ['e\u0301', 2],
  ])('%j takes %i columns', (text, n) => {
    expect(columns(text)).toBe(n);
  });
});

describe('truncate', () => {
  it.each([
    ['release process', 20, 'release process'],
    ['release process', 15, 'release process'],
    ['release process', 8, 'release…'],
    ['Good · now, then later', 8, 'Good · …'],
    ['café déjà vu', 6, 'café …'],
    ['abc', 1, 'a…'],
    ['東京タワー', 5, '東京…'],
    ['ok 東京', 4, 'ok …'],
  ])('%j at %i columns is %j', (text, width, cut) => {
    expect(truncate(text, width)).toBe(cut);
  });

  it('cuts text of narrow characters as the character-by-character walk does', () => {
    // The walk truncate does for text with wide characters, applied to every text.
    const walk = (text: string, width: number) => {
      if (columns(text) <= width) return text;
      let kept = '';
      let used = 0;
      for (const ch of text) {
        if (kept !== '' && used + columns(ch) > width - 1) break;
        kept += ch;
        used += columns(ch);
      }
      return `${kept}…`;
    };
    const alphabet = ['a', 'Z', ' ', '·', 'é', 'Ω', '-', '東', '🚀'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 400; n++) {
      const text = Array.from({ length: Math.floor(next() * 24) }, () => alphabet[Math.floor(next() * (n % 2 ? alphabet.length - 2 : alphabet.length))]).join('');
      for (const width of [0, 1, 2, 5, 12, 30]) expect(truncate(text, width), `${JSON.stringify(text)} at ${width}`).toBe(walk(text, width));
    }
  });
});
