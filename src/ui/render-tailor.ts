import type { TailorResult } from '../core/tailor/rank.js';
import { clean } from './render.js';
import type { Style } from './style.js';
import { wrapText } from './text.js';
import { plural } from '../core/text/plural.js';

export interface TailorScreen {
  width: number;
  style: Style;
  /** Who read the posting's lines: the words alone, or a model grader beside them. */
  reading?: 'words' | { model: string; origin: string };
}

/** One line of words, each made safe for a terminal and the whole kept on one line. */
function words(list: readonly string[]): string {
  return list.map((w) => clean(w).replace(/\s+/g, ' ')).join(', ');
}

/**
 * What `rmprep tailor` prints: the questions to practise, best first, each with the posting's words that
 * picked it; then the posting's themes with how many questions cover each; then the gaps.
 */
export function renderTailor(result: TailorResult, { width, style, reading }: TailorScreen): string {
  const out: string[] = [];
  out.push(style.heading(`Practise these first (${result.questions.length}):`));
  if (reading !== undefined && reading !== 'words') out.push(...wrapText(`The posting's lines were read by the model grader ${clean(reading.model)} (${clean(reading.origin)}) as well as by their words.`, width).map((l) => style.dim(l)));
  const rankWidth = String(result.questions.length).length;
  result.questions.forEach((q, i) => {
    const head = `${String(i + 1).padStart(rankWidth)}. `;
    const hang = ' '.repeat(head.length);
    out.push(`${head}${style.bold(q.id)} ${style.dim(`(${q.category})`)}`);
    out.push(...wrapText(clean(q.question).replace(/\s+/g, ' '), width, hang));
    const reason = q.bullet !== undefined ? `"${words(q.because)}"` : words(q.because);
    if (q.because.length > 0) out.push(...wrapText(`because the posting says: ${reason}`, width, hang).map((l) => style.dim(l)));
  });
  out.push('', style.heading('What the posting stresses:'));
  for (const theme of result.themes) {
    const covered = theme.questions.length > 0;
    const mark = covered ? style.good(plural(theme.questions.length, 'question')) : style.bad('no question');
    out.push(...wrapText(`${theme.label} (${mark}): ${words(theme.phrases)}`, width, '  - ', '    '));
  }
  if (result.themes.length === 0) out.push('  nothing from the release-management vocabulary; the ranking uses shared words only');
  if (result.gaps.length > 0) {
    out.push('', ...wrapText('Gaps: the bank has no question on these; prepare them on your own:', width, '', '').map((l) => style.heading(l)));
    // Bullets of the posting one to a line, each with the question that comes closest; then theme words and tools.
    for (const gap of result.gapDetails) {
      const closest = gap.nearest ? `closest: ${clean(gap.nearest.id)}` : '';
      const near = gap.byModel ? style.dim(` (the model grader names no question; by words, ${closest})`) : closest ? style.dim(` (${closest})`) : '';
      out.push(...wrapText(`"${clean(gap.text).replace(/\s+/g, ' ')}"${near}`, width, '  - ', '    '));
    }
    const quoted = new Set(result.gapDetails.map((g) => g.text));
    const rest = result.gaps.filter((g) => !quoted.has(g));
    if (rest.length > 0) out.push(...wrapText(`named here, in no question: ${words(rest)}`, width, '  - ', '    '));
  }
  return `${out.join('\n')}\n`;
}
