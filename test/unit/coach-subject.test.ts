import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/core/questions/load.js';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';
import { type QuestionData, questionSchema } from '../../src/core/questions/schema.js';

type Point = { point: string; terms: string[] };
const question = (id: string, keyPoints: Point[]): QuestionData =>
  withPointIds(questionSchema.parse({ id, category: 'technical', question: `How do you run ${id}?`, answer: 'We shipped it and watched it.', keyPoints }));

const FILLER = ['rota', 'audit', 'calendar', 'budget', 'freeze', 'vendor'].map((id) =>
  question(id, [{ point: `Handles ${id} work`, terms: [`${id} plan`] }]),
);

// Most points of this question speak of beta builds and TestFlight: those words name its subject.
const beta = question('beta-tracks', [
  { point: 'Knows the internal and external TestFlight testers', terms: ['external testers', 'testflight review'] },
  { point: 'Plans for TestFlight beta builds expiring', terms: ['beta builds expire', 'ninety days'] },
  { point: 'Matches tester groups to beta tracks', terms: ['beta group', 'staff first'] },
  { point: 'Collects feedback and crash data from beta builds', terms: ['beta feedback', 'beta crashes', 'testflight feedback'] },
  { point: 'Promotes the tested beta build instead of rebuilding', terms: ['same build', 'promote the beta'] },
]);
// A point whose evidence is a tool's name.
const gitops = question('gitops', [
  { point: 'Keeps desired state in Git with a controller reconciling', terms: ['argo cd', 'desired state'] },
  { point: 'Promotes by pull request', terms: ['pull request', 'image digest'] },
  { point: 'Rolls out cluster by cluster', terms: ['cluster by cluster', 'in waves'] },
]);

const ROOT = join(import.meta.dirname, '..', '..');
const heard = (q: QuestionData, answer: string) => analyzeAnswer(q, answer, [q, ...FILLER]).talkingPoints.map((p) => p.covered);

describe('words that name what the whole question is about', () => {
  it('credit no point on their own: "TestFlight needs a beta" is not feedback collected from beta builds', () => {
    expect(heard(beta, 'For iOS, TestFlight needs a beta before anything ships.')[3]).toBe(false);
  });

  it('still count beside the words of the point itself', () => {
    expect(heard(beta, 'We read the beta feedback and the crash reports from every TestFlight build before submitting.')[3]).toBe(true);
  });
});

describe('a tool named as written', () => {
  it('says what was used, not what was done: "with Argo CD" alone makes no point', () => {
    expect(heard(gitops, 'We ran thirty clusters across three regions with Argo CD.')[0]).toBe(false);
  });

  it('the same term said as an idea still counts', () => {
    expect(heard(gitops, 'The desired state lives in Git and a controller keeps every cluster in line with it.')[0]).toBe(true);
  });
});

// In the bank's night-incident answer one sentence makes two points: status updates for customers, and a
// handover to the morning shift. Saying the first must not lend the second the words of that sentence.
describe('a model answer sentence that makes two points', () => {
  let bank: QuestionData[] = [];
  beforeAll(async () => {
    bank = (await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT })).questions;
  });
  const points = (answer: string) => {
    const q = bank.find((x) => x.id === 'night-incident') as QuestionData;
    return new Map(analyzeAnswer(q, answer, bank).talkingPoints.map((p) => [p.id, p.covered]));
  };

  it('lends neither point the words the other point says there', () => {
    const heardHere = points('I posted updates to the status page every half hour.');
    expect(heardHere.get('keeps-stakeholders-customers')).toBe(true);
    expect(heardHere.get('hands-over-cleanly')).toBe(false);
  });

  it('still hears the second point in its own words', () => {
    expect(points('Before I went back to bed I wrote handover notes for the morning shift.').get('hands-over-cleanly')).toBe(true);
  });
});
