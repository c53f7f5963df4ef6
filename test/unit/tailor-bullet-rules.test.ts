import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/questions/schema.js';
import { fitBullets, type BulletReading } from '../../src/core/tailor/bullet-fit.js';
import { findGapBullets, isAboutWork, pickForBullets } from '../../src/core/tailor/bullet-picks.js';
import { readBullets } from '../../src/core/tailor/bullets.js';
import { compileThemes } from '../../src/core/tailor/match.js';
import { indexBank } from '../../src/core/tailor/profile.js';
import { createRanker } from '../../src/core/tailor/rank.js';
import { makeQuestion } from '../support/questions.js';

const matcher = compileThemes();

/** Fits of every question of `bank` to one listed bullet, by id. */
function fitsFor(bank: Question[], bullet: string): Map<string, number> {
  const [reading] = fitBullets(readBullets(`- ${bullet}`), indexBank(bank, matcher), matcher);
  return new Map((reading?.fits ?? []).map((f) => [f.id, f.fit]));
}

const regulation = makeQuestion('eu-act', 'technical', {
  question: 'What does the Digital Operational Resilience Act ask of how a bank changes its systems and of its third-party providers?',
  answer: 'Recorded, tested and approved changes; audit rights over providers.',
  keyPoints: [{ id: 'apart', point: 'Keeps it apart from the DORA metrics', terms: ['not the dora metrics', 'third party risk'] }],
  tags: ['eu-dora', 'regulation', 'third-party-risk'],
});
const metrics = makeQuestion('delivery-metrics', 'technical', {
  question: 'Which DORA metrics would you report, and how would you use them?',
  answer: 'Deployment frequency, lead time, change failure rate and time to restore.',
  tags: ['dora', 'metrics'],
});
const vendors = makeQuestion('vendor-drops', 'technical', {
  question: 'How do you plan a release that depends on a vendor delivery?',
  answer: 'Dates in the contract, an early drop and a test slot.',
  tags: ['vendor-management'],
});

describe('a word in two senses, in the bank as in the posting', () => {
  it('does not answer a DORA-metrics bullet with the question on the EU act, which names the metrics only to set them apart', () => {
    const fits = fitsFor([regulation, metrics, vendors], 'Report delivery performance with the DORA metrics every month.');
    expect(fits.get('delivery-metrics') ?? 0).toBeGreaterThan(fits.get('eu-act') ?? 0);
  });

  it('answers a bullet that names the EU act with the question on it', () => {
    const fits = fitsFor([regulation, metrics, vendors], 'Prepare our change process for DORA, the EU operational resilience regulation.');
    expect(fits.get('eu-act') ?? 0).toBeGreaterThan(fits.get('delivery-metrics') ?? 0);
  });

  it('answers a vendor bullet that does not name the act with the vendor question, not the one on the act', () => {
    const fits = fitsFor([regulation, metrics, vendors], 'Manage the third-party vendors who deliver parts of a release.');
    expect(fits.get('vendor-drops') ?? 0).toBeGreaterThan(fits.get('eu-act') ?? 0);
  });
});

describe('questions about the person', () => {
  const bank = [
    makeQuestion('why-us', 'common', { question: 'Why do you want this role on our on-call release team?', answer: 'The on-call rota and the team.', tags: ['motivation', 'role-fit'] }),
    makeQuestion('rota', 'technical', { question: 'How do you staff an out-of-hours release rota?', answer: 'Named people, a rota and time off after.', tags: ['out-of-hours'] }),
  ];

  it('answer no bullet, however many words they share with it', () => {
    const fits = fitsFor(bank, 'Run an on-call rota for releases that the team does not dread.');
    expect(fits.has('why-us')).toBe(false);
    expect(fits.get('rota') ?? 0).toBeGreaterThan(0);
  });
});

describe('the lexicon names practices in the words postings use', () => {
  const bank = [
    makeQuestion('low-performer', 'behavioral', { question: 'Tell me about a time someone on your team was not performing. What did you do?', answer: 'Clear feedback and a plan.', tags: ['performance-management'] }),
    makeQuestion('hired', 'behavioral', { question: 'Tell me about a time you hired someone for your team.', answer: 'Defined the role, ran the interview loop.', tags: ['hiring'] }),
    makeQuestion('senior-no', 'behavioral', { question: 'Tell me about a time you pushed back on a senior leader.', answer: 'Held the line with evidence.', tags: ['pushback'] }),
    makeQuestion('toggles', 'technical', { question: 'How do you use feature flags in releases?', answer: 'Kill switches.', tags: ['feature-flags'] }),
  ];

  it.each([
    ['Hold honest performance conversations, including the hard ones when someone is falling short.', 'low-performer'],
    ['Hire four release engineers this year, from defining each role to onboarding them.', 'hired'],
    ['Have the confidence to stop a change that is not ready.', 'senior-no'],
    ['Put every risky feature behind remote config we can switch off without a new binary.', 'toggles'],
  ])('"%s" is answered best by %s', (bullet, id) => {
    const fits = [...fitsFor(bank, bullet)].sort((a, b) => b[1] - a[1]);
    expect(fits[0]?.[0]).toBe(id);
  });

  it('counts a theme phrase of everyday words ("many teams") toward the theme', () => {
    const coordination = makeQuestion('many-teams', 'common', { question: 'How do you keep many teams on one release plan?', answer: 'One plan, one owner per dependency.', tags: ['coordination'] });
    const fits = fitsFor([coordination, ...bank], 'The ability to bring many teams to one plan.');
    expect(fits.get('many-teams') ?? 0).toBeGreaterThan(0.35);
  });
});

describe('which bullets pick questions and which are gaps', () => {
  const bank = [
    makeQuestion('gates', 'technical', { question: 'How do you run a go/no-go for a release?', answer: 'Evidence from testing, operations and the owner.', tags: ['go-no-go'] }),
    makeQuestion('cab', 'technical', { question: 'How do you prepare a change for the change advisory board?', answer: 'Risk and a backout plan.', tags: ['change-management'] }),
    makeQuestion('notes', 'technical', { question: 'How do you write release notes and sign off a release?', answer: 'Plain words; an owner signs off.', tags: ['release-notes'] }),
    makeQuestion('rota', 'technical', { question: 'How do you staff an out-of-hours release rota and on-call dashboards?', answer: 'Named people.', tags: ['out-of-hours', 'dashboard'] }),
  ];
  const listed = [
    'Responsibilities',
    '- Run the go/no-go for every release.',
    '- Chair the change advisory board.',
    '- Write release notes for each release.',
    '- Run the out-of-hours release rota.',
    '- Prepare change requests for the change advisory board with a backout plan.',
    '',
    'You can talk to people as much as you read on-call dashboards.',
  ].join('\n');

  it('takes a posting that lists its duties at its lists: a prose line about the person is no matched bullet', () => {
    const ranker = createRanker([...bank, makeQuestion('boards', 'technical', { question: 'How do you build dashboards people read?', answer: 'Few numbers.', tags: ['dashboard'] })]);
    const withProse = ranker.rank(listed, 10);
    const listOnly = ranker.rank(listed.split('\n').slice(0, 6).join('\n'), 10);
    expect(withProse.bullets.matched).toBe(listOnly.bullets.matched);
  });

  it.each([
    ['Make sure every release meets WCAG 2.2 AA before it reaches the public.', true],
    ['Make sure every release meets our accessibility rules before it reaches the public.', false],
    ['Handle emergency changes through the ECAB before they reach the public.', false],
    ['Keep patients and GP practices informed before a release reaches the public.', false],
    ['Make sure every release has a DCB0129 sign-off before it reaches the public.', true],
  ])('takes "%s", answered at a fit between FIT and 0.5, for a gap: %s (a standard the bank never names)', (text, gap) => {
    const reading = {
      bullet: { text, listed: true },
      themes: new Map([['uat-signoff', 1]]),
      stems: new Map([['meet', 1], ['wcag', 1], ['public', 1], ['reach', 1]]),
      pairs: new Set<string>(),
      themeCover: 0,
      fits: [{ id: 'notes', fit: 0.42 }],
    };
    expect(findGapBullets([reading], new Map()).length).toBe(gap ? 1 : 0);
    expect(findGapBullets([{ ...reading, fits: [{ id: 'notes', fit: 0.55 }] }], new Map())).toEqual([]);
  });

  it('takes a trait of the person for no gap, however little the bank says about it', () => {
    const reading = {
      bullet: { text: 'A calm head when a release goes wrong on a Friday evening.', listed: true },
      themes: new Map([['incidents', 1]]),
      stems: new Map([['calm', 1], ['head', 1], ['wrong', 1], ['friday', 1], ['evening', 1]]),
      pairs: new Set<string>(),
      themeCover: 0,
      fits: [{ id: 'notes', fit: 0.1 }],
    };
    expect(findGapBullets([reading], new Map())).toEqual([]);
    const duty = { ...reading, bullet: { text: 'Stay calm when a release goes wrong on a Friday evening.', listed: true } };
    expect(findGapBullets([duty], new Map())).toHaveLength(1);
  });
});

describe('what the person brings, nice-to-haves and lines that place the job', () => {
  const reading = (text: string, fits: [string, number][], section?: string): BulletReading => ({
    bullet: { text, listed: true, ...(section ? { section } : {}) },
    themes: new Map([['mobile', 1]]),
    stems: new Map([['app', 1], ['store', 1], ['review', 1]]),
    pairs: new Set<string>(),
    themeCover: 1,
    fits: fits.map(([id, fit]) => ({ id, fit })),
  });
  const duties = [
    reading('Submit every build to the stores and answer review rejections.', [['store-releases', 0.9], ['ota-updates', 0.6]], 'Responsibilities'),
    reading('Run the weekly release train.', [['trains', 0.8]], 'Responsibilities'),
  ];

  it('a line about experience brings no question of its own when a duty already brought its best', () => {
    const brings = reading('Experience releasing native mobile apps with a large user base.', [['store-releases', 0.8], ['ota-updates', 0.7]], 'What you bring');
    const { picks } = pickForBullets([...duties, brings], new Map());
    expect(picks.get('store-releases')?.bullet.text).toMatch(/^Submit/);
    // ota-updates comes in only as a duty's next question, never as the experience line's own pick.
    expect(picks.get('ota-updates')?.bullet.text ?? 'none').not.toMatch(/^Experience/);
  });

  it('a line about experience that names a practice no duty names brings its question', () => {
    const flags = reading('Experience with feature flag platforms and keeping flag debt low.', [['flags', 0.9]], 'Nice to have');
    const { picks } = pickForBullets([...duties, flags], new Map());
    expect(picks.has('flags')).toBe(true);
  });

  it('a nice-to-have the bank cannot answer is no gap; the same line as a duty is', () => {
    const text = 'Translate store listings and release notes into four market languages for every release.';
    expect(findGapBullets([reading(text, [['store-releases', 0.2]], 'Nice to have')], new Map())).toEqual([]);
    expect(findGapBullets([reading(text, [['store-releases', 0.2]], 'Responsibilities')], new Map())).toHaveLength(1);
  });

  it.each([
    ['Write release notes for the contact centre in plain English.', true],
    ['Fluent written and spoken English.', false],
    ['German at C1 level or better.', false],
    ['ITIL 4 Foundation or higher; deep knowledge of change enablement.', true],
    ['ITIL 4 Foundation or higher.', false],
  ])('"%s" is about the work: %s', (text, work) => {
    expect(isAboutWork(reading(text, [['notes', 0.5]]))).toBe(work);
  });

  it('a prose line that places the job ("you will sit in ..., report to ...") picks nothing in a posting that lists its duties', () => {
    const prose = { ...reading('You will sit in Technology Operations and report to the Head of Service Management.', [['itil', 0.6]]), bullet: { text: 'You will sit in Technology Operations and report to the Head of Service Management.', listed: false } };
    const more = ['a', 'b', 'c', 'd'].map((x) => reading(`Duty ${x} for the release.`, [[`q-${x}`, 0.7]], 'Responsibilities'));
    const { picks } = pickForBullets([...duties, ...more, prose], new Map());
    expect(picks.has('itil')).toBe(false);
    const duty = { ...prose, bullet: { text: 'You will run the ITIL change practice for Technology Operations.', listed: false } };
    expect(pickForBullets([...duties, ...more, duty], new Map()).picks.has('itil')).toBe(true);
  });

  it('a prose sentence stating a requirement ("You have managed releases ...") is a matched bullet even in a posting that lists its duties', () => {
    const more = ['a', 'b', 'c', 'd'].map((x) => reading(`Duty ${x} for the release.`, [[`q-${x}`, 0.7]], 'Responsibilities'));
    const text = 'You have managed releases for a large service with many suppliers.';
    const prose = { ...reading(text, [['vendors', 0.6]], 'About you'), bullet: { text, listed: false, section: 'About you' } };
    const withIt = pickForBullets([...duties, ...more, prose], new Map());
    expect(withIt.matched).toBe(pickForBullets([...duties, ...more], new Map()).matched + 1);
    expect(withIt.picks.has('vendors')).toBe(true);
    const trait = { ...prose, bullet: { text: 'You care about the people who use public services.', listed: false, section: 'About you' } };
    expect(pickForBullets([...duties, ...more, trait], new Map()).picks.has('vendors')).toBe(false);
  });
});

describe('duties: how postings ask for what a question prepares for', () => {
  const plain = makeQuestion('outside-help', 'technical', { question: 'How do you plan a release that hinges on work you do not control?', answer: 'We planned a buffer.', tags: ['dependencies'] });
  const other = makeQuestion('schedule', 'technical', { question: 'How do you keep a release schedule that many teams trust?', answer: 'One calendar.', tags: ['planning'] });
  const filler = ['rollback', 'canary', 'hotfix', 'metrics', 'audit'].map((t) => makeQuestion(`q-${t}`, 'technical', { question: `How do you handle ${t} work?`, answer: `Carefully, with ${t} notes.`, tags: [t] }));
  const bullet = 'Keep third-party suppliers delivering on the release schedule.';

  it('a question whose duties say what the bullet asks answers it better than one that shares a word', () => {
    const without = fitsFor([plain, other, ...filler], bullet);
    expect(without.get('schedule') ?? 0).toBeGreaterThan(without.get('outside-help') ?? 0);
    const withDuties = fitsFor([{ ...plain, duties: ['Keep third-party suppliers and vendors delivering on schedule'] }, other, ...filler], bullet);
    expect(withDuties.get('outside-help') ?? 0).toBeGreaterThan(withDuties.get('schedule') ?? 0);
  });
});
