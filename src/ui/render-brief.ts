import type { Question } from '../core/questions/schema.js';
import { sanitizeText } from '../core/text/sanitize.js';
import { columns, wrapText } from './text.js';
import type { Style } from './style.js';

/**
 * Wraps a brief for the screen. Lines laid out by hand (a plain-text table or calendar: runs of spaces
 * between cells, a rule of dashes, a list item) are printed as written when they fit, so their columns stay
 * aligned; the lines of a plain paragraph are joined and wrapped to `width`, so an author's line breaks at
 * some other width leave no stray fragments.
 */
export function wrapKeepingLines(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/^\n+|\s+$/g, '').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) out.push(...wrapText(paragraph.join(' '), width, indent, indent));
    paragraph = [];
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === '') {
      flush();
      out.push('');
    } else if (!isLaidOut(line)) {
      paragraph.push(line.trim());
    } else {
      flush();
      if (columns(indent + line) <= width) out.push(indent + line);
      else {
        const lead = /^\s*/.exec(line)?.[0] ?? '';
        out.push(...wrapText(line.slice(lead.length), width, indent + lead, indent + lead));
      }
    }
  }
  flush();
  return out.join('\n');
}

function isLaidOut(line: string): boolean {
  return /\S {2,}\S/.test(line) || /^\s/.test(line) || /^[-=+|_ ]{3,}$/.test(line) || /^\s*(?:[-*•|]|\d+[.)])\s/.test(line);
}

/** A case exercise's scenario, shown under a heading before the question is asked; empty when there is none. */
export function renderBrief(q: Pick<Question, 'brief'>, width: number, style: Style): string {
  if (!q.brief || q.brief.trim() === '') return '';
  return `${style.heading('Brief')}\n${wrapKeepingLines(sanitizeText(q.brief), width, '  ')}`;
}
