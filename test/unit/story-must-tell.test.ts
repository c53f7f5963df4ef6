import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/core/questions/load.js';
import type { Question } from '../../src/core/questions/schema.js';
import { GOOD_FIT, matchStories } from '../../src/core/stories/match.js';
import { findTells } from '../../src/core/stories/must-tell.js';
import type { Story } from '../../src/core/stories/parse.js';
import { makeQuestion } from '../support/questions.js';

const ROOT = join(import.meta.dirname, '..', '..');
const story = (slug: string, body: string): Story => ({ slug, title: slug, tags: [], questions: [], body, star: {}, file: `${slug}.md` });

describe('what a story must tell', () => {
  let bank: Question[];
  const q = (id: string) => bank.find((b) => b.id === id) as Question;
  beforeAll(async () => {
    bank = (await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT })).questions;
  });

  it('is nothing for a question that names no element', () => {
    expect(findTells(makeQuestion('x', 'behavioral'), 'I decided to roll back.')).toBeUndefined();
  });

  it('finds the element and quotes the clause that tells it', () => {
    const tells = findTells(q('mistake-ownership'), 'The release failed on Monday. It was my mistake, I skipped the dry run.');
    expect(tells).toEqual({ what: q('mistake-ownership').mustTell?.what, found: 'It was my mistake' });
  });

  it.each([
    ['a denial in its clause', 'mistake-ownership', 'The outage was the vendor’s doing. It was never my mistake, but I ran the review.'],
    ['a plan that was never used', 'cutover-rollback-call', 'Every check passed, so we never had to use the back-out plan.'],
    ['a decision someone else made', 'difficult-decision', 'I laid out three options. The director weighed them and made the call to launch.'],
    ['a conflict the teller was part of', 'team-conflict', 'The QA lead and I disagreed about sign-off for weeks.'],
    ['a conflict with the teller', 'team-conflict', 'The QA lead disagreed with me about sign-off.'],
    ['a word of the term said in another sense', 'night-incident', 'Calls were short; every morning the status call took ten minutes.'],
    ['a plan prepared for it', 'cutover-rollback-call', 'We went live on time with a back-out plan printed for every team lead.'],
    ['a possibility', 'cutover-rollback-call', 'The team was ready to roll back within ten minutes, and the switch went cleanly.'],
    ['a condition', 'cutover-rollback-call', 'We agreed that if the ledger totals differed we would switch back to the old platform.'],
  ])('does not take %s for it', (_what, id, text) => {
    expect(findTells(q(id), text)?.found).toBeNull();
  });

  it.each([
    ['the teller’s own decision', 'difficult-decision', 'Without the logs I made the call to pause the train.'],
    ['a conflict between others that the teller settled', 'team-conflict', 'Two leads disagreed about the flaky suite, and I met each of them.'],
    ['a night incident', 'night-incident', 'I was paged at 3am when checkout failed.'],
    ['a back-out that happened', 'cutover-rollback-call', 'At 2am the totals differed, and I called it: we rolled back to the old platform.'],
  ])('hears %s', (_what, id, text) => {
    expect(findTells(q(id), text)?.found).toMatch(/\w/);
  });

  it('keeps a story that lacks the element under the fit threshold, however much else it covers, and says so', () => {
    const outage = story(
      'someone-elses-outage',
      'Situation: a DBA on another team ran a migration that locked the payments table one evening; it was his change. Task: I led the incident. ' +
        'Action: I stopped the migration, took ownership of the response, told stakeholders, ran a blameless postmortem and we learned to gate migrations. ' +
        'Result: no repeat since, and I now check the calendar for schema changes.',
    );
    const row = matchStories([outage], bank).questions.find((r) => r.id === 'mistake-ownership');
    expect(row?.stories[0]?.fit).toBeLessThan(GOOD_FIT);
    expect(row?.stories[0]?.tells).toEqual({ what: q('mistake-ownership').mustTell?.what, found: null });
    const owned = story('my-outage', `${outage.body} The lock was my mistake: I had approved the migration without a dry run.`);
    const mine = matchStories([owned], bank).questions.find((r) => r.id === 'mistake-ownership')?.stories[0];
    expect(mine?.tells?.found).toMatch(/my mistake/);
    expect(mine?.fit).toBeGreaterThan(row?.stories[0]?.fit ?? 1);
  });
});
