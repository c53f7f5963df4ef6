import { describe, expect, it } from 'vitest';
import type { AttemptDraft, AttemptRecord, Rating } from '../../src/core/history/schema.js';
import { runPracticeSession, startProgress, type NextStep, type Prompter, type SessionView } from '../../src/core/practice/session.js';
import { makeQuestion } from '../support/questions.js';

const NOW = new Date('2026-03-02T09:30:00Z');

/** A recorder that keeps attempts in memory, numbered a1, a2 ..., and the ids it was asked to undo. */
function memoryRecorder() {
  const kept: AttemptRecord[] = [];
  const undone: string[] = [];
  const recorder = {
    record(draft: AttemptDraft): AttemptRecord {
      const attempt: AttemptRecord = { type: 'attempt', id: `a${kept.length + 1}`, ...draft };
      kept.push(attempt);
      return attempt;
    },
    undo: (id: string) => void undone.push(id),
  };
  return { recorder, kept, undone };
}

describe('undo in the drill', () => {
  it('takes the rating back at the next-step menu, asks for it again and saves the answer with the new one', async () => {
    const ratings: Rating[] = ['easy', 'hard', 'good'];
    const steps: NextStep[] = ['undo', 'next'];
    const offered: boolean[] = [];
    const prompter: Prompter = {
      chooseAnswerMode: async () => 'spoken',
      typeAnswer: async () => ({ kind: 'skip', seconds: 0 }),
      editAnswer: async () => ({ kind: 'skip', seconds: 0 }),
      speakAnswer: async () => ({ kind: 'answer', text: '', seconds: 30 }),
      showAnswerAfterSkip: async () => false,
      waitBeforeReveal: async () => undefined,
      rateAnswer: async () => ratings.shift() as Rating,
      nextStep: async (opts) => {
        offered.push(opts?.undo === true);
        return steps.shift() as NextStep;
      },
    };
    const view: SessionView = { start: () => undefined, question: () => undefined, overTime: () => undefined, feedback: () => undefined, spokenLength: () => undefined, reveal: () => undefined, saved: () => undefined };
    const { recorder, kept, undone } = memoryRecorder();
    const questions = [makeQuestion('one', 'common'), makeQuestion('two', 'common')];
    const progress = await runPracticeSession(questions, { mode: 'ask', timeLimit: undefined, plan: undefined }, { prompter, view, recorder, now: () => NOW }, startProgress('s'));
    expect(offered).toEqual([true, true]);
    expect(undone).toEqual(['a1']);
    expect(kept.map((a) => [a.id, a.questionId, a.rating])).toEqual([
      ['a1', 'one', 'easy'],
      ['a2', 'one', 'hard'],
      ['a3', 'two', 'good'],
    ]);
    expect(kept[1]).toMatchObject({ mode: 'spoken', seconds: 30, session: 's' });
    expect(progress.outcomes.map((o) => [o.question.id, o.rating])).toEqual([
      ['one', 'hard'],
      ['two', 'good'],
    ]);
  });

  it('offers the undo after the last question too, before the session ends, and tells the view', async () => {
    const ratings: Rating[] = ['easy', 'again'];
    const finishes: ('finish' | 'undo')[] = ['undo', 'finish'];
    const undoneSeen: string[] = [];
    const prompter: Prompter = {
      chooseAnswerMode: async () => 'type',
      typeAnswer: async () => ({ kind: 'answer', text: 'We ship on a train.', seconds: 20 }),
      editAnswer: async () => ({ kind: 'skip', seconds: 0 }),
      speakAnswer: async () => ({ kind: 'skip', seconds: 0 }),
      showAnswerAfterSkip: async () => false,
      waitBeforeReveal: async () => undefined,
      rateAnswer: async () => ratings.shift() as Rating,
      nextStep: async () => {
        throw new Error('no next-step menu after the last question');
      },
      finishStep: async () => finishes.shift() as 'finish' | 'undo',
    };
    const view: SessionView = {
      start: () => undefined,
      question: () => undefined,
      overTime: () => undefined,
      feedback: () => undefined,
      spokenLength: () => undefined,
      reveal: () => undefined,
      saved: () => undefined,
      undone: (a) => undoneSeen.push(`${a.id}:${a.answer ?? ''}`),
    };
    const { recorder, kept, undone } = memoryRecorder();
    const progress = await runPracticeSession([makeQuestion('one', 'common')], { mode: 'ask', timeLimit: undefined, plan: undefined }, { prompter, view, recorder, now: () => NOW }, startProgress('s'));
    expect(finishes).toEqual([]);
    expect(undone).toEqual(['a1']);
    expect(undoneSeen).toEqual(['a1:We ship on a train.']);
    expect(kept.map((a) => [a.id, a.rating, a.answer])).toEqual([
      ['a1', 'easy', 'We ship on a train.'],
      ['a2', 'again', 'We ship on a train.'],
    ]);
    expect(progress.outcomes.map((o) => o.rating)).toEqual(['again']);
  });
});

