import type { CoachReport } from '../core/coach/index.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Style } from './style.js';
import { wrapText } from './text.js';

/** What a model grader added to the feedback already on screen, marked as the model's; or why it could not. */
export function renderModelPoints(report: CoachReport, notice: string | null, opts: { width: number; style: Style }): string {
  const { width, style } = opts;
  if (notice) return `${wrapText(sanitizeText(notice), width).map((l) => style.dim(l)).join('\n')}\n`;
  const added = report.talkingPoints.filter((p) => p.heardBy === 'model');
  if (added.length === 0) return `${style.dim('The model grader heard no point the words did not.')}\n`;
  const out = [renderModelSummary(report, opts).trimEnd()];
  for (const p of added) {
    out.push(...wrapText(`[model] ${style.good('✓')} ${sanitizeText(p.point)}`, width, '  ', '      '));
    const heard = p.evidence.map((e) => `"${sanitizeText(e)}"`).join(', ');
    out.push(...wrapText(`heard in ${heard}`, width, '      ', '      ').map((l) => style.dim(l)));
  }
  return `${out.join('\n')}\n`;
}

/** One line under feedback that now holds the model's points: how many it added and the two scores. */
export function renderModelSummary(report: CoachReport, { width, style }: { width: number; style: Style }): string {
  const added = report.talkingPoints.filter((p) => p.heardBy === 'model').length;
  const line = `The model grader heard ${added} more: score ${report.score}/100 (words alone: ${report.wordsScore ?? report.score})`;
  return `${wrapText(line, width).map((l) => style.heading(l)).join('\n')}\n`;
}
