import { draftFor, readDraftText, removeDraft, type Draft } from '../core/practice/drafts.js';
import type { Prompter, SessionView } from '../core/practice/session.js';
import type { Question } from '../core/questions/schema.js';

/**
 * Wraps the drill's prompter and view so that a question with a kept draft offers it before the answer:
 * continuing starts the typed answer with the draft's text, and the draft file goes once that answer is
 * rated. `shownFirst` is the question the start-up path already put on screen, if any.
 */
export function offerKeptDrafts(prompter: Prompter, view: SessionView, dir: string, shownFirst?: Question): { prompter: Prompter; view: SessionView } {
  let current: Question | undefined = shownFirst;
  let offered: Question | undefined;
  let resumed: Draft | undefined;
  let text: string | undefined;
  const offer = async (): Promise<boolean> => {
    if (!current || offered === current || !prompter.offerDraft) return false;
    offered = current;
    const draft = draftFor(dir, current.id);
    if (!draft || !(await prompter.offerDraft({ at: draft.at, words: draft.words }))) return false;
    resumed = draft;
    text = readDraftText(draft.file);
    return true;
  };
  return {
    prompter: {
      ...prompter,
      chooseAnswerMode: async () => ((await offer()) ? 'type' : prompter.chooseAnswerMode()),
      async typeAnswer(opts) {
        await offer();
        const initial = text;
        text = undefined;
        return prompter.typeAnswer(initial !== undefined ? { ...opts, initial } : opts);
      },
    },
    view: {
      ...view,
      question(question, index, total) {
        current = question;
        resumed = undefined;
        view.question(question, index, total);
      },
      saved(attempt, now) {
        if (resumed && resumed.questionId === attempt.questionId) removeDraft(resumed);
        resumed = undefined;
        view.saved(attempt, now);
      },
    },
  };
}
