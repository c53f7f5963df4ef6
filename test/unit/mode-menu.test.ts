import { describe, expect, it } from 'vitest';
import { pastedText } from '../../src/ui/mode-menu.js';

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
