import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import type { CoachReport } from '../../src/core/coach/types.js';
import { type AskedFollowUp, chooseFollowUp, judgeFollowUp } from '../../src/core/practice/follow-up.js';
import { parseQuestionFile } from '../../src/core/questions/parse.js';
import type { QuestionData } from '../../src/core/questions/schema.js';

const FILE = `---
id: rollout
category: technical
question: How do you roll out a risky change?
keyPoints:
  - id: canary
    point: Sends a small share of traffic first
    terms: [canary, small share of traffic]
  - id: rollback
    point: Has a tested rollback
    terms: [rollback, roll back]
  - id: metrics
    point: Watches error rate and latency
    terms: [error rate, latency]
followUps:
  - question: What do you watch while it runs?
    probes: metrics
  - question: How would you undo it?
    probes: rollback
  - question: Who signs off on it?
---
Canary first, watch error rate, keep a rollback ready.
`;

function load(text: string): QuestionData {
  const parsed = parseQuestionFile(text, 'rollout.md');
  const q = parsed.questions[0];
  if (!q) throw new Error(`fixture did not load: ${JSON.stringify(parsed.problems)}`);
  return q;
}

const question = load(FILE);

/** A report with the named points heard and the others not. */
function heardOnly(ids: string[]): CoachReport {
  const talkingPoints = question.keyPoints.map((k) => ({ id: k.id, point: k.point, covered: ids.includes(k.id), evidence: [] }));
  return { talkingPoints } as unknown as CoachReport;
}

function heardOnlyIn(q: QuestionData, ids: string[]): CoachReport {
  return { talkingPoints: q.keyPoints.map((k) => ({ id: k.id, point: k.point, covered: ids.includes(k.id), evidence: ['quote'] })) } as unknown as CoachReport;
}

const asked = (q: string, probes: string | null, heard: boolean | null): AskedFollowUp => ({ question: q, probes, heard });

/** A report with every point heard, quoted this many times each. */
function heardWith(quotes: Record<string, number>, q: QuestionData = question): CoachReport {
  const talkingPoints = q.keyPoints.map((k) => ({ id: k.id, point: k.point, covered: true, evidence: Array.from({ length: quotes[k.id] ?? 1 }, (_, n) => `quote ${n}`) }));
  return { talkingPoints } as unknown as CoachReport;
}

// The follow-up that probes no point comes first here, so "the last one left" would probe a heard point.
const OPEN_FIRST = load(FILE.replace(/followUps:[\s\S]*?---/, `followUps:
  - question: Who signs off on it?
  - question: What do you watch while it runs?
    probes: metrics
  - question: How would you undo it?
    probes: rollback
---`));

describe('chooseFollowUp', () => {
  it.each<[string, CoachReport | undefined, AskedFollowUp[], string | undefined]>([
    ['aims at the first point not heard, in file order', heardOnly([]), [], 'How would you undo it?'],
    ['skips points heard', heardOnly(['rollback']), [], 'What do you watch while it runs?'],
    ['asks the last follow-up when every point was heard', heardOnly(['canary', 'rollback', 'metrics']), [], 'Who signs off on it?'],
    ['asks the first follow-up after a spoken answer', undefined, [], 'What do you watch while it runs?'],
    ['falls back to the last one left when no linked follow-up is left for a missing point', heardOnly(['rollback', 'metrics']), [], 'Who signs off on it?'],
    ['second: aims at what is still missing after the first answer', heardOnly(['canary']), [asked('How would you undo it?', 'rollback', false)], 'What do you watch while it runs?'],
    ['second: a point the first follow-up recovered counts as heard', heardOnly(['canary']), [asked('How would you undo it?', 'rollback', true)], 'What do you watch while it runs?'],
    ['second after a spoken answer: the next one not asked', undefined, [asked('What do you watch while it runs?', 'metrics', null)], 'How would you undo it?'],
    ['nothing once every follow-up was asked', heardOnly([]), question.followUps.map((f) => asked(f.question, f.probes ?? null, false)), undefined],
  ])('%s', (_name, report, before, expected) => {
    expect(chooseFollowUp(question, report, before)?.question).toBe(expected);
  });

  it('never probes a point already heard while a follow-up probing none is left, wherever it stands', () => {
    expect(chooseFollowUp(OPEN_FIRST, heardWith({}, OPEN_FIRST), [])?.question).toBe('Who signs off on it?');
    expect(chooseFollowUp(OPEN_FIRST, heardOnlyIn(OPEN_FIRST, ['rollback', 'metrics']), [])?.question).toBe('Who signs off on it?');
  });

  it('when every follow-up left probes a heard point, asks about the one heard least, the first of equals', () => {
    const done = [asked('Who signs off on it?', null, null)];
    expect(chooseFollowUp(question, heardWith({ canary: 3, rollback: 1, metrics: 2 }), done)?.question).toBe('How would you undo it?');
    expect(chooseFollowUp(question, heardWith({ canary: 3, rollback: 2, metrics: 1 }), done)?.question).toBe('What do you watch while it runs?');
    expect(chooseFollowUp(question, heardWith({ rollback: 2, metrics: 2 }), done)?.question).toBe('What do you watch while it runs?');
  });

  it('counts a point an earlier follow-up recovered as heard most: it was just asked about', () => {
    const twice = load(FILE.replace(/followUps:[\s\S]*?---/, `followUps:
  - question: Who signs off on it?
  - question: How would you undo it?
    probes: rollback
  - question: When would you roll back?
    probes: rollback
  - question: What do you watch while it runs?
    probes: metrics
---`));
    const done = [asked('Who signs off on it?', null, null), asked('How would you undo it?', 'rollback', true)];
    expect(chooseFollowUp(twice, heardOnlyIn(twice, ['canary', 'metrics']), done)?.question).toBe('What do you watch while it runs?');
  });

  it('gives the point the follow-up probes, or null when it names none', () => {
    expect(chooseFollowUp(question, heardOnly(['canary']), [])).toEqual({ question: 'How would you undo it?', probes: 'rollback' });
    expect(chooseFollowUp(question, heardOnly(['canary', 'rollback', 'metrics']), [])).toEqual({ question: 'Who signs off on it?', probes: null });
  });

  it('asks the first follow-up of a question whose follow-ups name no points', () => {
    const plain = load(FILE.replace(/\n {4}probes: \w+/g, ''));
    expect(chooseFollowUp(plain, heardOnly(['canary']), [])?.question).toBe('What do you watch while it runs?');
  });

  it('has nothing to ask of a question without follow-ups', () => {
    const none = load(FILE.replace(/followUps:[\s\S]*?---/, '---'));
    expect(chooseFollowUp(none, heardOnly([]), [])).toBeUndefined();
  });

  it('reads the real coach report: an answer missing the rollback is asked about it', () => {
    const report = analyzeAnswer(question, 'We send a canary with a small share of traffic and watch the error rate and latency closely.');
    expect(chooseFollowUp(question, report, [])?.probes).toBe('rollback');
  });
});


describe('judgeFollowUp', () => {
  const undo = { question: 'How would you undo it?', probes: 'rollback' };
  it.each<[string, string | undefined, boolean | null]>([
    ['hears the probed point in a short answer', 'I would roll back with the previous image.', true],
    ['does not hear it when the answer misses it', 'I would ask the team lead what to do.', false],
    ['does not judge a spoken answer', undefined, null],
  ])('%s', (_name, answer, heard) => {
    expect(judgeFollowUp(question, undo, answer).heard).toBe(heard);
  });

  it('quotes the words that made the point', () => {
    const judged = judgeFollowUp(question, undo, 'Honestly I would roll back with the previous image.');
    expect(judged.evidence.join(' ')).toMatch(/roll back/);
  });

  it('judges only the probed point: other points in the answer do not count', () => {
    expect(judgeFollowUp(question, undo, 'A canary with a small share of traffic, watching latency.').heard).toBe(false);
  });

  it('does not judge a follow-up that probes no point', () => {
    expect(judgeFollowUp(question, { question: 'Who signs off on it?', probes: null }, 'The release manager does.')).toEqual({ heard: null, evidence: [] });
  });
});
