import type { QuestionData } from '../core/questions/schema.js';
import type { ChosenFollowUp, FollowUpJudgement } from '../core/practice/follow-up.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Style } from './style.js';
import { wrapText } from './text.js';

interface Screen {
  width: number;
  style: Style;
}

/** The interviewer's follow-up as asked: the question, and which point it is after when it names one. */
export function renderFollowUpQuestion(question: QuestionData, followUp: ChosenFollowUp, screen: Screen): string {
  const width = Math.max(20, Math.floor(screen.width) || 80);
  const out = wrapText(`Follow-up: ${sanitizeText(followUp.question)}`, width).map((l) => screen.style.heading(l));
  const point = pointText(question, followUp.probes);
  if (point) out.push(...wrapText(`(it probes: ${point})`, width, '  ').map((l) => screen.style.dim(l)));
  return `${out.join('\n')}\n`;
}

/** Whether the answer to a follow-up made the point it probes, with the words that made it. */
export function renderFollowUpJudgement(question: QuestionData, followUp: ChosenFollowUp, judged: FollowUpJudgement, screen: Screen): string {
  const width = Math.max(20, Math.floor(screen.width) || 80);
  const { style } = screen;
  const point = pointText(question, followUp.probes);
  let line: string;
  if (judged.heard === null) line = point ? `Follow-up answer not judged (given aloud): listen for "${point}".` : 'Follow-up answered; it probes no particular point.';
  else if (judged.heard) line = `${style.good('✓')} Follow-up recovered "${point}"`;
  else line = `${style.bad('✗')} Not heard in the follow-up answer: "${point}"`;
  const out = wrapText(line, width, '', '  ');
  if (judged.heard && judged.evidence.length > 0) {
    out.push(...wrapText(`you said ${judged.evidence.map((e) => `"${sanitizeText(e)}"`).join(', ')}`, width, '      ').map((l) => style.dim(l)));
  }
  return `${out.join('\n')}\n`;
}

function pointText(question: QuestionData, probes: string | null): string | undefined {
  if (probes === null) return undefined;
  const point = question.keyPoints.find((k) => k.id === probes)?.point;
  return sanitizeText(point ?? probes);
}

/** A follow-up saved with an attempt, for `history`: the question, its answer and whether its point was heard. */
export function renderSavedFollowUp(f: { question: string; probes: string | null; answer?: string | undefined; heard: boolean | null }, screen: Screen): string {
  const width = Math.max(20, Math.floor(screen.width) || 80);
  const { style } = screen;
  const heard = f.heard === null ? '' : f.heard ? ` ${style.good('✓ recovered')}` : ` ${style.bad('✗ not heard')}`;
  const out = wrapText(`Follow-up: ${sanitizeText(f.question)}${heard}`, width, '  ', '    ');
  if (f.answer !== undefined && f.answer.trim() !== '') {
    const text = sanitizeText(f.answer).trim();
    out.push(...wrapText(text.length > 300 ? `${text.slice(0, 300)}…` : text, width, '    '));
  }
  return `${out.join('\n')}\n`;
}
