import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { teachableSentences } from '../../src/core/phrasings/candidates.js';
import { teachPhrasing } from '../../src/core/phrasings/teach.js';
import { modelCredits, waitOrTeach } from '../../src/core/practice/teach-round.js';
import { loadBank } from '../../src/core/questions/load.js';
import type { Question } from '../../src/core/questions/schema.js';

const ROOT = join(import.meta.dirname, '..', '..');
let bank: Question[];
let conflict: Question;
beforeAll(async () => {
  bank = (await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT })).questions;
  conflict = bank.find((q) => q.id === 'team-conflict') as Question;
});

const ANSWER =
  'Two leads fought about a flaky test suite before a release. I met each lead alone over coffee and listened to both sides. ' +
  'Then we agreed on a quarantine lane for flaky tests and shipped two days later with zero escaped defects.';
const RULE = 'Then we agreed on a quarantine lane for flaky tests and shipped two days later with zero escaped defects.';

describe('the sentences offered to teach a point', () => {
  it('lists the answer’s sentences, the one closest to the point first, each one the coach can save', () => {
    const index = conflict.keyPoints.findIndex((p) => /agree a rule/i.test(p.point));
    expect(analyzeAnswer(conflict, ANSWER, bank).talkingPoints[index]?.covered).toBe(false);
    const offered = teachableSentences(conflict, ANSWER, bank, index, []);
    expect(offered.length).toBeGreaterThan(1);
    expect(offered[0]).toMatch(/agreed on a quarantine lane/);
    expect(offered).toContain(RULE);
    for (const sentence of offered) {
      expect(ANSWER.replace(/\s+/g, ' ')).toContain(sentence);
      expect(() => teachPhrasing({ question: conflict, answer: ANSWER, bank, point: String(index + 1), sentence, existing: [] })).not.toThrow();
    }
  });

  it('offers nothing for an answer without a sentence of specific words, nor for a point the question lacks', () => {
    expect(teachableSentences(conflict, 'Yes. It went well.', bank, 0, [])).toEqual([]);
    expect(teachableSentences(conflict, ANSWER, bank, 99, [])).toEqual([]);
  });
});

describe('teaching at the drill’s feedback', () => {
  it('saves the pair picked and reads the answer again, the point heard by "your phrasing"', async () => {
    const report = analyzeAnswer(conflict, ANSWER, bank);
    const index = conflict.keyPoints.findIndex((p) => /agree a rule/i.test(p.point));
    const keys: ('teach' | undefined)[] = ['teach', undefined];
    const saved: string[] = [];
    const lines: string[] = [];
    const shown: number[] = [];
    let offeredPoints: number[] = [];
    const after = await waitOrTeach(conflict, ANSWER, report, {
      prompter: {
        waitBeforeReveal: async (opts) => (opts?.teach ? keys.shift() : undefined),
        pickUnheardPoint: async (points) => {
          offeredPoints = points.map((p) => p.number);
          return index + 1;
        },
        pickTaughtSentence: async (_n, sentences) => sentences.find((s) => s === RULE),
      },
      view: { feedback: (r) => void shown.push(r.score), taught: (l) => void lines.push(l.kind === 'taught' ? `${l.number}:${l.sentence}` : l.text) },
      save: (question, answer, k, sentence) => {
        saved.push(`${question.id}:${k}:${sentence}`);
        return { phrasings: [{ question: question.id, point: question.keyPoints[k]!.id, sentence }], file: '/data/phrasings.yaml' };
      },
      bank,
      timeLimit: undefined,
      phrasings: [],
    });
    expect(keys).toEqual([]);
    expect(offeredPoints).toEqual(report.talkingPoints.flatMap((p, k) => (p.covered ? [] : [k + 1])));
    expect(saved).toEqual([`team-conflict:${index}:${RULE}`]);
    expect(lines).toEqual([`${index + 1}:${RULE}`]);
    expect(after.report.talkingPoints[index]).toMatchObject({ covered: true, heardBy: 'your phrasing' });
    expect(shown).toEqual([after.report.score]);
    expect(after.report.score).toBeGreaterThan(report.score);
    expect(after.phrasings).toHaveLength(1);
  });

  it('keeps a model grader’s points when the answer is read again after a phrasing is taught', async () => {
    const index = conflict.keyPoints.findIndex((p) => /agree a rule/i.test(p.point));
    const words = analyzeAnswer(conflict, ANSWER, bank);
    const other = words.talkingPoints.findIndex((p, k) => !p.covered && k !== index);
    expect(other).toBeGreaterThanOrEqual(0);
    const quote = 'I met each lead alone over coffee and listened to both sides.';
    const report = analyzeAnswer(conflict, ANSWER, bank, { credits: [{ point: other, by: 'model', quote }] });
    expect(report.talkingPoints[other]).toMatchObject({ covered: true, heardBy: 'model' });
    const keys: ('teach' | undefined)[] = ['teach', undefined];
    const after = await waitOrTeach(conflict, ANSWER, report, {
      prompter: { waitBeforeReveal: async (opts) => (opts?.teach ? keys.shift() : undefined), pickUnheardPoint: async () => index + 1, pickTaughtSentence: async () => RULE },
      view: { feedback: () => undefined },
      save: (question, _answer, k, sentence) => ({ phrasings: [{ question: question.id, point: question.keyPoints[k]!.id, sentence }], file: '/data/phrasings.yaml' }),
      bank,
      timeLimit: undefined,
      phrasings: [],
      credits: modelCredits(report),
    });
    expect(after.report.talkingPoints[index]).toMatchObject({ covered: true, heardBy: 'your phrasing' });
    expect(after.report.talkingPoints[other]).toMatchObject({ covered: true, heardBy: 'model' });
  });

  it('goes straight to teaching when asked for at the model grader’s wait, then waits before the reveal', async () => {
    const report = analyzeAnswer(conflict, ANSWER, bank);
    const index = conflict.keyPoints.findIndex((p) => /agree a rule/i.test(p.point));
    const waits: boolean[] = [];
    const after = await waitOrTeach(conflict, ANSWER, report, {
      prompter: { waitBeforeReveal: async (opts) => void waits.push(opts?.teach === true), pickUnheardPoint: async () => index + 1, pickTaughtSentence: async () => RULE },
      view: { feedback: () => undefined },
      save: (question, _answer, k, sentence) => ({ phrasings: [{ question: question.id, point: question.keyPoints[k]!.id, sentence }], file: '/data/phrasings.yaml' }),
      bank,
      timeLimit: undefined,
      phrasings: [],
      teachFirst: true,
    });
    expect(after.report.talkingPoints[index]).toMatchObject({ covered: true, heardBy: 'your phrasing' });
    expect(waits).toEqual([true]);
  });
});
