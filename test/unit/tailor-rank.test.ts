import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/core/practice/plan-parse.js';
import { pickPlanQuestions } from '../../src/core/practice/plan-pick.js';
import { loadBank } from '../../src/core/questions/load.js';
import type { Question } from '../../src/core/questions/schema.js';
import { buildTailorPlan, formatPlanYaml } from '../../src/core/tailor/plan.js';
import { createRanker } from '../../src/core/tailor/rank.js';
import { isGeneric, stemWord, tokenize } from '../../src/core/tailor/words.js';
import { makeQuestion } from '../support/questions.js';

const ROOT = join(import.meta.dirname, '..', '..');
const POSTINGS = join(ROOT, 'test', 'fixtures', 'postings');

describe('words', () => {
  it.each([
    ['deploys', 'deploying', 'deployed'],
    ['releases', 'released', 'releasing'],
    ['changes', 'changed', 'change'],
    ['rollouts', 'rollout', 'rollout'],
  ])('%s, %s and %s share a stem', (a, b, c) => {
    expect(new Set([stemWord(a), stemWord(b), stemWord(c)]).size).toBe(1);
  });

  it('splits hyphens, slashes and dots but keeps k8s and c# whole', () => {
    expect(tokenize('go-live CI/CD node.js k8s c#').map((w) => w.surface)).toEqual(['go', 'live', 'CI', 'CD', 'node', 'js', 'k8s', 'c#']);
  });

  it.each(['team', 'experience', 'strong', 'skills', 'excellent', 'years'])('"%s" carries no weight', (word) => {
    expect(isGeneric(stemWord(word))).toBe(true);
  });

  it.each(['canary', 'rollback', 'cutover', 'audit'])('"%s" carries weight', (word) => {
    expect(isGeneric(stemWord(word))).toBe(false);
  });
});

/** A small bank whose questions each hold one topic, in words a posting may not use. */
const tiny: Question[] = [
  makeQuestion('team-story', 'behavioral', { question: 'Tell me about your team and the experience and skills you bring to strong teams.', answer: 'My team has strong skills and years of experience.' }),
  makeQuestion('canary-rollout', 'technical', { question: 'How do you run a canary release?', answer: 'I send a small share of traffic to the new version first.', tags: ['canary'] }),
  makeQuestion('approval-board', 'technical', { question: 'How do you prepare a change for the change advisory board?', answer: 'Risk, backout plan and evidence.', tags: ['change-management'] }),
  makeQuestion('go-live-weekend', 'common', { question: 'How do you plan a cutover?', answer: 'A runbook with timings and a rehearsal.', tags: ['cutover'] }),
  makeQuestion('store-review', 'technical', { question: 'How do you ship through App Store review?', answer: 'Phased release and a fast hotfix lane.', tags: ['mobile'] }),
];

describe('ranking', () => {
  const ranker = createRanker(tiny);

  it('weighs one specific word above any amount of generic ones', () => {
    const posting = 'Strong team player with excellent skills and years of experience. Team, team, team. Some canary deployments.';
    const result = ranker.rank(posting, 5);
    expect(result.questions[0]?.id).toBe('canary-rollout');
    expect(result.questions.map((q) => q.id)).not.toContain('team-story');
  });

  it.each([
    ['You will chair the CAB every Tuesday.', 'approval-board', 'CAB'],
    ['Run the go-live weekend and the cut over of the old system.', 'go-live-weekend', 'go live'],
    ['Own our Google Play and TestFlight submissions.', 'store-review', 'google play'],
    ['Roll out new versions with progressive delivery and canaries.', 'canary-rollout', 'progressive delivery'],
  ])('finds the question in words it does not use: %s', (posting, id, phrase) => {
    const result = ranker.rank(posting, 5);
    expect(result.questions[0]?.id).toBe(id);
    expect(result.questions[0]?.because.map((b) => b.toLowerCase())).toContain(phrase.toLowerCase());
  });

  it('names the themes the bank has no question for as gaps', () => {
    const result = ranker.rank('Release manager for ServiceNow change requests and the SOX audit trail.', 5);
    expect(result.gaps).toEqual(expect.arrayContaining(['servicenow', 'sox', 'audit trail']));
    const approval = result.themes.find((t) => t.theme === 'change-approval');
    expect(approval?.questions).toEqual(['approval-board']);
    expect(result.gaps).not.toContain('change requests');
  });

  it('names tools the posting gives in a sentence about release work that no question mentions', () => {
    const result = ranker.rank('Improve the canary pipeline with Fastlane and Bitrise. Acme Corp has offices in Leeds and Paris.', 5);
    expect(result.gaps).toEqual(expect.arrayContaining(['Fastlane', 'Bitrise']));
    expect(result.gaps).not.toEqual(expect.arrayContaining(['Acme']));
    expect(result.gaps).not.toContain('Leeds');
  });

  it('returns nothing for a text with no release-management words', () => {
    expect(ranker.rank('We bake sourdough bread and sell it at the market.', 5).questions).toEqual([]);
  });

  it('honours the count and orders scores best first', () => {
    const result = ranker.rank('canary cutover CAB App Store', 3);
    expect(result.questions).toHaveLength(3);
    const scores = result.questions.map((q) => q.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('ranking the bank against the test postings', () => {
  let rank: ReturnType<typeof createRanker>['rank'];
  const expected = JSON.parse(readFileSync(join(POSTINGS, 'expected.json'), 'utf8')) as Record<string, { expect: string[] }>;
  beforeAll(async () => {
    const bank = await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT });
    rank = createRanker(bank.questions).rank;
  });

  it.each(Object.keys(expected).filter((k) => k.startsWith('tuning/')))('%s: a question a hiring manager expects comes first, and most of them in the top 10', (key) => {
    const want = expected[key]?.expect ?? [];
    const ids = rank(readFileSync(join(POSTINGS, key), 'utf8'), 10).questions.map((q) => q.id);
    expect(want).toContain(ids[0]);
    expect(ids.filter((id) => want.includes(id)).length).toBeGreaterThanOrEqual(Math.ceil(want.length / 2));
  });
});

describe('tailored plan', () => {
  it('writes a plan file that the drill reads back and asks in rank order', () => {
    const ranker = createRanker(tiny);
    const result = ranker.rank('canary cutover CAB App Store', 4);
    const yaml = formatPlanYaml(buildTailorPlan(result, 'job.md'), 'plan.yaml');
    const { plan, problems } = parsePlan(yaml, 'plan.yaml');
    expect(problems).toEqual([]);
    const order = result.questions.map((q) => q.id);
    // The drill hands its own order over; the plan must still ask in rank order.
    const picked = pickPlanQuestions(plan!, tiny, [...tiny.map((q) => q.id)].reverse(), () => 0.5);
    expect(picked.map((q) => q.id)).toEqual(order);
    expect(plan?.timeLimit).toBe(180);
  });
});
