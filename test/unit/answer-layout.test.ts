import { describe, expect, it } from 'vitest';
import { answerHeader, wrapTyped } from '../../src/ui/answer-layout.js';
import { columns } from '../../src/ui/text.js';

const plain = (s: string) => s;
const typed = (meter: string) => ({ mark: '?', message: 'Your answer', meter, hint: ['Ctrl-D: done', 'Esc: skip', 'Enter: new line'], dim: plain });

describe('the answer prompt header', () => {
  it('says the whole hint, finish key first, when there is room', () => {
    expect(answerHeader(typed('0 words ≈ 0:00 aloud'), 100)).toBe('? Your answer  0 words ≈ 0:00 aloud  Ctrl-D: done · Esc: skip · Enter: new line');
  });

  it('at 60 columns keeps the finish key whole and drops the rest of the hint first', () => {
    const line = answerHeader(typed('0 words ≈ 0:00 aloud'), 60);
    expect(line).toBe('? Your answer  0 words ≈ 0:00 aloud  Ctrl-D: done');
    expect(columns(line)).toBeLessThan(60);
  });

  it('with a time limit still says Ctrl-D: done, uncut', () => {
    const line = answerHeader(typed('184 words ≈ 1:14 of 2:00 aloud'), 80);
    expect(line).toContain('Ctrl-D: done');
    expect(line).not.toContain('…');
    expect(columns(line)).toBeLessThan(80);
  });

  it('on a very narrow screen gives up the message, then the meter, never the finish key', () => {
    expect(answerHeader(typed('184 words ≈ 1:14 of 2:00 aloud'), 50)).toBe('? 184 words ≈ 1:14 of 2:00 aloud  Ctrl-D: done');
    expect(answerHeader(typed('184 words ≈ 1:14 of 2:00 aloud'), 30)).toBe('? Ctrl-D: done');
  });
});

describe('typed text on screen', () => {
  it('wraps between words, each row inside the width', () => {
    const rows = wrapTyped('we reran the disputed test thirty times together', 20, '  ');
    expect(rows).toEqual(['  we reran the ', '  disputed test ', '  thirty times ', '  together']);
    for (const r of rows) expect(columns(r)).toBeLessThan(20);
  });

  it('keeps spaces as typed inside a row, and splits only a word longer than a row', () => {
    expect(wrapTyped('a  b', 20, '  ')).toEqual(['  a  b']);
    expect(wrapTyped('x abcdefghijklmnopqrstuvwxyz', 12, '')).toEqual(['x ', 'abcdefghijk', 'lmnopqrstuv', 'wxyz']);
    expect(wrapTyped('', 20, '  ')).toEqual(['  ']);
  });
});
