import type { FollowUp, Question } from '../core/questions/schema.js';
import { sanitizeText } from '../core/text/sanitize.js';
import { columns, isNarrowText, wrapText } from './text.js';
import type { Style } from './style.js';
import { STAR_KEYS, STAR_LABELS } from '../core/questions/star-labels.js';
import { renderBrief } from './render-brief.js';

/** Wraps text to `width` columns, keeping paragraph breaks and list items, indenting every line. */
export function wrap(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  for (const paragraph of reflow(text)) {
    if (paragraph.trim() === '') {
      out.push('');
      continue;
    }
    const bullet = /^(\s*(?:[-*•]|\d+[.)])\s+)/.exec(paragraph)?.[1] ?? '';
    const hang = ' '.repeat(columns(bullet));
    out.push(...wrapText(paragraph.slice(bullet.length), width, indent + bullet, indent + hang));
  }
  return out.join('\n');
}

/**
 * Splits Markdown-ish text into the lines to wrap: the lines of one paragraph are joined, while blank
 * lines and list items keep their own line.
 */
function reflow(text: string): string[] {
  const out: string[] = [];
  let open = false;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      out.push('');
      open = false;
    } else if (/^\s*(?:[-*•]|\d+[.)])\s+/.test(line) || !open) {
      out.push(line);
      open = true;
    } else {
      out[out.length - 1] = `${out[out.length - 1]} ${line.trim()}`;
    }
  }
  return out;
}

/** Cuts text to `width` display columns, ending it with an ellipsis when anything was cut. */
export function truncate(text: string, width: number): string {
  if (columns(text) <= width) return text;
  // The usual case at once; the walk below gives the same for such text.
  if (isNarrowText(text)) return `${text.slice(0, Math.max(1, width - 1))}…`;
  let kept = '';
  let used = 0;
  for (const ch of text) {
    const size = columns(ch);
    if (kept !== '' && used + size > width - 1) break;
    kept += ch;
    used += size;
  }
  return `${kept}…`;
}

/** Text from a question pack, made safe for a terminal. */
export function clean(text: string): string {
  return sanitizeText(text);
}

export const CATEGORY_LABEL = { common: 'Common', behavioral: 'Behavioral', technical: 'Technical' } as const;

export interface CardOptions {
  width: number;
  style: Style;
  /** Leave out the model answer and what follows it (shown later in a drill). */
  questionOnly?: boolean;
}

export function renderQuestionHeader(q: Question, { width, style }: CardOptions): string {
  const meta = `${CATEGORY_LABEL[q.category]} · ${q.id} · ${'●'.repeat(q.difficulty)}${'○'.repeat(3 - q.difficulty)}`;
  const tags = q.tags.length > 0 ? ` · ${q.tags.map(clean).join(', ')}` : '';
  // Tags wrap onto indented lines rather than being cut: the last ones are as much the question's as the first.
  const header = wrapText(meta + tags, width, '', '  ').map((line) => style.dim(line));
  // A case exercise's scenario comes before the question, as a panel hands it over before asking.
  const brief = renderBrief(q, width, style);
  return [...header, ...(brief ? [brief, ''] : []), style.bold(wrap(clean(q.question), width))].join('\n');
}

/** Everything known about a question, laid out for a terminal. */
export function renderCard(q: Question, opts: CardOptions): string {
  const parts = [renderQuestionHeader(q, opts)];
  parts.push(...renderReveal(q, opts));
  return parts.join('\n\n') + '\n';
}

/** The parts shown after an answer: why, key points, structure, model answer, tip, follow-ups. */
export function renderReveal(q: Question, { width, style }: CardOptions): string[] {
  const parts: string[] = [];
  const section = (title: string, body: string) => parts.push(`${style.heading(title)}\n${body}`);
  if (q.why) section('Why they ask', wrap(clean(q.why), width, '  '));
  if (q.keyPoints.length > 0) section('Key points', q.keyPoints.map((k) => wrap(`- ${clean(k.point)}`, width, '  ')).join('\n'));
  if (q.star) {
    section(
      'STAR prompts',
      STAR_KEYS.map((k) => wrap(`- ${STAR_LABELS[k]}: ${clean(q.star![k])}`, width, '  ')).join('\n'),
    );
  }
  if (q.framework && q.framework.length > 0) section('Framework', q.framework.map((s, i) => wrap(`${i + 1}. ${clean(s)}`, width, '  ')).join('\n'));
  section('Model answer', wrap(clean(q.answer), width, '  '));
  if (q.tip) section('Tip', wrap(clean(q.tip), width, '  '));
  if (q.followUps.length > 0) section('Likely follow-ups', q.followUps.map((f) => renderFollowUp(f, width, style)).join('\n'));
  return parts;
}

/** A follow-up question, with its hint on the next line, dimmed, under the question's text. */
function renderFollowUp(f: FollowUp, width: number, style: Style): string {
  const item = wrap(`- ${clean(f.question)}`, width, '  ');
  return f.hint ? `${item}\n${style.dim(wrap(`Hint: ${clean(f.hint)}`, width, '    '))}` : item;
}

/** The widest a column other than the last may be: one long id must not push every row off the screen. */
const MAX_COLUMN = 40;

/** Below this many columns the last cell gets a line of its own, as a few letters of it tell nothing. */
const MIN_LAST_COLUMN = 20;

/**
 * A plain table: columns padded (cut past MAX_COLUMN), the last one truncated to fit; on a narrow
 * terminal the last cell goes on its own indented line under the others.
 */
export function renderTable(headers: string[], rows: string[][], width: number, style: Style): string {
  const widths = headers.map((h, i) => Math.min(MAX_COLUMN, rows.reduce((w, r) => Math.max(w, columns(r[i] ?? '')), columns(h))));
  const fixed = widths.slice(0, -1).reduce((a, b) => a + b + 2, 0);
  if (width - fixed < MIN_LAST_COLUMN && headers.length > 1) {
    const head = (cells: string[]) => cells.slice(0, -1).map((c, i) => pad(c, widths[i] ?? 0)).join('  ').trimEnd();
    const below = (cells: string[]) => `  ${truncate(cells[cells.length - 1] ?? '', Math.max(10, width - 2))}`;
    return [style.bold(`${head(headers)}\n${below(headers)}`), ...rows.map((r) => `${head(r)}\n${below(r)}`)].join('\n') + '\n';
  }
  const lastWidth = Math.max(10, width - fixed);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? truncate(c, lastWidth) : pad(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [style.bold(line(headers)), ...rows.map(line)].join('\n') + '\n';
}

function pad(cell: string, width: number): string {
  const cut = columns(cell) > width ? truncate(cell, width) : cell;
  return cut + ' '.repeat(Math.max(0, width - columns(cut)));
}
