/**
 * Teaching the coach a phrasing from the drill's feedback: the person picks a point it did not hear, then
 * the words of their answer that make it (closest first). The pair is saved as `coach --heard` saves it,
 * and the answer is read again, so the feedback shows the point heard by "your phrasing".
 */
import { analyzeAnswer } from '../coach/index.js';
import type { Phrasing } from '../coach/phrasings.js';
import type { PointCredit } from '../coach/merge-credits.js';
import type { CoachReport } from '../coach/types.js';
import { teachableSentences } from '../phrasings/candidates.js';
import type { Question } from '../questions/schema.js';

/** Saves one phrasing; gives every phrasing known after it, or one line saying why it could not be saved. */
export type SavePhrasing = (question: Question, answer: string, index: number, sentence: string) => { phrasings: Phrasing[]; file: string } | { problem: string };

export type TeachLine = { kind: 'taught'; number: number; sentence: string; file: string } | { kind: 'none'; text: string };

/** The part of the session's prompter the feedback screen needs; declared here to keep imports one way. */
interface FeedbackPrompter {
  /** Waits for a key before the reveal; 'teach' when the person asked to teach a phrasing (offered with `teach`). */
  waitBeforeReveal(opts?: { teach?: boolean }): Promise<void | 'teach'>;
  pickUnheardPoint?(points: readonly { number: number; text: string }[]): Promise<number | undefined>;
  pickTaughtSentence?(number: number, sentences: readonly string[]): Promise<string | undefined>;
}

interface FeedbackView {
  feedback(report: CoachReport): void | Promise<void>;
  /** One line about how teaching went: taught, or why nothing was. */
  taught?(line: TeachLine): void;
}

export interface TeachContext {
  prompter: FeedbackPrompter;
  view: FeedbackView;
  /** Undefined where phrasings cannot be saved: nothing is offered then. */
  save: SavePhrasing | undefined;
  bank: readonly Question[] | undefined;
  timeLimit: number | undefined;
  phrasings: readonly Phrasing[];
  /** A model grader's checked points: kept when the answer is read again after a phrasing is taught. */
  credits?: readonly PointCredit[];
  /** The person asked to teach before the wait (a `t` while the model grader was still thinking). */
  teachFirst?: boolean;
}

/** The model grader's points of a report, as credits that reading the answer again keeps. */
export function modelCredits(report: CoachReport): PointCredit[] {
  return report.talkingPoints.flatMap((p, k): PointCredit[] => (p.heardBy === 'model' ? [{ point: k, by: 'model', quote: p.evidence[0] ?? '' }] : []));
}

/**
 * The wait between the feedback and the reveal, where a key teaches the coach a phrasing (as often as the
 * person likes); gives the report and phrasings as they stand when the person goes on to the reveal.
 */
export async function waitOrTeach(question: Question, answer: string, report: CoachReport, ctx: TeachContext): Promise<{ report: CoachReport; phrasings: readonly Phrasing[] }> {
  let now = { report, phrasings: ctx.phrasings };
  for (let first = true; ; first = false) {
    const teachable = ctx.save !== undefined && ctx.prompter.pickUnheardPoint !== undefined && ctx.prompter.pickTaughtSentence !== undefined && now.report.talkingPoints.some((p) => !p.covered);
    const asked = first && ctx.teachFirst && teachable ? 'teach' : await ctx.prompter.waitBeforeReveal(teachable ? { teach: true } : undefined);
    if (asked !== 'teach' || !teachable) return now;
    const taught = await teachOne(question, answer, now, ctx);
    if (taught) {
      now = taught;
      await ctx.view.feedback(taught.report);
    }
  }
}

async function teachOne(question: Question, answer: string, { report, phrasings }: { report: CoachReport; phrasings: readonly Phrasing[] }, ctx: TeachContext): Promise<{ report: CoachReport; phrasings: Phrasing[] } | undefined> {
  const { prompter, view } = ctx;
  const unheard = report.talkingPoints.flatMap((p, k) => (p.covered ? [] : [{ number: k + 1, text: p.point }]));
  const number = await prompter.pickUnheardPoint?.(unheard);
  if (number === undefined) return undefined;
  const sentences = teachableSentences(question, answer, ctx.bank ?? [], number - 1, phrasings);
  if (sentences.length === 0) {
    view.taught?.({ kind: 'none', text: `No sentence of this answer has enough specific words to teach for point ${number}.` });
    return undefined;
  }
  const sentence = await prompter.pickTaughtSentence?.(number, sentences);
  if (sentence === undefined || ctx.save === undefined) return undefined;
  const saved = ctx.save(question, answer, number - 1, sentence);
  if ('problem' in saved) {
    view.taught?.({ kind: 'none', text: saved.problem });
    return undefined;
  }
  view.taught?.({ kind: 'taught', number, sentence, file: saved.file });
  return { report: analyzeAnswer(question, answer, ctx.bank, { timeLimit: ctx.timeLimit, credits: ctx.credits, phrasings: saved.phrasings }), phrasings: saved.phrasings };
}
