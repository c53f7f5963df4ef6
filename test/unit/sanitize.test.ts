import { describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/core/text/sanitize.js';

const ESC = '\u001b';

describe('sanitizeText', () => {
  it.each([
    ['plain text', 'Rolled back in 6 minutes.', 'Rolled back in 6 minutes.'],
    ['newlines and tabs', 'line one\n\tline two', 'line one\n\tline two'],
    ['non-English letters', 'Überwachung, 監視, мониторинг', 'Überwachung, 監視, мониторинг'],
    ['CSI color', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['CSI cursor movement and erase', `a${ESC}[2J${ESC}[1;1Hb${ESC}[?25l`, 'ab'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['OSC title ended by BEL', `${ESC}]0;owned${'\u0007'}text`, 'text'],
    ['OSC hyperlink ended by ST', `${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\`, 'link'],
    ['8-bit OSC ended by 8-bit ST', 'a\u009d0;title\u009cb', 'ab'],
    ['DCS', `a${ESC}Pq#0;2;0;0;0${ESC}\\b`, 'ab'],
    ['APC and PM', `a${ESC}_hidden${ESC}\\b${ESC}^private${ESC}\\c`, 'abc'],
    ['single-character escapes', `a${ESC}7b${ESC}8c${ESC}cd${ESC}(Be`, 'abcde'],
    ['unterminated OSC: its payload goes, up to the end of the line', `a${ESC}]0;title\nb`, 'a\nb'],
    ['lone ESC', `a${ESC}`, 'a'],
    ['C0 controls', 'a\u0000b\u0007c\u0008d\u000be\u000cf\u007fg', 'abcdefg'],
    ['C1 controls', 'a\u0085b\u0090c\u009fd', 'abcd'],
    ['lone CR', 'progress 10%\rprogress 99%', 'progress 10%progress 99%'],
    ['CRLF becomes LF', 'one\r\ntwo', 'one\ntwo'],
    ['bidi overrides', 'a\u202eevil\u202c b\u202a\u202b\u202d', 'aevil b'],
    ['bidi isolates', '\u2066x\u2067y\u2068z\u2069', 'xyz'],
  ])('%s', (_, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('leaves no escape, control or bidi character in any input', () => {
    let all = '';
    for (let cp = 0; cp < 0x2100; cp++) all += String.fromCharCode(cp);
    const out = sanitizeText(all + ESC + '[' + ESC + ']' + '\u202e');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('is idempotent', () => {
    const nasty = `x${ESC}[${ESC}]0;${ESC}[31m${'\u0007'}y\r\u202e`;
    expect(sanitizeText(sanitizeText(nasty))).toBe(sanitizeText(nasty));
  });

  it('copes with 1 MB of escape-heavy input', () => {
    const big = `${ESC}]`.repeat(250_000) + `${ESC}[`.repeat(250_000);
    const start = performance.now();
    expect(sanitizeText(big)).not.toContain(ESC);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
