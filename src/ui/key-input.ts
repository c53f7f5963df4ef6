// Turns what a terminal in raw mode sends into editing events. Pure: the prompt feeds it decoded text.

export type KeyEvent =
  | { type: 'text'; text: string }
  | { type: 'paste'; text: string }
  | { type: 'enter' }
  | { type: 'backspace' }
  | { type: 'kill-line' }
  | { type: 'eof' }
  | { type: 'interrupt' }
  | { type: 'escape' }
  /** Any other key (arrows, function keys, Alt combinations): a key was pressed, nothing to insert. */
  | { type: 'other'; arrow?: 'up' | 'down' };

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

/**
 * A stateful reader of raw terminal input. Escape sequences and a bracketed paste may arrive split across
 * chunks, so an unfinished one is held until the next chunk; `flush()` then settles a lone Esc.
 */
export class KeyReader {
  private pending = '';
  private paste: string | undefined;

  feed(chunk: string): KeyEvent[] {
    const events: KeyEvent[] = [];
    const s = this.pending + chunk;
    this.pending = '';
    let text = '';
    const pushText = () => {
      if (text) events.push({ type: 'text', text });
      text = '';
    };
    let i = 0;
    while (i < s.length) {
      if (this.paste !== undefined) {
        const end = s.indexOf(PASTE_END, i);
        if (end === -1) {
          // Keep back a tail that may be the start of the end marker.
          const keep = partialSuffix(s, PASTE_END);
          this.paste += s.slice(i, s.length - keep);
          this.pending = s.slice(s.length - keep);
          return events;
        }
        events.push({ type: 'paste', text: normalizeNewlines(this.paste + s.slice(i, end)) });
        this.paste = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      const ch = s[i] as string;
      if (ch === '\u001b') {
        pushText();
        const length = escapeLength(s, i);
        if (length === 0) {
          this.pending = s.slice(i);
          return events;
        }
        const sequence = s.slice(i, i + length);
        if (sequence === PASTE_START) this.paste = '';
        else events.push(arrowEvent(sequence));
        i += length;
        continue;
      }
      const code = ch.charCodeAt(0);
      if (ch === '\r' || ch === '\n') {
        pushText();
        events.push({ type: 'enter' });
        i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      if (code < 0x20 || code === 0x7f) {
        pushText();
        const event = controlEvent(code);
        if (event) events.push(event);
        i += 1;
        continue;
      }
      text += ch;
      i += 1;
    }
    pushText();
    return events;
  }

  /** Called when no more input came for a moment: an unfinished escape sequence that is a lone Esc is the Esc key. */
  flush(): KeyEvent[] {
    const held = this.pending;
    this.pending = '';
    if (this.paste !== undefined) {
      this.paste += held;
      return [];
    }
    return held === '\u001b' ? [{ type: 'escape' }] : held ? [{ type: 'other' }] : [];
  }

  /** True while an escape sequence is unfinished, so the caller should wait briefly and then flush. */
  get waiting(): boolean {
    return this.pending !== '' && this.paste === undefined;
  }
}

/** Up and down arrows (normal and application cursor mode) move through lists; other sequences only count as a key. */
function arrowEvent(sequence: string): KeyEvent {
  if (sequence === '\u001b[A' || sequence === '\u001bOA') return { type: 'other', arrow: 'up' };
  if (sequence === '\u001b[B' || sequence === '\u001bOB') return { type: 'other', arrow: 'down' };
  return { type: 'other' };
}

function controlEvent(code: number): KeyEvent | undefined {
  switch (code) {
    case 0x03:
      return { type: 'interrupt' };
    case 0x04:
      return { type: 'eof' };
    case 0x08:
    case 0x7f:
      return { type: 'backspace' };
    case 0x15:
      return { type: 'kill-line' };
    case 0x09:
      return { type: 'text', text: '\t' };
    default:
      return { type: 'other' };
  }
}

/**
 * The length of the escape sequence at `i`, or 0 when the text ends before it does. CSI (ESC [ ... final),
 * SS3 (ESC O x), and ESC followed by one other character (Alt+key).
 */
function escapeLength(s: string, i: number): number {
  const next = s[i + 1];
  if (next === undefined) return 0;
  if (next === '[') {
    for (let j = i + 2; j < s.length; j++) {
      const c = s.charCodeAt(j);
      if (c >= 0x40 && c <= 0x7e) return j - i + 1;
      if (c < 0x20 || c > 0x3f) return j - i; // malformed: end it here
    }
    return 0;
  }
  if (next === 'O') return s[i + 2] === undefined ? 0 : 3;
  // ESC ESC: the first is a lone Esc key followed by another sequence; report it as a two-key Alt combo.
  return 2;
}

/** How many characters at the end of `s` are a proper prefix of `marker`. */
function partialSuffix(s: string, marker: string): number {
  for (let n = Math.min(marker.length - 1, s.length); n > 0; n--) {
    if (s.endsWith(marker.slice(0, n))) return n;
  }
  return 0;
}

/** Terminals send a pasted line break as CR; the answer keeps line breaks as LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
