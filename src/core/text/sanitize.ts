/**
 * Makes text from an answer or a question file safe to print on a terminal: no escape sequences that
 * could move the cursor, retitle the window or hide text, and no bidi overrides that reorder what is shown.
 */

// ESC-introduced strings that run until a terminator: OSC (ESC ]), DCS (ESC P), SOS (ESC X), PM (ESC ^), APC (ESC _),
// ended by BEL or ST (ESC \), plus their 8-bit forms (0x9D, 0x90, 0x98, 0x9E, 0x9F ended by 0x9C).
// The body also stops at the next introducer: otherwise text full of unterminated introducers makes the
// match quadratic (seconds for 40 kB). What is left of an unterminated string loses its control
// characters below, so nothing harmful survives either way.
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x90\x98\x9c-\x9f]*(?:\x07|\x1b\\|\x9c)/g;
// The same strings, ESC-introduced, cut off before their terminator: a terminal would swallow the rest as
// payload (a window title), so it is dropped up to the end of the line or the next escape. (A lone 8-bit
// introducer in UTF-8 text is more likely a stray character than a sequence: only it goes, below.)
const UNTERMINATED_STRING = /\x1b[\]PX^_][^\x07\x1b\n]*/g;
// CSI: ESC [ or 0x9B, parameter and intermediate bytes, one final byte.
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
// Any other escape: ESC, optional intermediates, one final byte (ESC 7, ESC c, ESC ( B ...).
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
// Left over C0 (but \t and \n), DEL and C1 controls.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
// LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

// Every sequence above starts with one of these; text without any (nearly all text) is returned as it is.
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

export function sanitizeText(s: string): string {
  if (!UNSAFE.test(s)) return s;
  return s
    .replace(STRING_SEQUENCE, '')
    .replace(UNTERMINATED_STRING, '')
    .replace(CSI, '')
    .replace(OTHER_ESCAPE, '')
    .replace(/\r\n/g, '\n')
    .replace(CONTROL, '')
    .replace(BIDI, '');
}

/**
 * An outside value (an id, a path, a flag's value) as it may appear inside a one-line message: sanitized,
 * on one line, and cut with an ellipsis after `max` characters.
 */
export function clip(value: unknown, max = 80): string {
  const text = sanitizeText(String(value)).replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
