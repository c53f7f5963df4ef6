import { type CoachReport, formatSpoken } from '../core/coach/index.js';
import { describeTarget } from '../core/coach/delivery.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Style } from './style.js';
import { columns, wrapText } from './text.js';

export interface RenderCoachOptions {
  width: number;
  style: Style;
}

const BAR_CELLS = 20;
const BAND_TEXT = { short: 'too short', ok: 'a good length', long: 'too long' } as const;
const MIN_WIDTH = 20;
/** How a covered point's evidence is introduced: the model's and the person's taught phrasings are marked. */
const HEARD_BY = { words: 'you said', model: '[model] heard in', 'your phrasing': '[your phrasing] heard in' } as const;

/** The coach's report as plain words for a terminal, wrapped to `width`; readable with color off. */
export function renderCoachReport(report: CoachReport, opts: RenderCoachOptions): string {
  const width = Math.max(MIN_WIDTH, Math.floor(opts.width) || 80);
  const { style } = opts;
  const out: string[] = [];
  const para = (text: string, first = '', rest = first) => out.push(...wrapText(text, width, first, rest));
  const heading = (text: string) => out.push(...wrapText(text, width).map((l) => style.heading(l)));

  // Score
  const filled = Math.round((report.score / 100) * BAR_CELLS);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
  const tone = report.score >= 70 ? style.good : report.score >= 40 ? style.warn : style.bad;
  const scoreLine = `Score ${report.score}/100${report.wordsScore === undefined ? '' : ` (words alone: ${report.wordsScore})`}`;
  out.push(
    width >= scoreLine.length + BAR_CELLS + 2 ? `${style.bold(scoreLine)}  ${tone(bar)}` : style.bold(scoreLine),
  );
  out.push('');

  // Talking points
  const covered = report.talkingPoints.filter((p) => p.covered).length;
  if (report.talkingPoints.length > 0) {
    heading(`Talking points: ${covered} of ${report.talkingPoints.length} covered`);
    for (const p of report.talkingPoints) {
      out.push(...markedLines(clean(p.point), p.covered, width, style));
      if (p.covered && p.evidence.length > 0) {
        const heard = p.evidence.map((e) => `"${clean(e)}"`).join(', ');
        out.push(...wrapText(`${HEARD_BY[p.heardBy ?? 'words']} ${heard}`, width, '      ', '      ').map((l) => style.dim(l)));
      }
    }
  } else {
    heading('Talking points: this question lists none');
  }
  if (report.keywordList.flagged) {
    para('Much of this answer is a bare list of terms. A point counts only where a sentence says something about it.', '  ');
  }
  out.push('');

  // Structure
  const { structure } = report;
  if (structure.kind === 'star') {
    heading('Story shape (STAR)');
    const parts = structure.parts.map((p) => `${p.name} ${p.present ? style.good('✓') : style.bad('✗')}`);
    out.push(...wrapSegments(parts, width, '  '));
    const outcome = structure.resultHasOutcome
      ? 'The result includes a concrete figure.'
      : 'No number, percentage or duration in the result yet.';
    para(outcome, '  ');
    out.push('');
  } else if (structure.kind === 'framework' && structure.parts.length > 0) {
    const touched = structure.parts.filter((p) => p.present).length;
    heading(`Steps of a good answer: ${touched} of ${structure.parts.length} touched`);
    for (const p of structure.parts) {
      out.push(...markedLines(clean(p.name), p.present, width, style));
    }
    out.push('');
  }

  // Specifics
  heading('Specifics');
  const numbers = report.specifics.numbers;
  para(numbers.length > 0 ? `Numbers: ${numbers.map(clean).join(', ')}` : 'Numbers: none; a figure makes a claim believable.', '  ', '    ');
  const tools = report.specifics.tools;
  para(tools.length > 0 ? `Tools and practices: ${tools.map(clean).join(', ')}` : 'Tools and practices: none named.', '  ', '    ');
  out.push('');

  // Ownership
  heading('Ownership');
  const { i, we } = report.ownership;
  const ownNote = report.structure.kind === 'star' && we > i ? ' Say more about what you did yourself.' : '';
  para(`"I" ${times(i)}, "we" ${times(we)}.${ownNote}`, '  ', '    ');
  out.push('');

  // Delivery
  heading('Delivery');
  const band = BAND_TEXT[report.delivery.band];
  const lengthLines = wrapText(
    `${report.delivery.words} words, ${formatSpoken(report.delivery.estimatedSeconds)} spoken (target ${describeTarget(report.delivery)}): ${band}`,
    width,
    '  ',
    '    ',
  );
  const paint = report.delivery.band === 'ok' ? style.good : style.warn;
  const last = lengthLines.length - 1;
  lengthLines[last] = (lengthLines[last] ?? '').replace(new RegExp(`${band}$`), paint(band));
  out.push(...lengthLines);
  const f = report.fillers;
  if (f.total === 0) para('Fillers: none.', '  ', '    ');
  else {
    const top = f.top.map((t) => `"${clean(t.word)}" ×${t.count}`).join(', ');
    para(`Fillers: ${f.total}, ${f.perMinute} per minute (${top})`, '  ', '    ');
  }
  out.push('');

  // Suggestions
  if (report.suggestions.length > 0) {
    heading('Next time');
    report.suggestions.forEach((s, k) => para(clean(s), `  ${k + 1}. `, '     '));
  }
  return out.join('\n').replace(/\n+$/, '');
}

/** "  ✓ text" (or ✗), wrapped under the text. */
function markedLines(text: string, ok: boolean, width: number, style: Style): string[] {
  const mark = ok ? style.good('✓') : style.bad('✗');
  return wrapText(text, width, '    ').map((l, i) => (i === 0 ? `  ${mark} ${l.slice(4)}` : l));
}

function times(n: number): string {
  return n === 1 ? 'once' : `${n} times`;
}

/** Text from the answer or the question: no terminal controls, on one line. */
function clean(s: string): string {
  return sanitizeText(s).replace(/\s+/g, ' ').trim();
}

/** Lays out already-styled short segments, separated by two spaces, wrapping between segments. */
function wrapSegments(segments: string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const seg of segments) {
    const w = columns(seg);
    if (line !== '' && columns(indent) + used + 2 + w > width) {
      lines.push(indent + line);
      line = '';
      used = 0;
    }
    line = line === '' ? seg : `${line}  ${seg}`;
    used += (used === 0 ? 0 : 2) + w;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

// Measuring and wrapping live in text.ts; re-exported for the renderer's callers and tests.
export { columns, wrapText };
