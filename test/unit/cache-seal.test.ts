import { describe, expect, it } from 'vitest';
import { openSealed, openSealedLines, sealLine, sealText } from '../../src/core/cache-seal.js';

const TEXT = JSON.stringify({ v: 1, rows: [['release-process', 3, 'good', '2026-03-01T10:00:00Z', null]], note: 'ünïcode ✓' });

describe('a sealed cache', () => {
  it('opens to exactly the text sealed', () => {
    expect(openSealed(sealText(TEXT))).toBe(TEXT);
    expect(openSealed(sealText(''))).toBe('');
  });

  it('does not open after any single bit of it is flipped', () => {
    const sealed = sealText(TEXT);
    for (let at = 0; at < sealed.length; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const bad = Buffer.from(sealed);
        bad[at] = bad[at]! ^ (1 << bit);
        expect(openSealed(bad), `byte ${at} bit ${bit}`).toBeUndefined();
      }
    }
  });

  it('does not open truncated, zeroed, or with its tail zeroed', () => {
    const sealed = sealText(TEXT.repeat(40));
    expect(openSealed(sealed.subarray(0, sealed.length - 1))).toBeUndefined();
    expect(openSealed(sealed.subarray(0, 4))).toBeUndefined();
    expect(openSealed(Buffer.alloc(sealed.length))).toBeUndefined();
    const tail = Buffer.from(sealed);
    tail.fill(0, tail.length - 512);
    expect(openSealed(tail)).toBeUndefined();
  });

  it('in lines: opens every line, and refuses the file when one line is damaged', () => {
    const file = Buffer.from(`${sealLine('{"a":1}')}\n${sealLine('{"b":"two"}')}\n`);
    expect(openSealedLines(file)).toEqual(['{"a":1}', '{"b":"two"}']);
    const bad = Buffer.from(file);
    bad[bad.length - 3] = 0x5a;
    expect(openSealedLines(bad)).toBeUndefined();
  });
});
