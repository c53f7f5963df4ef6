import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { findRetelling, orphanPhrasings, type Phrasing, pointIdOf } from '../../src/core/coach/phrasings.js';
import { readAnswer } from '../../src/core/coach/reading.js';
import { describePhrasings, forgetPhrasings } from '../../src/core/phrasings/listing.js';
import { parsePhrasings } from '../../src/core/phrasings/store.js';
import { teachPhrasing } from '../../src/core/phrasings/teach.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';
import { type QuestionData, questionSchema } from '../../src/core/questions/schema.js';

const MISTAKE: QuestionData = withPointIds(questionSchema.parse({
  id: 'mistake-ownership',
  category: 'behavioral',
  question: 'Tell me about a release mistake that was your own fault.',
  answer: 'I scheduled a migration on billing day and stalled invoices. I said at once that it was my call and rolled back.',
  keyPoints: [
    { point: 'Admits the mistake quickly and without excuses', terms: ['admitted', 'owned it'] },
    { point: 'Keeps the affected people informed', terms: ['status update', 'informed'] },
  ],
  star: { situation: 'S?', task: 'T?', action: 'A?', result: 'R?' },
}));
// Another question with a point of the same wording, so of the same id.
const OTHER: QuestionData = withPointIds(questionSchema.parse({ ...MISTAKE, id: 'vendor-outage', question: 'Tell me about a vendor outage.' }));
const BANK = [MISTAKE, OTHER];

const TAUGHT_FROM = 'The timeline made it plain. I told the incident channel and the product director within 5 minutes, and we rolled back.';
const informed: Phrasing = { question: 'mistake-ownership', point: pointIdOf(MISTAKE, 1), sentence: 'told the incident channel and the product director within 5 minutes' };

const heard = (q: QuestionData, answer: string, phrasings: Phrasing[]) => analyzeAnswer(q, answer, BANK, { phrasings }).talkingPoints[1];

describe('phrasings', () => {
  it('hear a retelling with the same specific words in another order and other small words', () => {
    const retold = 'Within 5 minutes the product director and our incident channel had been told by me what broke.';
    const p = heard(MISTAKE, retold, [informed]);
    expect(p).toMatchObject({ covered: true, heardBy: 'your phrasing' });
    expect(p?.evidence[0]).toMatch(/^5 minutes the product director and our incident channel had been told$/);
    expect(heard(MISTAKE, retold, [])?.covered).toBe(false);
  });

  it('never hear answers without those words, to the same question or another', () => {
    for (const answer of [
      'I told the product director within 5 minutes.',
      'Our incident channel was loud, and I kept quiet for an hour.',
      'I wrote to everyone who was affected as soon as I knew.',
    ]) {
      expect(heard(MISTAKE, answer, [informed])?.covered).toBe(false);
    }
    // The same words in an answer to another question, even to a point of the same id, earn nothing there.
    const r = analyzeAnswer(OTHER, TAUGHT_FROM, BANK, { phrasings: [informed] });
    expect(r.talkingPoints.some((p) => p.heardBy === 'your phrasing')).toBe(false);
  });

  it('are not heard where the answer negates them, nor in a bare list of terms', () => {
    expect(heard(MISTAKE, 'I never told the incident channel or the product director within 5 minutes.', [informed])?.covered).toBe(false);
    expect(heard(MISTAKE, 'incident channel, product director, told, 5 minutes, rollback', [informed])?.covered).toBe(false);
  });

  it('keep the words-only score beside the score they raise', () => {
    const r = analyzeAnswer(MISTAKE, TAUGHT_FROM, BANK, { phrasings: [informed] });
    expect(r.wordsScore).toBeDefined();
    expect(r.score).toBeGreaterThan(r.wordsScore as number);
    expect(analyzeAnswer(MISTAKE, TAUGHT_FROM, BANK).wordsScore).toBeUndefined();
  });

  it('whose point is gone are reported and credit no other point', () => {
    const gone: Phrasing = { ...informed, point: 'no-such-point' };
    expect(orphanPhrasings(MISTAKE, [gone, informed])).toEqual([gone]);
    const r = analyzeAnswer(MISTAKE, TAUGHT_FROM, BANK, { phrasings: [gone] });
    expect(r.talkingPoints.some((p) => p.heardBy === 'your phrasing')).toBe(false);
    expect(describePhrasings([gone, informed], BANK).map((row) => [row.n, row.status])).toEqual([[1, 'point-gone'], [2, 'ok']]);
    expect(describePhrasings([{ ...informed, question: 'deleted-q' }], BANK)[0]?.status).toBe('question-gone');
  });

  it('need the words in one sentence, which a line wrapped by an editor does not end', () => {
    expect(findRetelling(readAnswer('I told the product director. The incident channel heard within 5 minutes.'), informed.sentence)).toBeUndefined();
    expect(findRetelling(readAnswer('Within 5 minutes the product\ndirector and the incident channel were told.'), informed.sentence)).toBe('5 minutes the product\ndirector and the incident channel were told'.replace('\n', ' '));
    expect(findRetelling(readAnswer('- product director\n- incident channel told within 5 minutes'), informed.sentence)).toBeUndefined();
  });
});

describe('teaching a phrasing', () => {
  const base = { question: MISTAKE, answer: TAUGHT_FROM, bank: BANK, existing: [] };

  it('takes the exact words given, by point number or id', () => {
    const byNumber = teachPhrasing({ ...base, point: '2', sentence: 'told the incident channel and the product director  within 5 minutes' });
    expect(byNumber.phrasing).toEqual(informed);
    expect(byNumber.from).toBe('given');
    expect(teachPhrasing({ ...base, point: informed.point, sentence: informed.sentence }).number).toBe(2);
    expect(teachPhrasing({ ...base, existing: [informed], point: '2', sentence: informed.sentence }).already).toBe(true);
  });

  it('without words, takes the clause the coach found closest', () => {
    const answer = 'It was my fault. Every affected shop owner heard from me within 5 minutes, by phone.';
    const t = teachPhrasing({ ...base, answer, point: '2' });
    expect(t.from).toBe('closest');
    expect(t.phrasing.sentence).toMatch(/^Every affected shop owner heard from me within 5 minutes/);
    // Nothing near the point at all: the person is asked for the words.
    expect(() => teachPhrasing({ ...base, answer: 'It was my fault, plainly.', point: '2' })).toThrow(/--sentence/);
  });

  it.each([
    [{ point: '2', sentence: 'told the whole company' }, /not in it/],
    [{ point: '9', sentence: informed.sentence }, /no point "9"/],
    [{ point: '2', sentence: 'the' }, /too few specific words/],
    [{ point: '2', sentence: 'plain. I told the incident channel' }, /one sentence/],
  ])('refuses %j', (input, message) => {
    expect(() => teachPhrasing({ ...base, ...input })).toThrow(message);
  });
});

describe('phrasings.yaml', () => {
  it('reads entries, and nothing from an empty file', () => {
    const text = 'phrasings:\n  - question: mistake-ownership\n    point: p\n    sentence: told the channel\n';
    expect(parsePhrasings(text, 'f.yaml')).toEqual({ phrasings: [{ question: 'mistake-ownership', point: 'p', sentence: 'told the channel' }], problems: [] });
    expect(parsePhrasings('# nothing yet\n', 'f.yaml')).toEqual({ phrasings: [], problems: [] });
  });

  it.each([
    ['phrasings:\n  - question: q\n    sentence: s\n', 'f.yaml:2:5: missing required field "point"'],
    ['phrasings:\n  - question: q\n    point: p\n    sentence: s\n    colour: red\n', 'f.yaml:5:5: unknown field "colour": a phrasing has question, point and sentence'],
    ['phrasings:\n  - question: q\n    point: p\n    sentence: [a, b]\n', 'f.yaml:4:15: "sentence" expected string, received array'],
    ['phrasings: [\n', 'f.yaml:2:1'],
  ])('places every problem in the file: %j', (text, first) => {
    const { problems } = parsePhrasings(text, 'f.yaml');
    expect(`${problems[0]?.file}:${problems[0]?.line}:${problems[0]?.col}: ${problems[0]?.message}`.startsWith(first)).toBe(true);
  });

  it('forgets by number as listed or by question and point', () => {
    const two: Phrasing[] = [informed, { ...informed, point: pointIdOf(MISTAKE, 0), sentence: 'the mistake was mine' }];
    expect(forgetPhrasings(two, BANK, '2').kept).toEqual([informed]);
    expect(forgetPhrasings(two, BANK, `mistake-ownership:${informed.point}`).kept).toHaveLength(1);
    expect(forgetPhrasings(two, BANK, 'mistake-ownership:2').forgotten).toEqual([informed]);
    expect(() => forgetPhrasings(two, BANK, '3')).toThrow(/no phrasing number 3/);
    expect(() => forgetPhrasings(two, BANK, 'vendor-outage:2')).toThrow(/no phrasing matches/);
  });
});
