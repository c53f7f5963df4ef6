import type { Prompter, SessionView, TakenAnswer } from '../core/practice/session.js';
import type { Question } from '../core/questions/schema.js';
import { interruptedDraft, type LivePrompter } from '../ui/prompts.js';

/** A written answer the history does not hold yet: typed, then stopped before its rating was saved. */
export interface UnsavedAnswer {
  questionId: string;
  text: string;
  /** What was typed to the interviewer's follow-ups so far (the one being typed included), in order. */
  followUps?: string[];
}

export interface WatchedSession {
  prompter: Prompter;
  view: SessionView;
  /** After a Ctrl-C: the answer it would lose, from the prompt it stopped or from a step after it. */
  unsaved(err: unknown): UnsavedAnswer | undefined;
  /**
   * For a signal or a closed terminal, which end the process while a prompt may still be open: the answer
   * it would lose, read at once from the open prompt (typing, or the editor's file) or from a step after it.
   */
  unsavedNow(): UnsavedAnswer | undefined;
  /** Removes what an open prompt keeps on disk (the editor's file), once its text is kept. */
  discardOpen(): void;
}

/**
 * Wraps the drill's prompter and view to follow which written answer is not saved yet, so that Ctrl-C
 * at any prompt (while typing, at the feedback, at the rating) can keep it. `shownFirst` is the question
 * the start-up path already put on screen, if any.
 */
export function watchUnsavedAnswers(prompter: Prompter & Partial<Pick<LivePrompter, 'openAnswer'>>, view: SessionView, shownFirst?: Question): WatchedSession {
  // A question shown at start-up never passes through view.question: it is current from the start.
  let current: Question | undefined = shownFirst;
  let pending: UnsavedAnswer | undefined;
  const keep = async (taken: Promise<TakenAnswer>): Promise<TakenAnswer> => {
    const answer = await taken;
    if (answer.kind !== 'answer' || !current || answer.text.trim() === '') return answer;
    // The question's own answer is the one kept; a follow-up's answer taken after it is kept beside it.
    if (pending?.questionId !== current.id) pending = { questionId: current.id, text: answer.text };
    else pending = { ...pending, followUps: [...(pending.followUps ?? []), answer.text] };
    return answer;
  };
  // A follow-up's unfinished text joins the answer it follows up; with no answer kept, it stands alone.
  const withOpen = (text: string | undefined): UnsavedAnswer | undefined => {
    if (text === undefined || text.trim() === '' || !current) return pending;
    if (pending?.questionId === current.id) return { ...pending, followUps: [...(pending.followUps ?? []), text] };
    return { questionId: current.id, text };
  };
  return {
    prompter: {
      ...prompter,
      typeAnswer: (opts) => keep(prompter.typeAnswer(opts)),
      editAnswer: (opts) => keep(prompter.editAnswer(opts)),
    },
    view: {
      ...view,
      question(question, index, total) {
        current = question;
        pending = undefined;
        view.question(question, index, total);
      },
      saved(attempt, now) {
        pending = undefined;
        view.saved(attempt, now);
      },
      // Until it is rated again, the answer of an undone attempt is in the history nowhere.
      undone(attempt) {
        const followUps = attempt.followUps?.flatMap((f) => (f.answer ? [f.answer] : [])) ?? [];
        if (attempt.answer !== undefined && attempt.answer.trim() !== '') pending = { questionId: attempt.questionId, text: attempt.answer, ...(followUps.length > 0 ? { followUps } : {}) };
        view.undone?.(attempt);
      },
    },
    unsaved(err) {
      return withOpen(interruptedDraft(err));
    },
    unsavedNow() {
      return withOpen(prompter.openAnswer?.()?.read());
    },
    discardOpen() {
      prompter.openAnswer?.()?.discard();
    },
  };
}
