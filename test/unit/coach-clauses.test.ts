import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { type QuestionData, questionSchema } from '../../src/core/questions/schema.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';

type Point = { point: string; terms: string[] };
const question = (id: string, keyPoints: Point[], answer: string): QuestionData =>
  withPointIds(questionSchema.parse({ id, category: 'technical', question: `How do you handle ${id}?`, answer, keyPoints }));

// Other questions make "release", "branch", "team" and "fix" words many questions share.
const FILLER = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'].map((id) =>
  question(id, [{ point: `Handles ${id} work`, terms: [`${id} plan`] }], `The team cut a release branch, shipped the fix and talked to ${id}.`),
);

const HOTFIX = question(
  'hotfix',
  [
    { point: 'Branches from what is in production', terms: ['production tag', 'hotfix branch'] },
    { point: 'Ships through every normal pipeline gate, with no shortcut', terms: ['same pipeline', 'every gate', 'canary'] },
    { point: 'Merges the fix back so it is not lost in the next release', terms: ['merge back', 'cherry pick', 'other branches'] },
    { point: 'Tells support and customers what changed', terms: ['status page', 'release notes', 'support team'] },
  ],
  'We branch from the production tag. The fix goes through the same pipeline with a canary. Then we merge back to ' +
    'main and cherry-pick to every release branch with a tag, so nothing is lost. Support gets release notes and the status page.',
);
const report = (q: QuestionData, answer: string) => analyzeAnswer(q, answer, [q, ...FILLER]);
const coveredPoints = (q: QuestionData, answer: string) =>
  report(q, answer).talkingPoints.filter((p) => p.covered).map((p) => p.point);

describe('a point is heard only where a clause says something about it', () => {
  it('one word shared with a point, its terms or its model sentences covers nothing', () => {
    expect(coveredPoints(HOTFIX, 'I cut a branch from the release tag.')).toEqual([]);
    expect(coveredPoints(HOTFIX, 'We deploy with a canary.')).toEqual([]);
    expect(coveredPoints(HOTFIX, 'The release was lost, and support was busy.')).toEqual([]);
  });

  it('a term said as a phrase, or the point\'s verb and object together, does', () => {
    expect(coveredPoints(HOTFIX, 'I merged the fix back into main the same afternoon.')).toEqual([HOTFIX.keyPoints[2]?.point]);
    expect(coveredPoints(HOTFIX, 'The change went through the same pipeline as any other.')).toEqual([HOTFIX.keyPoints[1]?.point]);
  });

  it('words spread over different sentences do not add up to a point', () => {
    expect(coveredPoints(HOTFIX, 'We merge a lot. Looking back, it was fine.')).toEqual([]);
  });

  it('a paraphrase of one word of a term weighs as one word, not as the whole term', () => {
    const q = question('call', [{ point: 'Makes the call on time', terms: ['made the call'] }], 'I made the call at noon.');
    expect(coveredPoints(q, 'The decision was hers.')).toEqual([]);
    expect(coveredPoints(q, 'At noon I made the call to stop.')).toEqual(['Makes the call on time']);
  });
});

describe('evidence', () => {
  it('is the words of the clause that made the match, as written', () => {
    const r = report(HOTFIX, 'It was late, so I Merged the fix back into main and told everyone.');
    expect(r.talkingPoints[2]).toMatchObject({ covered: true, evidence: ['Merged the fix back into main'] });
  });
});

describe('plain speech', () => {
  const conflict = question(
    'conflict',
    [
      { point: 'Hears each side, separately first', terms: ['one on one', 'spoke separately', 'each side'] },
      { point: 'Offers options with their trade-offs', terms: ['options'] },
    ],
    'I spoke to each lead separately and then offered two options.',
  );

  it('a term made of small words ("one on one") is a phrase, and irregular verbs meet their base ("spoke", "speak")', () => {
    expect(coveredPoints(conflict, 'I spoke to each of them one on one.')).toEqual(['Hears each side, separately first']);
    const q = question('speak', [{ point: 'Speaks to each side privately', terms: ['zzz'] }], 'I speak to each side.');
    expect(coveredPoints(q, 'I spoke to both sides privately before the meeting.')).toEqual(['Speaks to each side privately']);
  });

  it("the point's own word said in a phrase of the same meaning counts as that word", () => {
    const q = question('sep', [{ point: 'Hears each side separately', terms: ['zzz'] }], 'I heard them.');
    expect(coveredPoints(q, 'I heard both of them one to one.')).toEqual(['Hears each side separately']);
  });

  it('a verb with its object is heard: "give them a few choices"', () => {
    expect(coveredPoints(conflict, "I'd give them a few choices: ship to a small group or move the date.")).toEqual([
      'Offers options with their trade-offs',
    ]);
  });
});

describe('everyday ways of saying a point', () => {
  it.each([
    [{ point: 'Declares an incident early', terms: ['declare an incident'] }, 'I open an incident without waiting to be sure.'],
    [{ point: 'Talks directly to the people who decide', terms: ['face to face'] }, 'I walked over to the director and talked it through.'],
    [{ point: 'Sends regular updates', terms: ['status update'] }, 'I sent a short update every Tuesday until launch.'],
    [{ point: 'Measures the train health', terms: ['train health'] }, 'I tracked the train on three numbers.'],
  ])('%o is heard in: %s', (point, answer) => {
    const q = question('p', [point], 'We shipped it.');
    expect(coveredPoints(q, answer)).toEqual([point.point]);
  });
});
