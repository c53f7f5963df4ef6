import { describe, expect, it } from 'vitest';
import type { AttemptDraft, AttemptRecord } from '../../src/core/history/schema.js';
import { readingKey, wordsOnlyScore } from '../../src/core/history/score-reading.js';
import { runPracticeSession, startProgress, type Prompter, type SessionView } from '../../src/core/practice/session.js';
import { makeQuestion } from '../support/questions.js';

// A drill answer whose score a taught phrasing raised keeps the words' own score beside it, so that stats
// and the need formula compare it with answers the words alone read.
const question = makeQuestion('cutover', 'technical', {
  answer: 'We rehearsed the cutover twice and agreed the go/no-go criteria with the business owners.',
  keyPoints: [
    { id: 'rehearses-cutover', point: 'Rehearses the cutover', terms: ['rehearsed the cutover', 'dress rehearsal'] },
    { id: 'agrees-criteria', point: 'Agrees go/no-go criteria in advance', terms: ['go/no-go criteria', 'exit criteria'] },
  ],
});
const ANSWER = [
  'We rehearsed the cutover twice on a copy of production, timing every step of the runbook and fixing the two steps that ran long.',
  'I wrote down who would do what during the night, and who would take the decision if something went wrong.',
  'Finance and support signed the checklist of numbers that had to hold before we flipped traffic.',
  'On the night we followed the runbook, watched the dashboards for an hour after the switch, and the cutover finished forty minutes early',
  'with no incident, which the operations director later used as the template for the next two migrations.',
].join(' ');
const TAUGHT = [{ question: 'cutover', point: 'agrees-criteria', sentence: 'Finance and support signed the checklist of numbers that had to hold before we flipped traffic.' }];

async function saved(phrasings: typeof TAUGHT | undefined): Promise<AttemptDraft> {
  const drafts: AttemptDraft[] = [];
  const prompter = {
    chooseAnswerMode: async () => 'type',
    typeAnswer: async () => ({ kind: 'answer', text: ANSWER, seconds: 60 }),
    waitBeforeReveal: async () => undefined,
    rateAnswer: async () => 'good',
    nextStep: async () => 'next',
  } as unknown as Prompter;
  const view = { start: () => undefined, question: () => undefined, overTime: () => undefined, feedback: () => undefined, spokenLength: () => undefined, reveal: () => undefined, saved: () => undefined } as unknown as SessionView;
  const recorder = { record: (draft: AttemptDraft): AttemptRecord => (drafts.push(draft), { type: 'attempt', id: 'a1', ...draft }) };
  await runPracticeSession([question], { mode: 'ask', timeLimit: undefined, plan: undefined, ...(phrasings ? { phrasings } : {}) }, { prompter, view, recorder, now: () => new Date('2026-03-02T09:30:00Z') }, startProgress('s-1'));
  return drafts[0]!;
}

describe('a drill answer raised by a taught phrasing', () => {
  it('keeps the words-only score beside the shown one', async () => {
    const plain = await saved(undefined);
    const taught = await saved(TAUGHT);
    expect(plain.wordsScore).toBeUndefined();
    expect(taught.score).toBeGreaterThan(plain.score!);
    expect(taught).toMatchObject({ wordsScore: plain.score, reading: 'words' });
    expect(wordsOnlyScore(taught)).toBe(plain.score);
    expect(readingKey(taught)).toBe('words+phrasings');
  });
});
