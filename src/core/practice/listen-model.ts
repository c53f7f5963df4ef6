/**
 * Waiting for a model grader beside the person, never in front of them: the words-only feedback is already on
 * screen; a key goes on without the model (and stops its request), a reply ends the wait, and Ctrl-C stops
 * both at once.
 */
import type { CoachReport } from '../coach/index.js';
import type { Question } from '../questions/schema.js';
import type { AttemptDraft } from '../history/schema.js';

/** The model's reading of one answer, ready to show and to keep with the attempt. */
export interface ModelGrading {
  /** The report with the model's checked points added (the words-only one when it added none or failed). */
  report: CoachReport;
  /** What the attempt keeps of it. */
  record: Pick<AttemptDraft, 'wordsScore' | 'reading' | 'credits'>;
  /** One line when the model could not be used. */
  notice: string | null;
}

export type GradeAnswer = (question: Question, answer: string, words: CoachReport, signal: AbortSignal) => Promise<ModelGrading>;

/** Waits for a key, or until `signal` ends the wait; true when a key was pressed, 'teach' for the key that teaches a phrasing. */
export type WaitForModel = (signal: AbortSignal) => Promise<boolean | 'teach'>;

/**
 * The model's reading when it came before a key; undefined when the person went on without it, 'teach' when
 * they went on to teach the coach a phrasing.
 */
export async function listenToModel(grade: GradeAnswer, wait: WaitForModel, question: Question, answer: string, words: CoachReport): Promise<ModelGrading | undefined | 'teach'> {
  const stop = new AbortController();
  const arrived = new AbortController();
  const pending = grade(question, answer, words, stop.signal)
    .catch((): undefined => undefined)
    .finally(() => arrived.abort());
  try {
    const key = await wait(arrived.signal);
    if (key !== false) {
      stop.abort();
      return key === 'teach' ? 'teach' : undefined;
    }
    return await pending;
  } catch (err) {
    // Ctrl-C at the wait: the request must not outlive it.
    stop.abort();
    throw err;
  }
}
