// Measuring and wrapping text for a terminal. Shared by every renderer.

/** Our own color codes; text from packs and answers is sanitized before it gets here. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Below U+1100 nothing is wide and every character is one UTF-16 unit, so one column each. This covers
 * the usual text (ASCII with a '·' or an accent) without walking it a character at a time.
 */
const NARROW = /^[\0-\u10ff]*$/;

/** True when each UTF-16 unit of the text is one column: nothing wide, no color codes. */
export function isNarrowText(text: string): boolean {
  return !text.includes('\u001b') && NARROW.test(text);
}

/** Display columns of text: color codes take none, wide East Asian characters and emoji take two. */
export function columns(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  if (NARROW.test(plain)) return plain.length;
  let n = 0;
  for (const ch of plain) n += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return n;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * Greedy word wrap of one paragraph; `first` and `rest` prefix the first and following lines, and every
 * line fits in `width` columns prefix included. Words longer than a line are split.
 */
export function wrapText(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let prefix = first;
  let room = Math.max(1, width - columns(prefix));
  let line = '';
  let used = 0;
  const flush = () => {
    lines.push(prefix + line);
    prefix = rest;
    room = Math.max(1, width - columns(prefix));
    line = '';
    used = 0;
  };
  // Plain ASCII text (nearly every paragraph) is measured by length, without a look at each word.
  const ascii = /^[\t\x20-\x7e]*$/.test(text);
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    let w = word;
    let size = ascii ? w.length : columns(w);
    if (line !== '' && used + 1 + size <= room) {
      line = `${line} ${w}`;
      used += 1 + size;
      continue;
    }
    if (line !== '') flush();
    while (size > room) {
      const [head, tail] = splitAtColumns(w, room);
      line = head;
      flush();
      w = tail;
      size = columns(w);
    }
    line = w;
    used = size;
  }
  if (line !== '' || lines.length === 0) flush();
  return lines;
}

export function splitAtColumns(word: string, cols: number): [string, string] {
  let used = 0;
  let cut = 0;
  const chars = [...word];
  for (const ch of chars) {
    const w = isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (used + w > cols && cut > 0) break;
    used += w;
    cut++;
  }
  return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
}
