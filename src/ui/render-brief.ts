import type { Question } from '../core/questions/schema.js';
import { sanitizeText } from '../core/text/sanitize.js';
import { columns, wrapText } from './text.js';
import type { Style } from './style.js';

/**
 * Wraps text line by line, keeping every line break: a line that fits is printed exactly as written (so the
 * columns of a plain-text table or calendar stay aligned), and only a line too long for `width` is wrapped.
 */
export function wrapKeepingLines(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').replace(/\t/g, '    ').replace(/^\n+|\s+$/g, '').split('\n');
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === '') out.push('');
    else if (columns(indent + line) <= width) out.push(indent + line);
    else {
      const lead = /^\s*/.exec(line)?.[0] ?? '';
      out.push(...wrapText(line.slice(lead.length), width, indent + lead, indent + lead));
    }
  }
  return out.join('\n');
}

/** A case exercise's scenario, shown under a heading before the question is asked; empty when there is none. */
export function renderBrief(q: Pick<Question, 'brief'>, width: number, style: Style): string {
  if (!q.brief || q.brief.trim() === '') return '';
  return `${style.heading('Brief')}\n${wrapKeepingLines(sanitizeText(q.brief), width, '  ')}`;
}
