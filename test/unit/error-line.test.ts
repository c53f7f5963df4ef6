import { describe, expect, it } from 'vitest';
import { clipWords, formatErrorText, wrapWords } from '../../src/cli/error-line.js';

const LONG_PATH = '/home/someone/a/rather/deep/folder/with/many/levels/and/a/long/name/.local/share/rmprep/history.json';

describe('error lines', () => {
  it('cuts a long message between words, never inside one', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const cut = clipWords(words, 300);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut.endsWith(' …')).toBe(true);
    for (const w of cut.replace(/ …$/, '').split(' ')) expect(words.split(' ')).toContain(w);
  });

  it('on a terminal, lays an error out in lines of at most 80 columns; a path longer than a line is kept whole on its own', () => {
    const text = formatErrorText(`${LONG_PATH}:4:33: invalid JSON: Expected double-quoted property name`, "fix the line, or run: rmprep history --repair; nothing is written to it until then", 80);
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(line.length <= 80 || !line.includes(' ')).toBe(true);
    expect(lines.join(' ')).toBe(text.trimEnd().replace(/\n/g, ' '));
    expect(text).toContain(`${LONG_PATH}:4:33:`);
    expect(lines.length).toBeLessThanOrEqual(4);
  });

  it('without a terminal, stays one line for scripts', () => {
    expect(formatErrorText('no question with id "x"', "see 'rmprep list'")).toBe(`rmprep: no question with id "x" (see 'rmprep list')\n`);
  });

  it('wraps between words only', () => {
    expect(wrapWords('aaa bbb ccc ddd', 7)).toEqual(['aaa bbb', 'ccc ddd']);
    expect(wrapWords('a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
  });
});
