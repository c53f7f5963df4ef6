import type { CoachReport } from '../core/coach/types.js';
import { RATING_VALUE } from '../core/history/schema.js';
import type { Outcome, SessionView } from '../core/practice/session.js';
import { clock } from './clock.js';
import { renderCoachReport } from './render-coach.js';
import { renderQuestionHeader, renderReveal } from './render.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Style } from './style.js';

export interface ScreenOptions {
  width: number;
  style: Style;
}

/** When a card is next due, in words: "in 10 minutes", "in 5 hours", "in 3 days (2026-12-02)". */
export function describeDue(due: string, now: Date): string {
  const minutes = (Date.parse(due) - now.getTime()) / 60_000;
  if (minutes < 60) return `in ${Math.max(1, Math.round(minutes))} minute${Math.round(minutes) === 1 ? '' : 's'}`;
  if (minutes < 48 * 60) return `in ${Math.round(minutes / 60)} hours`;
  return `in ${Math.round(minutes / 1440)} days (${due.slice(0, 10)})`;
}

/** The lines after a session: answers and average rating per category. */
export function renderSessionSummary(outcomes: readonly Outcome[], { style }: ScreenOptions): string {
  if (outcomes.length === 0) return style.dim('No answers rated this time.\n');
  const lines = [style.heading(`Session summary: ${outcomes.length} answered`)];
  const byCategory = new Map<string, Outcome[]>();
  for (const o of outcomes) byCategory.set(o.question.category, [...(byCategory.get(o.question.category) ?? []), o]);
  for (const [category, list] of byCategory) {
    const avg = list.reduce((a, o) => a + RATING_VALUE[o.rating], 0) / list.length;
    const scores = list.map((o) => o.score).filter((s): s is number => s !== undefined);
    const score = scores.length > 0 ? ` · coach score ${Math.round(scores.reduce((a, b) => a + b, 0) / scores.length)}` : '';
    lines.push(`  ${category.padEnd(11)} ${list.length} answered · avg rating ${avg.toFixed(1)}/4${score}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The drill's screen: writes each step of a session to `out`. */
export function createSessionView(out: { write(text: string): unknown }, opts: ScreenOptions): SessionView {
  const { style, width } = opts;
  return {
    start({ plan, count }) {
      const planText = plan ? `Plan: ${sanitizeText(plan)}. ` : '';
      out.write(style.dim(`${planText}${count} question${count === 1 ? '' : 's'}. Ctrl-C quits at any time; every rated answer is already saved.\n`));
    },
    question(question, index, total) {
      out.write(`\n${style.heading(`Question ${index + 1} of ${total}`)}\n${renderQuestionHeader(question, opts)}\n`);
      if (question.category === 'behavioral') out.write(style.dim('Tell it as a story: situation, task, what you did, and the result in numbers.\n'));
      if (question.framework) out.write(style.dim('Think it through step by step and name the tradeoffs.\n'));
    },
    overTime(seconds, limit) {
      out.write(style.warn(`Over the time limit by ${clock(seconds - limit)}.\n`));
    },
    feedback(report: CoachReport) {
      out.write(`\n${style.heading('Feedback on your answer')}\n${renderCoachReport(report, { width, style })}\n`);
    },
    spokenLength(seconds) {
      out.write(style.dim(`You spoke for ${clock(seconds)}${seconds < 60 ? ' — aim for one to three minutes' : seconds > 180 ? ' — try to land it within three minutes' : ''}.\n`));
    },
    reveal(question) {
      out.write(`\n${renderReveal(question, opts).join('\n\n')}\n\n`);
    },
    saved(attempt, now) {
      out.write(style.dim(`Saved. Next review: ${attempt.card ? describeDue(attempt.card.due, now) : 'soon'}.\n`));
    },
  };
}
