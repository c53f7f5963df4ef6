import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bank } from '../../src/core/questions/bank.js';
import { loadBank } from '../../src/core/questions/load.js';
import type { Question } from '../../src/core/questions/schema.js';
import { countFigures } from '../support/count-figures.js';

const GUIDE_IDS = {
  common: [
    'release-process', 'behind-schedule', 'risk-management', 'cicd-automation', 'cross-team-coordination',
    'quality-vs-speed', 'release-went-wrong', 'version-control', 'release-metrics', 'audience-communication',
    'rollback-recovery', 'stakeholder-pressure', 'release-documentation', 'staying-current', 'feature-flags',
  ],
  behavioral: ['difficult-decision', 'delivering-bad-news', 'influencing-without-authority', 'tight-deadline', 'team-conflict', 'mistake-ownership'],
  technical: ['microservices-release-strategy'],
} as const;

/** Topics real Release Manager panels ask about, each with the tags that must appear together on a question. */
const TOPIC_TAGS: [string, string[]][] = [
  ['a change advisory board under ITIL', ['itil', 'cab']],
  ['ServiceNow change records', ['servicenow', 'change-management']],
  ['releases on a SAFe Agile Release Train', ['safe', 'pi-planning', 'roam']],
  ['a big-bang cutover with a data migration', ['cutover', 'data-migration']],
  ['a rollback called during a cutover', ['cutover', 'rollback']],
  ['shared SIT and UAT environments', ['environments', 'uat']],
  ['business sign-off after a late UAT blocker', ['uat', 'sign-off']],
  ['the release calendar', ['calendar', 'maintenance-window', 'blackout']],
  ['several supported versions', ['backports', 'end-of-life']],
  ['a critical CVE patched everywhere', ['cve', 'patching']],
  ['a change pushed straight to production', ['process-bypass']],
  ['Friday and out-of-hours releases', ['out-of-hours', 'friday-deploys', 'on-call']],
  ['time zones and vendor teams', ['time-zones', 'vendor-management']],
  ['setting up or scaling release management', ['raci', 'release-captains', 'self-service']],
  ['tell me about yourself', ['tell-me-about-yourself']],
  ['why this role and why leaving', ['why-this-role']],
  ['salary expectations', ['salary']],
  ['questions for the panel', ['questions-for-the-panel']],
  ['GitOps releases on Kubernetes', ['kubernetes', 'gitops']],
  ['mobile app releases', ['mobile']],
];

/**
 * Single words that nearly any answer about releases contains, so they prove nothing as a key-point term.
 * Multi-word phrases that contain them ("back-out plan", "data masking") are fine.
 */
const GENERIC_TERMS = new Set([
  'from', 'improved', 'improve', 'go', 'result', 'results', 'outcome', 'data', 'tag', 'tags', 'main', 'support',
  'review', 'reviewed', 'impact', 'team', 'teams', 'process', 'plan', 'test', 'change', 'changes', 'release',
  'releases', 'deploy', 'time', 'work', 'issue', 'problem', 'people', 'numbers', 'between', 'first', 'early',
  'later', 'faster', 'fewer', 'instead', 'order', 'step', 'told', 'asked', 'showed', 'met', 'moved', 'scale',
]);

let bank: Bank;
beforeAll(async () => {
  bank = await loadBank([{ path: resolve(import.meta.dirname, '..', '..', 'questions'), bundled: true }], { cwd: process.cwd() });
});

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const byCategory = (c: Question['category']) => bank.questions.filter((q) => q.category === c);

describe('the bundled question bank', () => {
  it('loads without a single problem', () => {
    expect(bank.problems).toEqual([]);
  });

  it('holds every question of the guide under its fixed id and category', () => {
    for (const [category, ids] of Object.entries(GUIDE_IDS)) {
      for (const id of ids) expect(bank.byId.get(id)?.category, id).toBe(category);
    }
  });

  it('has at least 70 questions: 20 common, 16 behavioral and 22 technical or more', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(70);
    expect(byCategory('common').length).toBeGreaterThanOrEqual(20);
    expect(byCategory('behavioral').length).toBeGreaterThanOrEqual(16);
    expect(byCategory('technical').length).toBeGreaterThanOrEqual(22);
  });

  it.each(TOPIC_TAGS)('covers the topic %s, found by the tags a job posting would use', (topic, tags) => {
    const found = bank.questions.filter((q) => tags.every((t) => q.tags.includes(t)));
    expect(found.map((q) => q.id), `no question tagged ${tags.join(' + ')}`).not.toEqual([]);
  });

  it.each(['common', 'behavioral', 'technical'] as const)('gives every %s question what a strong answer needs', (category) => {
    for (const q of byCategory(category)) {
      const where = `${q.id} (${q.source.file})`;
      expect(q.why, where).toBeTruthy();
      expect(q.tip, where).toBeTruthy();
      expect(q.keyPoints.length, where).toBeGreaterThanOrEqual(4);
      expect(q.keyPoints.length, where).toBeLessThanOrEqual(7);
      for (const k of q.keyPoints) expect(k.terms.length, `${where}: ${k.point}`).toBeGreaterThanOrEqual(3);
      expect(words(q.answer), where).toBeGreaterThanOrEqual(150);
      expect(words(q.answer), where).toBeLessThanOrEqual(300);
      expect(q.answer, where).toMatch(/\d/);
      expect(q.answer, where).toMatch(/\b(I|I'm|I've|my)\b/);
      expect(q.followUps.length, where).toBeGreaterThanOrEqual(2);
      expect(q.followUps.length, where).toBeLessThanOrEqual(3);
      expect(q.tags.length, where).toBeGreaterThan(0);
      if (category === 'behavioral') {
        expect(q.star, where).toBeDefined();
        expect(q.framework, where).toBeUndefined();
      } else if (category === 'technical') {
        expect(q.framework?.length ?? 0, where).toBeGreaterThanOrEqual(3);
        expect(q.star, where).toBeUndefined();
      } else {
        expect(q.star ?? q.framework, where).toBeUndefined();
      }
    }
  });

  it('keeps every model answer to at most 9 figures, so it can be said aloud (version numbers aside)', () => {
    const over = bank.questions.map((q) => `${q.id}: ${countFigures(q.answer)}`).filter((line) => Number(line.split(': ')[1]) > 9);
    expect(over).toEqual([]);
  });

  it('uses no generic single word as a key-point term', () => {
    const generic = bank.questions.flatMap((q) =>
      q.keyPoints.flatMap((k) => k.terms.filter((t) => GENERIC_TERMS.has(t.trim().toLowerCase())).map((t) => `${q.id}: "${t}"`)),
    );
    expect(generic).toEqual([]);
  });

  it('gives every follow-up a one-line hint on what a good answer covers', () => {
    const missing = bank.questions.flatMap((q) => q.followUps.filter((f) => !f.hint || /\n/.test(f.hint)).map((f) => `${q.id}: ${f.question}`));
    expect(missing).toEqual([]);
  });

  it('keeps each file named after its id, in the folder of its category', () => {
    for (const q of bank.questions) expect(q.source.file).toBe(`questions/${q.category}/${q.id}.md`);
  });

  it('gives every key point its own id, written in the file (not derived from the wording)', () => {
    expect(bank.warnings ?? []).toEqual([]);
    for (const q of bank.questions) {
      const ids = q.keyPoints.map((k) => k.id);
      expect(new Set(ids).size, q.id).toBe(ids.length);
    }
  });

  it('says for every behavioral question what a story must tell to answer it at all', () => {
    const missing = byCategory('behavioral')
      .filter((q) => !q.mustTell || q.mustTell.terms.length < 6 || q.mustTell.terms.length > 30)
      .map((q) => `${q.id}: ${q.mustTell ? `${q.mustTell.terms.length} terms` : 'no mustTell'}`);
    expect(missing).toEqual([]);
  });

  it('links at least two follow-ups of every question to a key point they probe', () => {
    const short = bank.questions.flatMap((q) => {
      const ids = new Set(q.keyPoints.map((k) => k.id));
      const linked = q.followUps.filter((f) => f.probes !== undefined && ids.has(f.probes));
      return linked.length >= 2 ? [] : [`${q.id}: ${linked.length} linked`];
    });
    expect(short).toEqual([]);
  });

  it('keeps the persona outside questions/, and every model answer that names an employer names one of its three', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    expect(existsSync(resolve(root, 'docs', 'persona.md'))).toBe(true);
    const folders = readdirSync(resolve(root, 'questions'), { recursive: true, encoding: 'utf8' });
    expect(folders.filter((f) => /persona/i.test(f))).toEqual([]);
    const persona = readFileSync(resolve(root, 'docs', 'persona.md'), 'utf8');
    for (const employer of ['Brightwater', 'Medlane', 'Tallyfield']) expect(persona).toContain(employer);
    const told = bank.questions.filter((q) => /Brightwater|Medlane|Tallyfield/.test(q.answer)).length;
    expect(told).toBeGreaterThan(bank.questions.length / 2);
  });

  it('lets no alias stand for two questions, nor for another question\'s id', () => {
    const owners = new Map<string, string>();
    for (const q of bank.questions) owners.set(q.id, q.id);
    for (const q of bank.questions) {
      for (const alias of q.aliases ?? []) {
        expect(owners.get(alias), `${q.id}: ${alias}`).toBeUndefined();
        owners.set(alias, q.id);
      }
    }
    expect(bank.problems.filter((p) => p.message.includes('alias'))).toEqual([]);
  });

  it('says how postings ask for each question about the work (4 to 8 duty lines), and for no question about the person', () => {
    const aboutYou = new Set(['role-fit', 'motivation', 'introduction', 'opening-question', 'closing-question', 'hr-screen']);
    for (const q of bank.questions) {
      if (q.tags.some((t) => aboutYou.has(t))) expect(q.duties, q.id).toBeUndefined();
      else if (q.duties) expect(q.duties.length, q.id).toBeGreaterThanOrEqual(4);
    }
    const withDuties = bank.questions.filter((q) => q.duties);
    expect(withDuties.length).toBeGreaterThanOrEqual(95);
  });

  it('asks each question only once (no two question texts alike)', () => {
    const texts = bank.questions.map((q) => q.question.toLowerCase().replace(/\W+/g, ' ').trim());
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('countFigures', () => {
  it.each([
    ['We had 40 services and 2,000 users.', 2],
    ['Errors hit 18% at 2:40 a.m., costing $400,000.', 3],
    ['We moved to Log4j 2.15.0, then 2.16.0, after CVE-2021-44228.', 0],
    ['It ran Java 17 and Spring Boot 2.7 on Postgres 15.', 0],
    ['On 14 March we shipped v3 to 5 regions; P1 incidents fell.', 2],
    ['In December 2021 the window was 01:00 to 04:00.', 2],
    ['Log4Shell was public on Thursday 9 December 2021.', 1],
    ['At 9 we were done. 30 minutes later, calm.', 2],
    ['No figures at all, only one owner and a single tracker.', 0],
    ['We had fifteen teams and twenty-five services.', 2],
    ['Three hundred and twenty stores, and 1.2 million customers.', 2],
    ['About a third of the releases failed, and half of those twice.', 2],
    ['Two thirds of the fixes landed within a quarter of the time.', 2],
    ['A twelve-minute standup, a two-week pilot and a one-page template.', 3],
    ['Errors rose to ten percent, then 18 percent.', 2],
    ['Zero incidents in the next nine releases.', 2],
    ['PCI DSS v4.0.1 and PCI DSS 4.0 replaced 3.2.1; ISO 27001 and ISO/IEC 27001:2022 too.', 0],
    ['ITIL 4 says so. SOC 2 Type II reports since 2025.', 0],
    ['The first release, the second CVE and a third-party SDK; a third party too.', 0],
    ['Often the attendees sat down at ten, not tenths of a second later.', 1],
  ])('finds the figures in %j', (text, expected) => {
    expect(countFigures(text)).toBe(expected);
  });
});
