import { describe, expect, it } from 'vitest';
import type { GraderReply } from '../../src/core/coach/grader.js';
import { mergeCredits } from '../../src/core/coach/merge-credits.js';
import { readAnswer } from '../../src/core/coach/reading.js';
import type { TalkingPoint } from '../../src/core/coach/types.js';
import { verifyCredits } from '../../src/core/coach/verify-credits.js';

const reply = (...points: [number, string, boolean?][]): GraderReply => ({ points: points.map(([point, quote, made]) => ({ point, quote, made: made ?? true })) });
const verify = (answer: string, r: GraderReply, points = 5, relevance?: (p: number) => number) =>
  verifyCredits(readAnswer(answer), r, { points, ...(relevance ? { relevance: (p: number) => relevance(p) } : {}) });

const MISTAKE = "I checked the deploy log, so the mistake was mine. I told the incident channel and the product director within 5 minutes.";

describe('verifyCredits', () => {
  it('credits a quote that is the answer\'s own words, whatever the spacing, case and quote marks, giving the answer\'s text', () => {
    const v = verify(MISTAKE, reply([1, 'so the mistake was mine'], [2, '  Told  the incident channel and the “product” director ']));
    expect(v.credits.map((c) => [c.point, c.quote])).toEqual([
      [0, 'so the mistake was mine'],
      [1, 'told the incident channel and the product director'],
    ]);
    expect(v.dropped).toBe(0);
  });

  it('reads curly and straight apostrophes as one', () => {
    const v = verify('I’ll admit it straight away when the release is mine to fix.', reply([1, "I'll admit it straight away"]));
    expect(v.credits).toHaveLength(1);
  });

  it('drops and counts invented quotes, quotes with a word changed, and points that do not exist', () => {
    const v = verify(MISTAKE, reply([1, 'so the error was mine'], [2, 'I told everyone affected at once'], [9, 'so the mistake was mine'], [0, 'so the mistake was mine']));
    expect(v.credits).toEqual([]);
    expect(v.dropped).toBe(4);
  });

  it('refuses fragments: three words, or a few words cut from inside a clause', () => {
    const v = verify(MISTAKE, reply([1, 'the mistake was'], [2, 'incident channel and the']));
    expect(v.credits).toEqual([]);
    expect(v.refused.fragment).toBe(2);
    expect(v.dropped).toBe(0);
  });

  it('refuses quotes drawn from a bare list of terms, even with a short clause in front', () => {
    const answer = 'We release carefully. Canary releases, feature flags, blue green deployments, dark launches, smoke tests.';
    const v = verify(answer, reply([1, 'Canary releases, feature flags, blue green deployments'], [2, 'We release carefully. Canary releases, feature flags']));
    expect(v.credits).toEqual([]);
    expect(v.refused.list).toBe(2);
    // Short clauses strung into a list of terms say no clause's worth either.
    const terms = verify('My mistake, I owned it, took responsibility, contained, rolled back, informed stakeholders.', reply([1, 'my mistake, I owned it, took responsibility']));
    expect(terms.credits).toEqual([]);
  });

  it('credits one point for a stretch claimed for several: the one it is most about, else the first claimed', () => {
    const both = reply([3, 'so the mistake was mine'], [1, 'so the mistake was mine'], [2, 'I checked the deploy log, so the mistake was mine']);
    const best = verify(MISTAKE, both, 5, (p) => (p === 0 ? 2 : 1));
    expect(best.credits.map((c) => c.point)).toEqual([0]);
    expect(best.refused.shared).toBe(2);
    const tie = verify(MISTAKE, both);
    expect(tie.credits.map((c) => c.point)).toEqual([2]);
  });

  it('ignores points the grader says were not made, and a second claim for the same point', () => {
    const v = verify(MISTAKE, reply([1, 'so the mistake was mine', false], [2, 'so the mistake was mine'], [2, 'told the incident channel and the product director']));
    expect(v.credits.map((c) => c.point)).toEqual([1]);
  });
});

describe('mergeCredits', () => {
  const points: TalkingPoint[] = [
    { id: 'a', point: 'A', covered: true, evidence: ['heard a'] },
    { id: 'b', point: 'B', covered: false, evidence: [] },
    { id: 'c', point: 'C', covered: false, evidence: [] },
    { id: 'd', point: 'D', covered: false, evidence: [] },
  ];
  it('adds credited points, keeps the words\' verdict and says how each covered point was heard', () => {
    const m = mergeCredits(points, [1, 0.4, 0, 0.2], [
      { point: 0, by: 'model', quote: 'model a' },
      { point: 1, by: 'model', quote: 'model b' },
      { point: 2, by: 'model', quote: 'model c' },
      { point: 2, by: 'phrasing', quote: 'taught c' },
    ]);
    expect(m.points.map((p) => [p.covered, p.heardBy, p.evidence])).toEqual([
      [true, 'words', ['heard a']],
      [true, 'model', ['model b']],
      [true, 'your phrasing', ['taught c']],
      [false, undefined, []],
    ]);
    expect(m.credit).toEqual([1, 1, 1, 0.2]);
    expect(points[1]?.covered).toBe(false);
  });
});
