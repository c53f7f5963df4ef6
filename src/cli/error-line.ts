import { sanitizeText } from '../core/text/sanitize.js';

/**
 * The longest message and hint printed for an error the user can act on: a safety net, as outside values
 * are cut where they are put in a message. A hint may name a rescue file, so it may be longer.
 */
const MAX_MESSAGE = 300;
const MAX_HINT = 400;

/**
 * An error as people read it: `rmprep: message (hint)`. Cut only between words, never inside one. With a
 * width (stderr is a terminal), laid out in lines of at most that many columns, breaking between words; a
 * word longer than a line (a path) takes a line of its own, whole. Without one, it stays one line for scripts.
 */
export function formatErrorText(message: string, hint: string | undefined, width?: number): string {
  const text = `rmprep: ${clipWords(message, MAX_MESSAGE)}${hint ? ` (${clipWords(hint, MAX_HINT)})` : ''}`;
  return `${width === undefined ? text : wrapWords(text, width).join('\n')}\n`;
}

/**
 * At most `max` characters, cut at the last space that fits and marked with …. Only a run of text with
 * no space for 60 characters (outside junk, never a word of rmprep's) is cut inside.
 */
export function clipWords(value: string, max: number): string {
  const text = sanitizeText(value).replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max - 1);
  if (space < max - 60) return `${text.slice(0, max - 1)}…`;
  return `${text.slice(0, space).replace(/[;,:(]+$/, '')} …`;
}

/** Lines of at most `width` columns, broken between words only. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
