import { sanitizeText } from '../text/sanitize.js';

/**
 * Escapes text from a question pack or an answer so that Markdown shows it literally: no emphasis, links,
 * HTML or table breaks sneak in. Newlines become spaces: use it for one-line places (headings, list items, cells).
 */
export function escapeMarkdownInline(text: string): string {
  const line = sanitizeText(text).replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' ').trim();
  return escapeLineStart(escapeChars(line));
}

/** Escapes a multi-line text, keeping its paragraphs and lines; for blockquotes and body text. */
export function escapeMarkdownBlock(text: string): string[] {
  return sanitizeText(text)
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : escapeLineStart(escapeChars(line.trim()))));
}

/** A table cell: inline escaping, and the pipe is already escaped by it. */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdownInline(text) || ' ';
}

function escapeChars(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** Characters that only mean something at the start of a line: headings, quotes, lists, rules. */
function escapeLineStart(s: string): string {
  return s
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}
