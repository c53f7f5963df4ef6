import { describe, expect, it } from 'vitest';
import type { AttemptDraft, AttemptRecord, Rating, SessionRecord } from '../../src/core/history/schema.js';
import { newSessionId, runPracticeSession, startProgress, type Prompter, type SessionOptions, type SessionView, type TakenAnswer } from '../../src/core/practice/session.js';
import type { Question } from '../../src/core/questions/schema.js';
import { createRng } from '../../src/core/random.js';
import { makeQuestion } from '../support/questions.js';

type Step =
  | { ask: 'mode'; reply: 'type' | 'editor' | 'spoken' | 'skip' | 'quit' }
  | { ask: 'type'; reply: TakenAnswer }
  | { ask: 'editor'; reply: TakenAnswer }
  | { ask: 'spoken'; reply: TakenAnswer }
  | { ask: 'show-after-skip'; reply: boolean }
  | { ask: 'pause'; reply: undefined }
  | { ask: 'rate'; reply: Rating }
  | { ask: 'next'; reply: 'next' | 'quit' };

const NOW = new Date('2026-03-02T09:30:00Z');

/** A prompter that plays `steps` in order and fails the test when the session asks something else. */
function scriptedPrompter(steps: Step[], events: string[], asked: { suggested: (Rating | undefined)[]; timeLimits: (number | undefined)[] }): Prompter {
  type Reply<K> = Extract<Step, { ask: K }>['reply'];
  const next = <K extends Step['ask']>(kind: K): Reply<K> => {
    const step: Step | undefined = steps.shift();
    if (!step) throw new Error(`script ran out: the session asked "${kind}"`);
    if (step.ask !== kind) throw new Error(`the session asked "${kind}", the script expected "${step.ask}"`);
    const reply: unknown = step.reply;
    return reply as Reply<K>;
  };
  return {
    chooseAnswerMode: async () => next('mode'),
    typeAnswer: async ({ timeLimit }) => {
      asked.timeLimits.push(timeLimit);
      return next('type');
    },
    editAnswer: async () => next('editor'),
    showAnswerAfterSkip: async () => next('show-after-skip'),
    waitBeforeReveal: async () => {
      events.push('pause');
      next('pause');
    },
    speakAnswer: async ({ timeLimit }) => {
      asked.timeLimits.push(timeLimit);
      return next('spoken');
    },
    rateAnswer: async (suggested) => {
      asked.suggested.push(suggested);
      return next('rate');
    },
    nextStep: async () => next('next'),
  };
}

/** Records every view call as a short event name, so tests can check what was shown and in what order. */
function recordingView(events: string[]): SessionView {
  return {
    start: ({ count }) => void events.push(`start ${count}`),
    question: (q) => void events.push(`question ${q.id}`),
    overTime: ({ seconds, limit, spoken }) => void events.push(`over ${Math.round(seconds - limit)}${spoken ? ' spoken' : ' written'}`),
    feedback: (report) => void events.push(`feedback ${report.score}`),
    spokenLength: (seconds, limit) => void events.push(`spoken ${seconds}${limit ? ` of ${limit}` : ''}`),
    reveal: (q) => void events.push(`reveal ${q.id}`),
    saved: (attempt) => void events.push(`saved ${attempt.questionId}`),
  };
}

function play(questions: Question[], steps: Step[], opts: Partial<SessionOptions> = {}) {
  const events: string[] = [];
  const saved: { draft: AttemptDraft; session: SessionRecord | undefined }[] = [];
  const asked = { suggested: [] as (Rating | undefined)[], timeLimits: [] as (number | undefined)[] };
  const recorder = {
    record(draft: AttemptDraft, session: SessionRecord | undefined): AttemptRecord {
      saved.push({ draft, session });
      return { type: 'attempt', id: `a${saved.length}`, ...draft };
    },
  };
  const progress = startProgress('2026-03-02-abcdef');
  const done = runPracticeSession(
    questions,
    { mode: 'ask', timeLimit: undefined, plan: undefined, ...opts },
    { prompter: scriptedPrompter(steps, events, asked), view: recordingView(events), recorder, now: () => NOW },
    progress,
  );
  return { done, events, saved, asked, progress, steps };
}

const story = makeQuestion('conflict', 'behavioral', {
  answer: 'I met both leads, agreed on a date and the release shipped two days later with no incident.',
  keyPoints: [{ id: 'meet-each-side', point: 'Meet each side', terms: ['met', 'meet'] }],
});
const flags = makeQuestion('flags', 'technical');
const rollback = makeQuestion('rollback', 'technical');

describe('practice session with a scripted prompter', () => {
  it('records a typed answer word for word with its coach score, the suggested rating and the session marker once', async () => {
    const answer = 'First paragraph: I met both leads.\n\nSecond paragraph: we shipped two days later.';
    const { done, events, saved, asked, steps } = play(
      [story, flags],
      [
        { ask: 'mode', reply: 'type' },
        { ask: 'type', reply: { kind: 'answer', text: answer, seconds: 42.27 } },
        { ask: 'pause', reply: undefined },
        { ask: 'rate', reply: 'good' },
        { ask: 'next', reply: 'next' },
        { ask: 'mode', reply: 'spoken' },
        { ask: 'spoken', reply: { kind: 'answer', text: '', seconds: 95 } },
        { ask: 'rate', reply: 'hard' },
      ],
    );
    const progress = await done;
    expect(steps).toEqual([]);
    expect(saved).toHaveLength(2);
    expect(saved[0]!.draft).toMatchObject({ questionId: 'conflict', answer, mode: 'typed', seconds: 42.3, rating: 'good', session: progress.id });
    expect(typeof saved[0]!.draft.score).toBe('number');
    expect(saved[0]!.session).toEqual({ type: 'session', id: '2026-03-02-abcdef', at: NOW.toISOString() });
    expect(saved[1]!.session).toBeUndefined();
    expect(saved[1]!.draft).toMatchObject({ questionId: 'flags', mode: 'spoken', seconds: 95, rating: 'hard' });
    expect(saved[1]!.draft).not.toHaveProperty('answer');
    expect(asked.suggested[0]).toBeDefined();
    expect(asked.suggested[1]).toBeUndefined();
    expect(events.filter((e) => !e.startsWith('feedback'))).toEqual([
      'start 2',
      'question conflict',
      'pause',
      'reveal conflict',
      'saved conflict',
      'question flags',
      'spoken 95',
      'reveal flags',
      'saved flags',
    ]);
    // Feedback comes after the answer and before the reveal.
    expect(events.findIndex((e) => e.startsWith('feedback'))).toBe(2);
    expect(progress.outcomes.map((o) => [o.question.id, o.rating])).toEqual([
      ['conflict', 'good'],
      ['flags', 'hard'],
    ]);
  });

  it('records nothing for a skipped question, offers its model answer, and goes on to the next', async () => {
    const { done, saved, events } = play(
      [flags, rollback],
      [
        { ask: 'mode', reply: 'skip' },
        { ask: 'show-after-skip', reply: false },
        { ask: 'next', reply: 'next' },
        { ask: 'mode', reply: 'spoken' },
        { ask: 'spoken', reply: { kind: 'answer', text: '', seconds: 70 } },
        { ask: 'rate', reply: 'easy' },
      ],
    );
    const progress = await done;
    expect(saved.map((s) => s.draft.questionId)).toEqual(['rollback']);
    expect(saved[0]!.session?.id).toBe(progress.id);
    expect(events).not.toContain('reveal flags');
  });

  it('shows the model answer of a question skipped from inside the answer prompt when asked to', async () => {
    const { done, saved, events } = play(
      [story],
      [
        { ask: 'type', reply: { kind: 'skip', seconds: 3 } },
        { ask: 'show-after-skip', reply: true },
      ],
      { mode: 'type' },
    );
    const progress = await done;
    expect(saved).toEqual([]);
    expect(progress.saved).toBe(false);
    expect(events).toEqual(['start 1', 'question conflict', 'reveal conflict']);
  });

  it('holds a written answer to the limit by its length when said aloud, not by typing time, and records the editor as such', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const { done, saved, events } = play(
      [flags, rollback],
      [
        { ask: 'editor', reply: { kind: 'answer', text: long, seconds: 400 } },
        { ask: 'pause', reply: undefined },
        { ask: 'rate', reply: 'hard' },
        { ask: 'next', reply: 'next' },
        { ask: 'editor', reply: { kind: 'answer', text: 'Short and quick.', seconds: 500 } },
        { ask: 'pause', reply: undefined },
        { ask: 'rate', reply: 'good' },
      ],
      { mode: 'editor', timeLimit: 60 },
    );
    await done;
    // 200 words at 150 a minute is 80 seconds: 20 over a 60-second limit.
    expect(events.filter((e) => e.startsWith('over'))).toEqual(['over 20 written']);
    expect(saved.map((s) => [s.draft.mode, s.draft.overTime, s.draft.seconds])).toEqual([
      ['editor', true, 400],
      ['editor', false, 500],
    ]);
  });

  it('stops at Quit, before or after an answer, and keeps what was rated', async () => {
    const early = play([flags, rollback], [{ ask: 'mode', reply: 'quit' }]);
    const first = await early.done;
    expect(early.saved).toEqual([]);
    expect(first.saved).toBe(false);
    expect(early.events).toEqual(['start 2', 'question flags']);

    const late = play(
      [flags, rollback],
      [
        { ask: 'mode', reply: 'spoken' },
        { ask: 'spoken', reply: { kind: 'answer', text: '', seconds: 61 } },
        { ask: 'rate', reply: 'again' },
        { ask: 'next', reply: 'quit' },
      ],
    );
    const second = await late.done;
    expect(late.saved.map((s) => s.draft.rating)).toEqual(['again']);
    expect(second.saved).toBe(true);
    expect(late.events.at(-1)).toBe('saved flags');
  });

  it('passes the time limit to the prompt, marks an answer over it, and shows the overrun once', async () => {
    const { done, saved, events, asked } = play(
      [flags, rollback],
      [
        { ask: 'spoken', reply: { kind: 'answer', text: '', seconds: 29 } },
        { ask: 'rate', reply: 'good' },
        { ask: 'next', reply: 'next' },
        { ask: 'spoken', reply: { kind: 'answer', text: '', seconds: 31.04 } },
        { ask: 'rate', reply: 'hard' },
      ],
      { mode: 'spoken', timeLimit: 30, plan: 'mock' },
    );
    await done;
    expect(asked.timeLimits).toEqual([30, 30]);
    expect(saved.map((s) => [s.draft.timeLimit, s.draft.overTime])).toEqual([
      [30, false],
      [30, true],
    ]);
    expect(saved[0]!.session).toMatchObject({ plan: 'mock', timeLimit: 30 });
    expect(events.filter((e) => e.startsWith('over'))).toEqual(['over 1 spoken']);
    // Within the limit the length note names the limit; over it, only the overrun is said.
    expect(events.filter((e) => e.startsWith('spoken'))).toEqual(['spoken 29 of 30']);
  });

  it('asks no Next? after the last question and never asks for a mode when the session has one', async () => {
    const { done, steps } = play([flags], [{ ask: 'editor', reply: { kind: 'answer', text: 'An answer written in the editor.', seconds: 12 } }, { ask: 'pause', reply: undefined }, { ask: 'rate', reply: 'good' }], { mode: 'editor' });
    await done;
    expect(steps).toEqual([]);
  });

  it('leaves the progress readable when a prompt is interrupted', async () => {
    const run = play(
      [flags, rollback],
      [
        { ask: 'mode', reply: 'spoken' },
        { ask: 'spoken', reply: { kind: 'answer', text: '', seconds: 65 } },
        { ask: 'rate', reply: 'good' },
        { ask: 'next', reply: 'next' },
      ],
    );
    await expect(run.done).rejects.toThrow(/script ran out/);
    expect(run.progress.outcomes).toHaveLength(1);
    expect(run.progress.saved).toBe(true);
  });
});

describe('newSessionId', () => {
  it('takes the day from the clock and the suffix from the random source', () => {
    expect(newSessionId(NOW, createRng('a'))).toMatch(/^2026-03-02-[0-9a-f]{6}$/);
    expect(newSessionId(NOW, createRng('a'))).toBe(newSessionId(NOW, createRng('a')));
    expect(newSessionId(NOW, createRng('a'))).not.toBe(newSessionId(NOW, createRng('b')));
    expect(newSessionId(NOW, () => 0)).toBe('2026-03-02-000000');
    expect(newSessionId(NOW, () => 1 - 2 ** -32)).toBe('2026-03-02-ffffff');
  });
});
