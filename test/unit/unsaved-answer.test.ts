import { describe, expect, it } from 'vitest';
import { runPracticeSession, startProgress, type Prompter, type SessionView } from '../../src/core/practice/session.js';
import { watchUnsavedAnswers } from '../../src/cli/unsaved-answer.js';
import { PromptInterruptedError } from '../../src/ui/answer-prompt.js';
import { makeQuestion } from '../support/questions.js';

const ANSWER = 'We keep the fix minimal.\n\nThen we merge it back to main.';

/** A prompter that takes a typed answer, then is stopped by Ctrl-C at the pause before the reveal. */
const stoppedAtPause = (): Prompter =>
  ({
    chooseAnswerMode: async () => 'type',
    typeAnswer: async () => ({ kind: 'answer', text: ANSWER, seconds: 12 }),
    waitBeforeReveal: async () => {
      throw new PromptInterruptedError();
    },
  }) as unknown as Prompter;

const quietView = (): SessionView => ({ start() {}, question() {}, feedback: async () => {}, reveal: async () => {}, saved() {} }) as unknown as SessionView;

describe('an answer typed and not yet rated, stopped by Ctrl-C', () => {
  const q = makeQuestion('hotfix-like', 'technical');
  const run = async (firstShown: boolean) => {
    const watched = watchUnsavedAnswers(stoppedAtPause(), quietView(), firstShown ? q : undefined);
    const deps = { prompter: watched.prompter, view: watched.view, recorder: { record: () => { throw new Error('not rated'); } }, now: () => new Date() };
    const err = await runPracticeSession([q], { mode: 'ask', timeLimit: undefined, plan: undefined, firstShown }, deps as never, startProgress('s1')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PromptInterruptedError);
    return watched.unsaved(err);
  };

  it('is kept when the drill showed the question itself', async () => {
    expect(await run(false)).toEqual({ questionId: 'hotfix-like', text: ANSWER });
  });

  it('is kept when the start-up path showed the first question', async () => {
    expect(await run(true)).toEqual({ questionId: 'hotfix-like', text: ANSWER });
  });
});

describe('an answer still being written when a signal ends the drill', () => {
  const q = makeQuestion('hotfix-like', 'technical');
  it('is read from the open prompt at once, and the prompt’s file is discarded on request', async () => {
    let typed = '';
    let discarded = 0;
    const open = { read: () => typed, discard: () => (discarded += 1) };
    let isOpen = false;
    const prompter = {
      chooseAnswerMode: async () => 'type',
      // Never returns: the process is ended while it waits.
      typeAnswer: () => ((isOpen = true), new Promise(() => undefined)),
      openAnswer: () => (isOpen ? open : undefined),
    } as unknown as Prompter;
    const watched = watchUnsavedAnswers(prompter, quietView());
    void runPracticeSession([q], { mode: 'ask', timeLimit: undefined, plan: undefined }, { prompter: watched.prompter, view: watched.view, recorder: { record: () => undefined }, now: () => new Date() } as never, startProgress('s1'));
    await new Promise((r) => setTimeout(r, 0));
    expect(watched.unsavedNow()).toBeUndefined();
    typed = ANSWER;
    expect(watched.unsavedNow()).toEqual({ questionId: 'hotfix-like', text: ANSWER });
    watched.discardOpen();
    expect(discarded).toBe(1);
  });
});

describe('an answer followed by a follow-up, stopped by Ctrl-C', () => {
  it('keeps the question\'s own answer as the answer, and the follow-up\'s beside it', async () => {
    const q = makeQuestion('with-follow-up', 'technical', { followUps: [{ question: 'And then?' }] });
    const answers = [ANSWER, 'Only the follow-up.'];
    const prompter = { ...stoppedAtPause(), typeAnswer: async () => ({ kind: 'answer', text: answers.shift() ?? '', seconds: 5 }) } as unknown as Prompter;
    const watched = watchUnsavedAnswers(prompter, quietView());
    const deps = { prompter: watched.prompter, view: watched.view, recorder: { record: () => { throw new Error('not rated'); } }, now: () => new Date() };
    const err = await runPracticeSession([q], { mode: 'ask', timeLimit: undefined, plan: undefined, followUps: 1 }, deps as never, startProgress('s2')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PromptInterruptedError);
    expect(answers).toEqual([]);
    expect(watched.unsaved(err)).toEqual({ questionId: 'with-follow-up', text: ANSWER, followUps: ['Only the follow-up.'] });
  });
});
