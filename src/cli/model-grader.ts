/**
 * The coach with a model grader beside it, when one is configured: the words-only report first, then the
 * grader's checked points added. Whatever the grader does (no reply, an error, nonsense), the result is the
 * words-only report and one notice line; nothing here throws because of the grader.
 */
import type { Phrasing } from '../core/coach/phrasings.js';
import { performance } from 'node:perf_hooks';
import { GraderUnavailable, httpGrader } from '../adapters/grader-http.js';
import { graderInput } from '../core/coach/grader.js';
import { type CoachReport, analyzeAnswer } from '../core/coach/index.js';
import { type StoredCredit, readWithModel } from '../core/coach/model-reading.js';
import { readAnswer } from '../core/coach/reading.js';
import { verifyCredits } from '../core/coach/verify-credits.js';
import type { GradeAnswer } from '../core/practice/listen-model.js';
import type { QuestionData } from '../core/questions/schema.js';
import type { Tells } from '../core/stories/must-tell.js';
import type { GraderSetup } from './grader-config.js';

/** What `coach --json` says of the grader. */
export interface GraderSummary {
  used: boolean;
  model: string | null;
  latencyMs: number | null;
  droppedQuotes: number;
  notice: string | null;
}

export interface GradedAnswer {
  report: CoachReport;
  grader: GraderSummary;
  /** For the history: the words-only score, the reading used and the model's checked credits. */
  wordsScore: number;
  reading: 'words' | { model: string; origin: string };
  credits: StoredCredit[];
}

export function wordsOnly(report: CoachReport, notice: string | null = null): GradedAnswer {
  return {
    report,
    grader: { used: false, model: null, latencyMs: null, droppedQuotes: 0, notice },
    wordsScore: report.wordsScore ?? report.score,
    reading: 'words',
    credits: [],
  };
}

/** Why the grader's reading is missing, built from the origin only: the key and the URL's path never reach a message. */
export function unavailableNotice(err: unknown, origin: string): string {
  return err instanceof GraderUnavailable ? err.message : `model grader unavailable: an unexpected failure at ${origin}; showing the words-only reading`;
}

/** The words-only report, then the grader's points added to it when a grader is configured and answers. */
export async function gradeAnswer(
  setup: GraderSetup,
  question: QuestionData,
  answer: string,
  bank: readonly QuestionData[] | undefined,
  opts: { timeLimit?: number | undefined; signal?: AbortSignal | undefined; words?: CoachReport | undefined; phrasings?: readonly Phrasing[] | undefined } = {},
): Promise<GradedAnswer> {
  const words = opts.words ?? analyzeAnswer(question, answer, bank, { timeLimit: opts.timeLimit });
  // Nothing to grade without key points: no request is made.
  if (setup.kind === 'off' || question.keyPoints.length === 0) return wordsOnly(words);
  if (setup.kind === 'broken') return wordsOnly(words, setup.notice);
  const { config } = setup;
  const started = performance.now();
  try {
    const grader = httpGrader(config);
    const reply = await grader.grade(graderInput(question, answer), opts.signal ?? new AbortController().signal);
    const latencyMs = Math.round(performance.now() - started);
    const read = readWithModel(question, answer, reply, bank, { timeLimit: opts.timeLimit, phrasings: opts.phrasings });
    return {
      report: read.report,
      grader: { used: true, model: config.model, latencyMs, droppedQuotes: read.droppedQuotes, notice: null },
      wordsScore: read.report.wordsScore ?? read.report.score,
      reading: { model: config.model, origin: config.origin },
      credits: read.credits,
    };
  } catch (err) {
    return wordsOnly(words, unavailableNotice(err, config.origin));
  }
}

/** The drill's grader: each typed answer read beside the words-only feedback; none when no grader is configured. */
export function sessionGrader(setup: GraderSetup, bank: readonly QuestionData[], timeLimit: number | undefined, phrasings?: readonly Phrasing[]): GradeAnswer | undefined {
  if (setup.kind === 'off') return undefined;
  return async (question, answer, words, signal) => {
    const g = await gradeAnswer(setup, question, answer, bank, { timeLimit, signal, words, phrasings });
    return { report: g.report, record: { wordsScore: g.wordsScore, reading: g.reading, ...(g.credits.length > 0 ? { credits: g.credits } : {}) }, notice: g.grader.notice };
  };
}

/**
 * A story's must-tell element read by the model grader where the words did not find it: one request whose
 * only point is the element, its quote checked against the story as any point's is. The words' reading
 * (unchanged) when no grader is configured, it cannot be reached, or its quote does not hold.
 */
export async function tellsWithModel(setup: GraderSetup, question: QuestionData, story: string, words: Tells): Promise<{ tells: Tells; notice: string | null }> {
  if (words.found !== null || setup.kind !== 'on') return { tells: words, notice: null };
  const element: QuestionData = { ...question, keyPoints: [{ id: 'must-tell', point: `The story tells ${words.what}`, terms: [] }], answer: '-' };
  try {
    const reply = await httpGrader(setup.config).grade(graderInput(element, story), new AbortController().signal);
    const [credit] = verifyCredits(readAnswer(story), reply, { points: 1 }).credits;
    return { tells: credit ? { ...words, found: credit.quote, heardBy: 'model' } : words, notice: null };
  } catch (err) {
    return { tells: words, notice: unavailableNotice(err, setup.config.origin) };
  }
}
