import { describe, expect, it } from 'vitest';
import type { AttemptDraft, AttemptRecord } from '../../src/core/history/schema.js';
import { runPracticeSession, startProgress, type Prompter, type SessionView, type TakenAnswer } from '../../src/core/practice/session.js';
import { makeQuestion } from '../support/questions.js';

const question = makeQuestion('rollout', 'technical', {
  keyPoints: [
    { id: 'canary', point: 'Sends a small share of traffic first', terms: ['canary'] },
    { id: 'rollback', point: 'Has a tested rollback', terms: ['rollback', 'roll back'] },
  ],
  followUps: [
    { question: 'How would you undo it?', probes: 'rollback' },
    { question: 'How small is the first step?', probes: 'canary' },
  ],
});

/** Plays the given answers in turn, for the question and then its follow-ups, and logs what was shown. */
async function play(mode: 'type' | 'spoken', answers: TakenAnswer[], followUps: number, timeLimit?: number) {
  const events: string[] = [];
  const limits: (number | undefined)[] = [];
  const take = async ({ timeLimit: limit }: { timeLimit: number | undefined }) => {
    limits.push(limit);
    const next = answers.shift();
    if (!next) throw new Error('asked for more answers than the script has');
    return next;
  };
  const prompter: Prompter = {
    chooseAnswerMode: async () => mode,
    typeAnswer: take,
    editAnswer: () => take({ timeLimit: undefined }),
    speakAnswer: take,
    showAnswerAfterSkip: async () => false,
    waitBeforeReveal: async () => void events.push('pause'),
    rateAnswer: async () => 'good',
    nextStep: async () => 'next',
  };
  const view: SessionView = {
    start: () => undefined,
    question: () => undefined,
    overTime: () => undefined,
    feedback: () => void events.push('feedback'),
    spokenLength: () => undefined,
    reveal: () => void events.push('reveal'),
    saved: () => undefined,
    followUp: (_q, f) => void events.push(`ask ${f.question}`),
    followUpFeedback: (_q, fs) => void events.push(`judged ${fs.map((f) => String(f.heard)).join(',')}`),
  };
  const saved: AttemptDraft[] = [];
  const recorder = { record: (draft: AttemptDraft): AttemptRecord => (saved.push(draft), { type: 'attempt', id: 'a1', ...draft }) };
  await runPracticeSession([question], { mode, timeLimit, plan: undefined, followUps }, { prompter, view, recorder, now: () => new Date('2026-03-02T09:30:00Z') }, startProgress('s'));
  return { events, saved, limits };
}

const typed = (text: string): TakenAnswer => ({ kind: 'answer', text, seconds: 20 });

describe('a drill that asks back', () => {
  it('asks at the missing point before the feedback and the reveal, and saves the follow-up with the attempt', async () => {
    const { events, saved, limits } = await play('type', [typed('We send a canary to a few users first.'), typed('We roll back with the previous image.')], 1, 120);
    expect(events).toEqual(['ask How would you undo it?', 'feedback', 'judged true', 'pause', 'reveal']);
    expect(limits).toEqual([120, 60]);
    expect(saved[0]?.followUps).toEqual([{ question: 'How would you undo it?', probes: 'rollback', answer: 'We roll back with the previous image.', heard: true }]);
  });

  it('with two, aims the second at what is still missing after the first answer', async () => {
    const { saved } = await play('type', [typed('We just ship it.'), typed('We send a canary to one percent of users first.'), typed('I am not sure.')], 2);
    expect(saved[0]?.followUps?.map((f) => [f.question, f.heard])).toEqual([
      ['How small is the first step?', true],
      ['How would you undo it?', false],
    ]);
  });

  it('after a spoken answer asks the first follow-up and leaves it unjudged', async () => {
    const { events, saved } = await play('spoken', [{ kind: 'answer', text: '', seconds: 60 }, { kind: 'answer', text: '', seconds: 20 }], 1);
    expect(events).toEqual(['ask How would you undo it?', 'judged null', 'reveal']);
    expect(saved[0]?.followUps).toEqual([{ question: 'How would you undo it?', probes: 'rollback', heard: null }]);
  });

  it('asks nothing when follow-ups are off', async () => {
    const { events, saved } = await play('type', [typed('We send a canary first.')], 0);
    expect(events).toEqual(['feedback', 'pause', 'reveal']);
    expect(saved[0]).not.toHaveProperty('followUps');
  });
});
