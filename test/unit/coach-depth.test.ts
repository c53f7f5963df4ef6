import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { readAnswer, SKIP_LIST } from '../../src/core/coach/reading.js';
import { lengthCap } from '../../src/core/coach/score.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';
import { type QuestionData, questionSchema } from '../../src/core/questions/schema.js';

const listed = (text: string) => {
  const r = readAnswer(text);
  return r.doc.tokens.filter((_, p) => r.skip[p] === SKIP_LIST).map((t) => t.raw).join(' ');
};

describe('a list inside a sentence', () => {
  it.each([
    'I try to make the safe path also the fast path, using four levers: small batches, fast automated feedback, testing effort weighted by risk, and limited exposure in production.',
    'We kept the risky parts behind practices such as canary releases, feature flags, dark launches and staged rollouts.',
  ])('after a colon or "such as", with a subject and a verb, is speech: %j', (text) => {
    expect(listed(text)).toBe('');
  });

  it.each([
    ['I focus on the following: scope, milestones, freeze, rollback, comms, risk.', 'scope milestones freeze rollback comms risk'],
    ['Levers: small batches, fast feedback, risk-based testing, limited exposure.', 'Levers small batches fast feedback risk based testing limited exposure'],
    ['I use these: canary, flags, freeze, runbook, rollback, dashboards, pager, SLOs, DORA, semver.', 'canary flags freeze runbook rollback dashboards pager SLOs DORA semver'],
  ])('hung on a clause that says nothing, or with no sentence around it, stays a list: %j', (text, words) => {
    expect(listed(text)).toBe(words);
  });
});

const Q: QuestionData = withPointIds(questionSchema.parse({
  id: 'quality-speed',
  category: 'technical',
  question: 'How do you balance release speed against quality?',
  answer: 'Small batches keep each change easy to check. A tiered test suite gives fast feedback. Contract tests catch broken integrations.',
  keyPoints: [
    { point: 'Ships in small batches', terms: ['small batches', 'smaller releases'] },
    { point: 'Runs a tiered test suite for fast feedback', terms: ['tiered test suite', 'fast feedback'] },
    { point: 'Uses contract tests between services', terms: ['contract tests'] },
  ],
}));

const DEVELOPED = `I ship in small batches, so that every change is small enough for one reviewer to understand in an afternoon and to
roll back on its own. We run a tiered test suite, where unit tests answer in two minutes and the slower end-to-end
tier runs only on the release branch, so developers get fast feedback without waiting an hour. Between services we
keep contract tests, which catch a broken integration in the producer's pipeline before a consumer ever sees it.
Over a year this took us from monthly to weekly releases, and defects found after release fell from seven to two per
release, measured in our incident tracker. The team trusts the pipeline, so nobody asks for a manual regression week
any more, and product managers plan around a weekly train instead of a quarterly one. When a release does go wrong, the
small size of each change means the fix is usually one revert and a short note to the people affected, and the
weekly review looks at what the pipeline missed and adds the check that would have caught it.`;

describe('depth and length', () => {
  it('a short answer is capped by one line of length: at most 40 at 40 words, 55 at 70, no step between neighbours', () => {
    expect(lengthCap(40)).toBeLessThanOrEqual(40);
    expect(lengthCap(70)).toBeLessThanOrEqual(55);
    expect(lengthCap(150)).toBe(100);
    for (let w = 1; w <= 200; w++) {
      expect(lengthCap(w)).toBeGreaterThanOrEqual(lengthCap(w - 1));
      expect(lengthCap(w) - lengthCap(w - 1)).toBeLessThanOrEqual(1);
    }
  });

  it('a thin answer naming every point scores far below the developed one, and is told first that it is short', () => {
    const thin = 'Small batches, a tiered test suite for fast feedback and contract tests between services.';
    const t = analyzeAnswer(Q, `I use ${thin}`);
    const d = analyzeAnswer(Q, DEVELOPED);
    expect(t.coverage).toBe(1);
    expect(t.score).toBeLessThanOrEqual(lengthCap(t.words));
    expect(d.score - t.score).toBeGreaterThanOrEqual(25);
    expect(t.suggestions[0]).toMatch(/^Too short/);
  });

  it('a point made in a few words earns less than the same point told', () => {
    const touched = `${DEVELOPED.replace(/Between services we\nkeep contract tests, which catch a broken integration in the producer's pipeline before a consumer ever sees it./, 'Contract tests too.')}`;
    const told = analyzeAnswer(Q, DEVELOPED);
    const brief = analyzeAnswer(Q, touched);
    expect(brief.talkingPoints[2]?.covered).toBe(true);
    expect(told.words).toBeGreaterThanOrEqual(150);
    expect(brief.words).toBeGreaterThanOrEqual(150);
    expect(brief.score).toBeLessThan(told.score);
  });
});

describe('the result', () => {
  const STORY: QuestionData = withPointIds(questionSchema.parse({
    id: 'story', category: 'behavioral', question: 'Tell me about a time.', answer: 'A.',
    keyPoints: [{ point: 'P', terms: ['zzz'] }], star: { situation: 'S?', task: 'T?', action: 'A?', result: 'R?' },
  }));
  const structure = (text: string) => analyzeAnswer(STORY, text).structure;

  it.each([
    'Situation: at a bank with 40 engineers, releases took 3 days.\nTask: I had 6 weeks to cut that to one day.',
    'At a bank with 40 engineers, releases took 3 days each time. My task was to cut that to one day within 6 weeks.',
  ])('is not made by a figure in the Situation or Task: %j', (text) => {
    const s = structure(text);
    expect(s.parts.find((p) => p.name === 'result')?.present).toBe(false);
    expect(s.resultHasOutcome).toBe(false);
  });

  it('is still made by a figure after the story is told', () => {
    const s = structure('At a bank with 40 engineers, releases took 3 days. My task was to cut that. I split the pipeline and I automated the sign-off. Releases now take 4 hours.');
    expect(s.parts.find((p) => p.name === 'result')?.present).toBe(true);
    expect(s.resultHasOutcome).toBe(true);
  });
});
