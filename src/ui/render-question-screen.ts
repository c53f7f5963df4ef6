import type { Question } from '../core/questions/schema.js';
import { clip } from '../core/text/sanitize.js';
import { plural } from '../core/text/plural.js';
import { renderQuestionHeader, wrap, type CardOptions } from './render.js';
import type { Style } from './style.js';

// The drill's opening screen, apart from the rest of the session view: the start-up path prints it
// before the session's modules are loaded, and the session view prints the same text.

/** The line a session opens with. */
export function renderSessionStart(plan: string | undefined, count: number, style: Style, width?: number): string {
  const planText = plan ? `Plan: ${clip(plan)}. ` : '';
  const line = `${planText}${plural(count, 'question')}. Ctrl-C quits at any time; every rated answer is already saved.`;
  return style.dim(`${width === undefined ? line : wrap(line, width)}\n`);
}

/** A question as the drill asks it: its number, category line, text and how to shape the answer. */
export function renderQuestionScreen(question: Question, index: number, total: number, opts: CardOptions): string {
  const { style } = opts;
  let text = `\n${style.heading(`Question ${index + 1} of ${total}`)}\n${renderQuestionHeader(question, opts)}\n`;
  // Wrapped here, not by the terminal: a hint cut mid-word at 60 columns reads as a typo.
  if (question.category === 'behavioral') text += style.dim(`${wrap('Tell it as a story: situation, task, what you did, and the result in numbers.', opts.width)}\n`);
  if (question.framework) text += style.dim(`${wrap('Think it through step by step and name the tradeoffs.', opts.width)}\n`);
  return text;
}
