import { columns, splitAtColumns } from './text.js';

/**
 * The answer prompt's top line: `? message  meter  hint`, fitted to `width`. The hint's first item is the
 * key that finishes the answer and is never cut: when the line is too long the other hint items go first
 * (from the end), then the message, then the meter.
 */
export function answerHeader(parts: { mark: string; message: string; meter: string; hint: readonly string[]; dim: (s: string) => string }, width: number): string {
  const room = Math.max(1, width - 1);
  const [finish = '', ...rest] = parts.hint;
  const hintOf = (n: number) => parts.dim([finish, ...rest.slice(0, n)].join(' · '));
  for (let n = rest.length; n >= 0; n--) {
    const line = `${parts.mark} ${parts.message}  ${parts.meter}  ${hintOf(n)}`;
    if (columns(line) <= room) return line;
  }
  const withMeter = `${parts.mark} ${parts.meter}  ${hintOf(0)}`;
  if (columns(withMeter) <= room) return withMeter;
  return `${parts.mark} ${hintOf(0)}`;
}

/**
 * One typed line as the rows it takes at `width`, broken between words (a word longer than a row is
 * split). Spaces are kept as typed, except those at a break, so the row ends where the next word starts.
 * Each row leaves the last column free, so the cursor after it never wraps on its own.
 */
export function wrapTyped(line: string, width: number, indent: string): string[] {
  const room = Math.max(1, width - 1 - columns(indent));
  const rows: string[] = [];
  let row = '';
  let used = 0;
  for (const token of line.split(/( +)/)) {
    if (token === '') continue;
    const size = columns(token);
    if (used + size <= room) {
      row += token;
      used += size;
      continue;
    }
    if (token.startsWith(' ')) {
      rows.push(row + ' '.repeat(room - used));
      row = '';
      used = 0;
      continue;
    }
    if (row !== '') rows.push(row);
    let word = token;
    while (columns(word) > room) {
      const [head, tail] = splitAtColumns(word, room);
      rows.push(head);
      word = tail;
    }
    row = word;
    used = columns(word);
  }
  rows.push(row);
  return rows.map((r) => indent + r);
}
