import { renderFollowUpJudgement, renderFollowUpQuestion } from './render-follow-up.js';
import type { CoachReport } from '../core/coach/types.js';
import type { Rating } from '../core/history/schema.js';
import type { Outcome, SessionView } from '../core/practice/session.js';
import { clock } from './clock.js';
import { wrapText } from './text.js';
import { describeDue } from './due-text.js';
import { RATING_WORD } from './rating-words.js';
import { renderModelPoints, renderModelSummary } from './render-model-points.js';
import { renderCoachReport } from './render-coach.js';
import { renderQuestionScreen, renderSessionStart } from './render-question-screen.js';
import { renderReveal } from './render.js';
import { clip, sanitizeText } from '../core/text/sanitize.js';
import type { Style } from './style.js';
import { plural } from '../core/text/plural.js';
import { comparableScores } from '../core/history/score-reading.js';

export interface ScreenOptions {
  width: number;
  style: Style;
}

const BEST_FIRST: readonly Rating[] = ['easy', 'good', 'hard', 'again'];

/** The lines after a session: per category, how many answers got which rating, and the coach's average score. */
export function renderSessionSummary(outcomes: readonly Outcome[], { style }: ScreenOptions): string {
  if (outcomes.length === 0) return style.dim('No answers rated this time.\n');
  const lines = [style.heading(`Session summary: ${outcomes.length} answered`)];
  const byCategory = new Map<string, Outcome[]>();
  for (const o of outcomes) byCategory.set(o.question.category, [...(byCategory.get(o.question.category) ?? []), o]);
  for (const [category, list] of byCategory) {
    // Counts, not a mean of 1..4: "1 Good, 1 Again" says what happened; "2.0 of 4" does not.
    const rated = BEST_FIRST.map((rating) => [list.filter((o) => o.rating === rating).length, RATING_WORD[rating]] as const)
      .filter(([n]) => n > 0)
      .map(([n, word]) => (list.length === 1 ? word : `${n} ${word}`));
    // Shown scores when one reading gave them all, else the words-only ones: a mix would not average.
    const scores = comparableScores(list).filter((s): s is number => s !== undefined);
    const score = scores.length > 0 ? ` · coach score ${Math.round(scores.reduce((a, b) => a + b, 0) / scores.length)}/100` : '';
    lines.push(`  ${category.padEnd(11)} ${list.length} answered, rated ${rated.join(', ')}${score}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface StopInfo {
  /** Answers saved this session, and the session to review when there are any. */
  saved: number;
  sessionId: string | undefined;
  /** A written answer that was not saved yet, and the file it was kept in (none when no folder took it). */
  unsaved?: { questionId: string; text: string; file: string | undefined; followUps?: string[]; followUpFile?: string | undefined } | undefined;
}

/**
 * What Ctrl-C leaves on screen: what was saved and where an unsaved answer went. Commands and paths stand
 * on their own indented lines, so a narrow terminal never breaks a word of the sentence around them.
 */
export function renderStopped({ saved, sessionId, unsaved }: StopInfo, { style }: Pick<ScreenOptions, 'style'>): string {
  const done =
    sessionId && saved > 0
      ? `Stopped. ${plural(saved, 'answer')} saved this session. Review ${saved === 1 ? 'it' : 'them'} with:\n  rmprep report --session ${sessionId}\n`
      : 'Stopped. No answers saved this session.\n';
  if (!unsaved) return `\n${done}`;
  const followUps = unsaved.followUps?.filter((t) => t.trim() !== '') ?? [];
  // No folder took a file: the text itself is the only copy left, so it goes on screen.
  const followUpLine =
    followUps.length === 0
      ? ''
      : unsaved.followUpFile === undefined
        ? `Your follow-up answer could not be written to a file; here it is:\n${sanitizeText(followUps.join('\n\n'))}\n`
        : `Your follow-up answer is kept in:\n  ${sanitizeText(unsaved.followUpFile)}\n`;
  if (unsaved.file === undefined) {
    return `\n${done}Your unsaved answer could not be written to a file; here it is:\n${sanitizeText(unsaved.text)}\n${followUpLine}`;
  }
  // Shown whole, never cut: the path is what finds the answer again.
  const file = sanitizeText(unsaved.file);
  return `\n${done}Your unsaved answer is kept in:\n  ${file}\n${followUpLine}${style.dim(`Feedback on it:\n  rmprep coach ${clip(unsaved.questionId)} --answer-file ${shellWord(file)}`)}\n`;
}

/** A path as one shell word: quoted when it holds anything but the usual path characters. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export interface SessionScreenOptions extends ScreenOptions {
  /** Rows of the terminal now (it may be resized during a session). */
  rows(): number;
  /** Shows a one-line message, waits for a key and erases the line; returns the key's text. */
  waitKey(message: string): Promise<string>;
}

/** The drill's screen: writes each step of a session to `out`, a page at a time where it is long. */
export function createSessionView(out: { write(text: string): unknown }, opts: SessionScreenOptions): SessionView {
  const { style, width } = opts;
  // Rows of the feedback when it went out whole, with nothing written after it: a model's reply can then
  // redraw it in place. Undefined once it was paged or anything else was written.
  let redrawable: number | undefined;
  const page = async (text: string) => {
    const lines = text.split('\n');
    const size = Math.max(5, opts.rows() - 2);
    for (let start = 0; start < lines.length; start += size) {
      const last = start + size >= lines.length;
      out.write(`${lines.slice(start, start + size).join('\n')}${last ? '' : '\n'}`);
      if (last) break;
      const key = await opts.waitKey(style.dim(`-- ${Math.min(100, Math.round(((start + size) / lines.length) * 100))}% -- Space or Enter: more · q: skip the rest`));
      if (key === 'q' || key === 'Q') {
        out.write(style.dim('(rest skipped)\n'));
        break;
      }
    }
  };
  const feedbackText = (report: CoachReport) => `\n${style.heading('Feedback on your answer')}\n${renderCoachReport(report, { width, style })}\n`;
  return {
    start({ plan, count }) {
      out.write(renderSessionStart(plan, count, style, width));
    },
    question(question, index, total) {
      out.write(renderQuestionScreen(question, index, total, opts));
    },
    stories(hints) {
      const list = hints.map((h) => `${clip(h.slug)} (${clip(h.title)}, ${Math.round(h.fit * 100)}%)`).join('; ');
      out.write(style.accent(`Your stories that fit: ${list}\n`));
    },
    overTime({ seconds, limit, spoken }) {
      const over = clock(seconds - limit);
      out.write(
        style.warn(
          spoken
            ? `Over the time limit by ${over}: you spoke for ${clock(seconds)} of ${clock(limit)}.\n`
            : `Said aloud, this answer takes about ${clock(seconds)}: ${over} over your ${clock(limit)} limit.\n`,
        ),
      );
    },
    followUp(question, followUp) {
      // Which point it probes is kept back until the feedback, as an interviewer would.
      out.write(`\n${style.accent('The interviewer asks back.')}\n${renderFollowUpQuestion(question, { ...followUp, probes: null }, opts)}`);
    },
    followUpFeedback(question, followUps) {
      redrawable = undefined;
      for (const f of followUps) {
        out.write(`${renderFollowUpQuestion(question, f, opts)}${renderFollowUpJudgement(question, f, f, opts)}`);
      }
    },
    async feedback(report: CoachReport) {
      const text = feedbackText(report);
      const rows = text.split('\n').length - 1;
      await page(text);
      redrawable = rows < Math.max(5, opts.rows() - 2) ? rows : undefined;
    },
    modelFeedback(graded) {
      const rows = redrawable;
      redrawable = undefined;
      const added = graded.report.talkingPoints.filter((p) => p.heardBy === 'model').length;
      // Still on screen: the feedback is written again with the model's points in their places, marked.
      if (rows !== undefined && rows < opts.rows() && graded.notice === null && added > 0) {
        out.write(`\u001b[${rows}A\r\u001b[J${feedbackText(graded.report)}${renderModelSummary(graded.report, { width, style })}`);
        return;
      }
      out.write(renderModelPoints(graded.report, graded.notice, { width, style }));
    },
    spokenLength(seconds, limit) {
      if (limit !== undefined) {
        out.write(style.dim(`You spoke for ${clock(seconds)}, within your ${clock(limit)}.\n`));
        return;
      }
      out.write(style.dim(`You spoke for ${clock(seconds)}${seconds < 60 ? ' — aim for one to three minutes' : seconds > 180 ? ' — try to land it within three minutes' : ''}.\n`));
    },
    reveal(question) {
      // The model answer first: paging can then stop after it, and the rest is there for who wants it.
      const parts = renderReveal(question, opts);
      const model = parts.findIndex((p) => p.includes('Model answer\n'));
      const ordered = model > 0 ? [parts[model] as string, ...parts.slice(0, model), ...parts.slice(model + 1)] : parts;
      return page(`\n${ordered.join('\n\n')}\n\n`);
    },
    taught(line) {
      if (line.kind === 'none') {
        out.write(style.warn(`${sanitizeText(line.text)}\n`));
        return;
      }
      const said = `Point ${line.number} taught with your words: "${sanitizeText(line.sentence)}" (saved in ${sanitizeText(line.file)}).`;
      out.write(`${wrapText(said, width, '', '').map((l) => style.good(l)).join('\n')}\n`);
    },
    saved(attempt, now) {
      out.write(style.dim(`Saved. Next review: ${attempt.card ? describeDue(attempt.card.due, now) : 'soon'}.\n`));
    },
  };
}
