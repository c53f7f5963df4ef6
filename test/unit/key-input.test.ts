import { describe, expect, it } from 'vitest';
import { KeyReader, type KeyEvent } from '../../src/ui/key-input.js';

/** The events for `chunks`, with neighbouring text events joined (how text is split between chunks does not matter). */
function read(...chunks: string[]): KeyEvent[] {
  const reader = new KeyReader();
  const out: KeyEvent[] = [];
  for (const e of [...chunks.flatMap((c) => reader.feed(c)), ...reader.flush()]) {
    const last = out.at(-1);
    if (e.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + e.text };
    else out.push(e);
  }
  return out;
}

describe('KeyReader', () => {
  it.each([
    ['typed text', ['abc'], [{ type: 'text', text: 'abc' }]],
    ['Enter as CR, LF or CRLF, one event each', ['a\rb\nc\r\n'], [{ type: 'text', text: 'a' }, { type: 'enter' }, { type: 'text', text: 'b' }, { type: 'enter' }, { type: 'text', text: 'c' }, { type: 'enter' }]],
    ['Ctrl-D, Ctrl-C, Ctrl-U, backspace (DEL and BS)', ['\u0004\u0003\u0015\u007f\b'], [{ type: 'eof' }, { type: 'interrupt' }, { type: 'kill-line' }, { type: 'backspace' }, { type: 'backspace' }]],
    ['a lone Esc, settled by flush', ['\u001b'], [{ type: 'escape' }]],
    ['up and down arrows say which, in both cursor modes', ['\u001b[A\u001bOB'], [{ type: 'other', arrow: 'up' }, { type: 'other', arrow: 'down' }]],
    ['an arrow split across chunks', ['x\u001b[', '1;5C'], [{ type: 'text', text: 'x' }, { type: 'other' }]],
    ['a tab is text', ['a\tb'], [{ type: 'text', text: 'a\tb' }]],
  ] as const)('%s', (_name, chunks, expected) => {
    expect(read(...chunks)).toEqual(expected);
  });

  it('delivers a bracketed paste whole, blank lines and all, with line breaks as LF', () => {
    const pasted = 'First paragraph,\rstill first.\r\rSecond paragraph.\r\n\r\nThird, with \u001b[31mescapes\u001b[0m kept.';
    expect(read(`\u001b[200~${pasted}\u001b[201~`)).toEqual([
      { type: 'paste', text: 'First paragraph,\nstill first.\n\nSecond paragraph.\n\nThird, with \u001b[31mescapes\u001b[0m kept.' },
    ]);
  });

  it('joins a paste split anywhere, even inside its end marker', () => {
    const whole = '\u001b[200~one\r\rtwo\u001b[201~after';
    for (let cut = 1; cut < whole.length; cut++) {
      for (let cut2 = cut + 1; cut2 < whole.length; cut2 += 3) {
        expect(read(whole.slice(0, cut), whole.slice(cut, cut2), whole.slice(cut2)), `cuts at ${cut}, ${cut2}`).toEqual([
          { type: 'paste', text: 'one\n\ntwo' },
          { type: 'text', text: 'after' },
        ]);
      }
    }
  });

  it('does not end a paste at Ctrl-C, Ctrl-D or Enter inside it', () => {
    expect(read('\u001b[200~a\u0003b\u0004c\rd\u001b[201~')).toEqual([{ type: 'paste', text: 'a\u0003b\u0004c\nd' }]);
  });

  it('says it is waiting only while an escape sequence outside a paste is unfinished', () => {
    const reader = new KeyReader();
    reader.feed('\u001b');
    expect(reader.waiting).toBe(true);
    expect(reader.flush()).toEqual([{ type: 'escape' }]);
    reader.feed('\u001b[200~abc');
    expect(reader.waiting).toBe(false);
  });
});
