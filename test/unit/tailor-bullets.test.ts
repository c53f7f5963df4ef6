import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/core/practice/plan-parse.js';
import type { Question } from '../../src/core/questions/schema.js';
import { FIT } from '../../src/core/tailor/bullet-fit.js';
import { findGapBullets } from '../../src/core/tailor/bullet-picks.js';
import { readBullets } from '../../src/core/tailor/bullets.js';
import { buildTailorPlan, formatPlanYaml } from '../../src/core/tailor/plan.js';
import { MAX_QUOTE_WORDS, quoteOf } from '../../src/core/tailor/quote.js';
import { createRanker } from '../../src/core/tailor/rank.js';
import { stemWord } from '../../src/core/tailor/words.js';
import { makeQuestion } from '../support/questions.js';

describe('reading a posting as bullets', () => {
  const posting = [
    'Release Manager, Payments',
    '',
    'We run a card platform. You will own how it ships.',
    '',
    '## What you will do',
    '- Run the weekly change advisory board and keep',
    '  every change request complete.',
    '* Plan cutover weekends.',
    '• Publish release notes.',
    '1. Chair the go/no-go call.',
    '2) Keep the release calendar.',
    '',
    'About you',
    '- Calm under pressure.',
  ].join('\n');
  const bullets = readBullets(posting);

  it('reads each list item, whatever its marker, with its wrapped lines joined', () => {
    expect(bullets.filter((b) => b.listed).map((b) => b.text)).toEqual([
      'Run the weekly change advisory board and keep every change request complete.',
      'Plan cutover weekends.',
      'Publish release notes.',
      'Chair the go/no-go call.',
      'Keep the release calendar.',
      'Calm under pressure.',
    ]);
  });

  it('reads prose sentence by sentence and never takes a heading or the title for a bullet', () => {
    expect(bullets.filter((b) => !b.listed).map((b) => b.text)).toEqual(['We run a card platform.', 'You will own how it ships.']);
  });

  it('knows the section each bullet stands under', () => {
    expect(bullets.find((b) => b.text.startsWith('Plan cutover'))?.section).toBe('What you will do');
    expect(bullets.find((b) => b.text.startsWith('Calm'))?.section).toBe('About you');
  });
});

describe('quoting a bullet', () => {
  const weights = (...words: string[]) => new Map(words.map((w) => [stemWord(w), 1]));

  it('quotes a short bullet whole, without its full stop', () => {
    expect(quoteOf('Plan and lead cutover weekends.', weights('cutover'))).toBe('Plan and lead cutover weekends');
  });

  it('quotes the run of clauses of a long bullet that holds the words that matter, in the bullet\'s own order', () => {
    const bullet = 'Own the CI/CD pipeline design: build once, sign the artifact, promote the same image digest from staging to production through Argo CD and GitOps.';
    const quote = quoteOf(bullet, weights('sign', 'artifact', 'build'));
    expect(quote).toBe('build once, sign the artifact');
    expect(bullet).toContain(quote);
  });

  it('never quotes more than a few words', () => {
    const bullet = 'Coordinate releases across services with API versioning and contract tests so that teams can deploy independently without breaking each other or the customers who rely on them every day';
    const quote = quoteOf(bullet, weights('contract', 'versioning'));
    expect(quote.split(' ').length).toBeLessThanOrEqual(MAX_QUOTE_WORDS);
    expect(quote).toContain('contract tests');
    expect(bullet).toContain(quote);
  });
});

/** A small bank: a question each on change approval, cutover, feature flags and hiring. */
const bank: Question[] = [
  makeQuestion('approval-board', 'technical', { question: 'How do you prepare a change for the change advisory board?', answer: 'Risk, backout plan and evidence.', tags: ['change-management'] }),
  makeQuestion('go-live-weekend', 'common', { question: 'How do you plan a cutover weekend?', answer: 'A runbook with timings and a rehearsal.', tags: ['cutover'] }),
  makeQuestion('flags', 'technical', { question: 'How do feature flags let you switch off a risky feature without a new release?', answer: 'Kill switches and remote config.', tags: ['feature-flags'] }),
  makeQuestion('store-review', 'technical', { question: 'How do you ship through App Store review?', answer: 'Phased release and a fast hotfix lane.', tags: ['mobile'] }),
];

const posting = [
  'Release Manager',
  '',
  'Responsibilities',
  '- Chair the weekly change advisory board and approve change requests.',
  '- Use feature flags and remote config so that risky features can be switched off without a new binary.',
  '- Negotiate the annual budget for the payroll cluster and the fleet of build agents.',
  '- Plan cutover weekends with the runbook and a rehearsal.',
].join('\n');

describe('ranking a posting bullet by bullet', () => {
  const result = createRanker(bank).rank(posting, 10);

  it('brings the best question for each bullet into the list, quoting that bullet as the reason', () => {
    const flags = result.questions.find((q) => q.id === 'flags');
    expect(flags?.bullet).toBe('Use feature flags and remote config so that risky features can be switched off without a new binary.');
    expect(flags?.because).toHaveLength(1);
    expect(flags?.bullet).toContain(flags?.because[0]);
    expect(flags?.fit).toBeGreaterThanOrEqual(FIT);
    const cab = result.questions.find((q) => q.id === 'approval-board');
    expect(cab?.because[0]).toContain('change advisory board');
  });

  it('counts the bullets it read and those a question answers', () => {
    expect(result.bullets).toEqual({ read: 4, matched: 3, cut: 10 });
  });

  it('names a bullet no question answers as a gap, in the posting\'s words, in gaps and gapDetails', () => {
    const gap = result.gapDetails.find((g) => g.bullet.startsWith('Negotiate the annual budget'));
    expect(gap).toBeDefined();
    expect(gap?.bullet).toContain(gap?.text);
    expect(result.gaps).toContain(gap?.text);
    expect(result.gapDetails.map((g) => g.bullet)).not.toContain('Plan cutover weekends with the runbook and a rehearsal.');
  });

  it.each([
    [0.3, { id: 'approval-board', fit: 0.3 }],
    [0.1, undefined],
  ])('names the question nearest a gap only when one comes close (fit %s)', (fit, nearest) => {
    const reading = {
      bullet: { text: 'Negotiate the annual payroll budget with finance.', listed: true },
      themes: new Map([['stakeholders', 1]]),
      stems: new Map([['negotiat', 1], ['annual', 1], ['payroll', 1], ['budget', 1]]),
      pairs: new Set<string>(),
      themeCover: 0,
      fits: [{ id: 'approval-board', fit }],
    };
    const [gap] = findGapBullets([reading], new Map());
    expect(gap?.nearest).toEqual(nearest);
    expect(findGapBullets([{ ...reading, fits: [{ id: 'approval-board', fit: FIT }] }], new Map())).toEqual([]);
    // A listed duty with no theme of release work (a language, a degree) is no gap.
    expect(findGapBullets([{ ...reading, themes: new Map() }], new Map())).toEqual([]);
  });

  it.each([
    'At least five years of release management with cutover weekends.',
    'You have managed a change advisory board for at least two years.',
    'Degree in computer science; fluent English.',
  ])('takes a credential for no duty: "%s" brings no question and is no gap', (line) => {
    const result = createRanker(bank).rank(`About you\n- ${line}`, 10);
    expect(result.bullets.matched).toBe(0);
    expect(result.gapDetails).toEqual([]);
  });

  it('never names a bullet about the employer or the offer as a gap', () => {
    const offer = createRanker(bank).rank('Benefits\n- A generous pension, private healthcare and a cycle-to-work scheme.\n\nWe are a payroll company in Leeds.', 10);
    expect(offer.gapDetails).toEqual([]);
  });
});

describe('the plan file notes the gaps', () => {
  it('as comments the plan reader skips', () => {
    const result = createRanker(bank).rank(posting, 10);
    const yaml = formatPlanYaml(buildTailorPlan(result, 'job.md'), 'plan.yaml', result.gapDetails);
    expect(yaml).toMatch(/^# Gaps: [^\n]*\n# {3}- [^\n]*annual budget/m);
    const { plan, problems } = parsePlan(yaml, 'plan.yaml');
    expect(problems).toEqual([]);
    expect(plan?.items.map((i) => i.ids[0])).toEqual(result.questions.map((q) => q.id));
  });

  it('keeps a gap whose words hold a line break inside its comment', () => {
    const yaml = formatPlanYaml(buildTailorPlan({ themes: [], questions: [], gaps: [], gapDetails: [], bullets: { read: 0, matched: 0, cut: 10 } }, 'job.md'), 'plan.yaml', [
      { text: 'run payroll\nitems: [evil]', bullet: 'x' },
    ]);
    expect(yaml).toContain('#   - run payroll items: [evil]\n');
    expect(yaml).not.toMatch(/^items: \[evil\]/m);
  });

  it('says beside a gap the model grader made that the model named no question for it', () => {
    const yaml = formatPlanYaml(buildTailorPlan({ themes: [], questions: [], gaps: [], gapDetails: [], bullets: { read: 0, matched: 0, cut: 10 } }, 'job.md'), 'plan.yaml', [
      { text: 'translate store listings', bullet: 'x', nearest: { id: 'app-store-rejection', fit: 0.38 }, byModel: true },
    ]);
    expect(yaml).toContain('#   - translate store listings (nearest question: app-store-rejection, fit 0.38); the model grader names no question for it\n');
  });
});
