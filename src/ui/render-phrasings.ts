import type { PhrasingRow } from '../core/phrasings/listing.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Style } from './style.js';
import { wrapText } from './text.js';

/** The phrasings as numbered entries: question and point, the taught words, and whether it is still used. */
export function renderPhrasings(rows: readonly PhrasingRow[], file: string, opts: { width: number; style: Style }): string {
  const { width, style } = opts;
  if (rows.length === 0) {
    return [
      ...wrapText('No phrasings yet. After feedback, teach one with:', width, '', ''),
      '  rmprep coach <id> --answer-file F --heard <point>',
      ...wrapText(`(kept in ${clean(file)})`, width, '', '').map((l) => style.dim(l)),
    ].join('\n');
  }
  const out: string[] = [];
  for (const r of rows) {
    const point = r.pointNumber !== undefined ? `point ${r.pointNumber}: ${clean(r.pointText ?? '')}` : `point ${clean(r.point)}`;
    out.push(...wrapText(`${r.n}. ${clean(r.question)}, ${point}`, width, '', '   '));
    out.push(...wrapText(`"${clean(r.sentence)}"`, width, '   ', '   ').map((l) => style.dim(l)));
    if (r.status === 'point-gone') out.push(...wrapText(`not used: the question no longer has point "${clean(r.point)}"`, width, '   ', '   ').map((l) => style.warn(l)));
    if (r.status === 'question-gone') out.push(...wrapText('not used: the question is not in the bank', width, '   ', '   ').map((l) => style.warn(l)));
  }
  out.push(...wrapText(`(kept in ${clean(file)}; forget one with: rmprep phrasings forget <n>)`, width, '', '').map((l) => style.dim(l)));
  return out.join('\n');
}

function clean(s: string): string {
  return sanitizeText(s).replace(/\s+/g, ' ').trim();
}
