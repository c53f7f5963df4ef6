import { describe, expect, it } from 'vitest';
import { doneLine, pastedText } from '../../src/ui/mode-menu.js';
import { createStyle } from '../../src/ui/style.js';

describe('a burst of keys at the menu', () => {
  it('is a paste from three printable characters, kept exactly with its line breaks', () => {
    expect(pastedText([{ type: 'text', text: 'abc' }])).toBe('abc');
    expect(pastedText([{ type: 'text', text: 'a' }, { type: 'enter' }, { type: 'text', text: 'bc' }])).toBe('a\nbc');
  });

  it('is single keys below three printable characters, however many Enters', () => {
    expect(pastedText([{ type: 'text', text: '5' }, { type: 'enter' }])).toBeUndefined();
    expect(pastedText([{ type: 'text', text: 'ab' }, { type: 'enter' }, { type: 'enter' }])).toBeUndefined();
  });
});

describe('the line a finished prompt leaves', () => {
  const style = createStyle(false);
  it('stays one line when it fits', () => {
    expect(doneLine(style, 'Next?', 'Next question', 60)).toBe('✔ Next? Next question\n');
  });

  it('wraps at words, never inside one, and keeps every word, when the screen is narrow', () => {
    const line = doneLine(style, 'That was the last question.', 'Undo that rating (rate it again)', 40);
    const rows = line.trimEnd().split('\n');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.length).toBeLessThan(40);
    expect(rows.map((r) => r.trim()).join(' ')).toBe('✔ That was the last question. Undo that rating (rate it again)');
  });
});
