import { describe, expect, it } from 'vitest';
import { buildThesaurus } from '../../src/core/coach/synonyms.js';
import { analyzeTalkingPoints } from '../../src/core/coach/talking-points.js';
import { analyzeText } from '../../src/core/coach/text.js';
import type { KeyPoint } from '../../src/core/questions/schema.js';

const thesaurus = buildThesaurus();
const check = (answer: string, points: KeyPoint[], question = 'How do you recover from a bad release?') =>
  analyzeTalkingPoints(analyzeText(answer), question, points, thesaurus);

const ROLLBACK: KeyPoint = { point: 'Has a tested way back to the previous version', terms: ['rollback', 'revert'] };
const MONITOR: KeyPoint = { point: 'Watches production after the release', terms: ['monitoring', 'dashboards'] };
const POSTMORTEM: KeyPoint = { point: 'Reviews the incident afterwards', terms: ['postmortem', 'root cause'] };

describe('analyzeTalkingPoints', () => {
  it.each([
    ['We backed out the change within ten minutes.', 'backed out'],
    ['We reverted the deploy.', 'reverted'],
    ['The rollback was rehearsed in staging.', 'rollback'],
    ['We went straight back to the previous version.', 'previous version'],
  ])('a rollback point is covered by a paraphrase: %s', (answer, evidence) => {
    const [point] = check(answer, [ROLLBACK]).points;
    expect(point?.covered).toBe(true);
    expect(point?.evidence).toContain(evidence);
  });

  it.each([
    ['We monitored error rates for an hour.', 'monitored'],
    ['I was keeping an eye on the graphs.', 'keeping an eye'],
    ['Two people watched the graphs.', 'watched'],
  ])('inflections and usual synonyms count: %s', (answer, evidence) => {
    const [point] = check(answer, [MONITOR]).points;
    expect(point).toMatchObject({ covered: true });
    expect(point?.evidence).toContain(evidence);
  });

  it('matches multi-word terms only as consecutive words', () => {
    expect(check('We found the root cause in a day.', [POSTMORTEM]).points[0]?.covered).toBe(true);
    expect(check('The cause was at the root of the tree.', [POSTMORTEM]).points[0]?.covered).toBe(false);
  });

  it("quotes the answer's own words as evidence, in order and without repeats", () => {
    const [point] = check('A Post-Mortem found the root cause; the postmortem was blameless.', [POSTMORTEM]).points;
    expect(point?.evidence).toEqual(['Post-Mortem', 'root cause', 'postmortem']);
  });

  it("covers a point from its own content words when enough of them are said", () => {
    const point: KeyPoint = { point: 'Keeps support staff briefed before launch', terms: ['zzz'] };
    expect(check('I made sure support staff were briefed well before the launch.', [point]).points[0]).toMatchObject({
      covered: true,
      evidence: ['support', 'staff', 'briefed', 'launch'],
    });
    // One word of four is a near miss, not coverage.
    const near = check('Support was there.', [point]);
    expect(near.points[0]?.covered).toBe(false);
    expect(near.credit[0]).toBeCloseTo(0.25);
  });

  it('gives full credit to covered points and reports none for an off-topic answer', () => {
    const result = check('I like cooking pasta on Sundays.', [ROLLBACK, MONITOR, POSTMORTEM]);
    expect(result.points.map((p) => p.covered)).toEqual([false, false, false]);
    expect(result.points.every((p) => p.evidence.length === 0)).toBe(true);
    expect(check('We reverted and monitored.', [ROLLBACK, MONITOR]).credit).toEqual([1, 1]);
  });

  it('measures how much of the question and its points the answer talks about', () => {
    const on = check('To recover from a bad release I revert to the previous version and watch production.', [ROLLBACK, MONITOR]);
    const off = check('I enjoy cooking pasta.', [ROLLBACK, MONITOR]);
    expect(on.topic).toBeGreaterThan(0.3);
    expect(off.topic).toBe(0);
  });

  it('handles no key points and empty answers', () => {
    expect(check('anything', []).points).toEqual([]);
    expect(check('', [ROLLBACK]).points[0]).toEqual({ point: ROLLBACK.point, covered: false, evidence: [] });
  });
});
