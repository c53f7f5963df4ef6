import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePlan } from '../../src/core/practice/plan-parse.js';
import { pickPlanQuestions } from '../../src/core/practice/plan-pick.js';
import { loadBank } from '../../src/core/questions/load.js';
import type { Question } from '../../src/core/questions/schema.js';
import { pickCovering } from '../../src/core/tailor/diversify.js';
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

  it('keeps "games" apart from "gaming" a metric', () => {
    expect(stemWord('games')).toBe(stemWord('game'));
    expect(stemWord('games')).not.toBe(stemWord('gaming'));
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
  makeQuestion('release-notes', 'technical', { question: 'How do you write a changelog people read?', answer: 'Short, grouped by who it affects.', tags: ['documentation'] }),
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
    ['You will chair the weekly change board with the supplier.', 'approval-board', 'change board'],
    ['Keep the patch notes readable for players.', 'release-notes', 'patch notes'],
    ['Run the go-live weekend and the cut over of the old system.', 'go-live-weekend', 'go live'],
    ['Own our Google Play and TestFlight submissions.', 'store-review', 'google play'],
    ['Roll out new versions with progressive delivery and canaries.', 'canary-rollout', 'progressive delivery'],
  ])('finds the question in words it does not use: %s', (posting, id, phrase) => {
    const result = ranker.rank(posting, 5);
    expect(result.questions[0]?.id).toBe(id);
    // The reason is the posting's phrase, alone or inside the quote of the bullet it stands in.
    expect(result.questions[0]?.because.join(' / ').toLowerCase()).toContain(phrase.toLowerCase());
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

  it.each([
    ['a possessive', "Lumora's release train ships canary builds with Fastlane.", 'Lumora'],
    ['a company after "at"', 'At Quillbook we run canary releases using Fastlane.', 'Quillbook'],
    ['a product in apposition', 'You will own the canary rollout of Nimbus, our flagship app, with Fastlane.', 'Nimbus'],
    ['a two-word name', 'Run the CAB for the Core Banking estate with Fastlane.', 'Banking'],
    ['a certificate title', 'ITIL v4 Foundation and canary deployments with Fastlane.', 'Foundation'],
    ['a place after "in"', 'Canary releases for hospitals in Europe with Fastlane.', 'Europe'],
    ['places listed after "in"', 'Canary releases for wallets in Poland and Czechia with Fastlane.', 'Czechia'],
    ['places listed after "across"', 'Canary releases for stores across Lisbon, Porto or Braga with Fastlane.', 'Braga'],
    ['a word of the title line', 'Release Manager, Ember Games\nShip canary builds to Ember players with Fastlane.', 'Ember'],
    ['a title written as an acronym', 'Report the canary success rate to the CIO and the CISOs, with Fastlane.', 'CIO'],
  ])('keeps the employer out of the gaps: %s', (_what, posting, name) => {
    const result = ranker.rank(posting, 5);
    expect(result.gaps).not.toContain(name);
    expect(result.gaps).toContain('Fastlane');
  });

  it('lists a tool only where a tool would stand, and never a theme phrase as a name', () => {
    const result = ranker.rank('Canary releases built on Zorblex. Report release KPIs to the CAB. Forge runs the canary checks.', 5);
    expect(result.gaps).toContain('Zorblex');
    expect(result.gaps).not.toContain('Forge');
    expect(result.gaps).not.toContain('KPIs');
  });

  it('does not rank or explain a question by a lone word from its key points', () => {
    const bank = [
      ...tiny,
      makeQuestion('role-fit', 'common', {
        question: 'How is this role different from a project manager?',
        answer: 'Different owners.',
        keyPoints: [{ id: 'names-chair', point: 'Names who may chair meetings and handle requests', terms: ['chair', 'requests'] }],
      }),
    ];
    const result = createRanker(bank).rank('You will chair the weekly canary review and triage requests.', 10);
    expect(result.questions.map((q) => q.id)).not.toContain('role-fit');
    expect(result.questions.flatMap((q) => q.because)).not.toEqual(expect.arrayContaining(['chair']));
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

describe('ranking the bank against the keyed postings of the tune half', () => {
  let rank: ReturnType<typeof createRanker>['rank'];
  beforeAll(async () => {
    const bank = await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT });
    rank = createRanker(bank.questions).rank;
  });
  const keyed = ['tuning', join('eval', 'tune')].flatMap((dir) =>
    readdirSync(join(POSTINGS, dir))
      .filter((n) => n.endsWith('.key.yaml'))
      .map((n) => join(dir, n.replace(/\.key\.yaml$/, ''))),
  );

  it('hears a line about the person wanted by its practice, not by its trait words ("comfortable saying no ...")', () => {
    const posting = ['## What you will do', '- Own the release calendar.', '- Run the go/no-go for each release.', '', '## About you', '- Comfortable saying no to a senior clinician who wants a change in today.'].join('\n');
    const result = rank(posting, 10);
    expect(result.gapDetails.map((g) => g.bullet)).toEqual([]);
    expect(result.questions.find((q) => q.id === 'saying-no-senior')?.bullet).toMatch(/^Comfortable saying no/);
  });

  it.each(keyed)('%s: most bullets of the key have one of their questions within the cut', (name) => {
    const key = parse(readFileSync(join(POSTINGS, `${name}.key.yaml`), 'utf8')) as { bullets: { bullet: string; questions?: string[] }[] };
    const result = rank(readFileSync(join(POSTINGS, `${name}.md`), 'utf8'), 15);
    const cut = new Set(result.questions.slice(0, result.bullets.cut).map((q) => q.id));
    const asked = key.bullets.filter((b) => b.questions);
    const heard = asked.filter((b) => b.questions?.some((id) => cut.has(id)));
    expect(heard.length).toBeGreaterThanOrEqual(Math.ceil(asked.length / 2));
  });
});

describe('picking a list that covers the posting', () => {
  const c = (id: string, relevance: number, themes: [string, number][]) => ({ id, relevance, themes: new Map(themes) });

  it('prefers a question on a theme not yet covered over a slightly more relevant one on a covered theme', () => {
    const share = new Map([['mobile', 0.5], ['feature-flags', 0.5]]);
    const picks = pickCovering([c('store', 1, [['mobile', 1]]), c('store-2', 0.8, [['mobile', 1]]), c('flags', 0.7, [['feature-flags', 1]])], share, 3, 0.6, 0.7);
    expect(picks.map((p) => p.item.id)).toEqual(['store', 'flags', 'store-2']);
    const gains = picks.map((p) => p.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
  });

  it('keeps the order of relevance when diversity counts for nothing', () => {
    const share = new Map([['mobile', 1]]);
    const picks = pickCovering([c('a', 0.9, [['mobile', 1]]), c('b', 0.5, []), c('c', 0.7, [['mobile', 1]])], share, 2, 0, 0.7);
    expect(picks.map((p) => p.item.id)).toEqual(['a', 'c']);
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
