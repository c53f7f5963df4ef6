import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { compileTerm, matchTerm } from '../../src/core/coach/match.js';
import { readAnswer } from '../../src/core/coach/reading.js';
import { buildThesaurus } from '../../src/core/coach/synonyms.js';
import { findNumbers } from '../../src/core/coach/specifics.js';
import { loadBank } from '../../src/core/questions/load.js';
import { type Question, type QuestionData, questionSchema } from '../../src/core/questions/schema.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';

const ROOT = join(import.meta.dirname, '..', '..');
let bank: Question[] = [];
beforeAll(async () => {
  bank = (await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT })).questions;
});

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('evidence a person can check', () => {
  it('never shows a lone word where its clause has words around it', () => {
    let pieces = 0;
    for (const q of bank) {
      // A longer answer than any one model answer: its own plus the next question's, so points meet stray words.
      const other = bank[(bank.indexOf(q) + 1) % bank.length];
      const report = analyzeAnswer(q, `${q.answer}\n\n${other?.answer ?? ''}`, bank);
      for (const p of report.talkingPoints) {
        for (const e of p.evidence) {
          pieces++;
          expect(words(e), `${q.id}: "${p.point}" quoted "${e}"`).toBeGreaterThan(1);
        }
      }
    }
    expect(pieces).toBeGreaterThan(200);
  });
});

describe('figures', () => {
  it('counts "zero" with a noun as a figure, so a result of zero defects carries a number', () => {
    expect(findNumbers('we had zero defects in the first month').map((n) => n.text)).toEqual(['zero defects']);
    expect(findNumbers('the zero point of the scale')).toEqual([]);
    // A severity label is not a figure; the count before it is.
    expect(findNumbers('we shipped with zero sev-1 incidents').map((n) => n.text)).toEqual(['zero sev-1 incidents']);
    expect(findNumbers('2 P1 bugs and no sev 2 incidents in 3 weeks').map((n) => n.text)).toEqual(['2 P1 bugs', 'no sev 2 incidents', '3 weeks']);
    expect(findNumbers('a sev-1 incident paged me').map((n) => n.text)).toEqual([]);
    expect(findNumbers('p95 latency stayed under 200 ms').map((n) => n.text)).toEqual(['p95', '200 ms']);
  });
});

const FILLER = ['alpha', 'beta', 'gamma', 'delta'].map((id) =>
  withPointIds(questionSchema.parse({ id, category: 'common', question: `Question ${id}?`, answer: `We shipped the ${id} work and the team watched it.`, keyPoints: [{ point: `Handles ${id} work`, terms: [`${id} plan`] }] })),
);
const single = (point: string, terms: string[]) =>
  withPointIds(questionSchema.parse({ id: 'one', category: 'technical', question: 'How?', answer: 'We shipped it and watched it.', keyPoints: [{ point, terms }] }));
const verdict = (q: QuestionData, answer: string) => analyzeAnswer(q, answer, [q, ...FILLER]).talkingPoints[0];

describe('two-word terms said the other way round', () => {
  const q = single('Keeps the change small', ['minimal fix']);

  it('hears "keep the fix minimal" for the term "minimal fix"', () => {
    expect(verdict(q, 'We keep the fix minimal.')).toMatchObject({ covered: true, evidence: ['fix minimal'] });
  });

  it('not when a word of substance stands between, nor across clauses', () => {
    const term = compileTerm('minimal fix', buildThesaurus(), false);
    expect(matchTerm(readAnswer('We keep the fix minimal.'), term)).toEqual([{ from: 3, to: 5 }]);
    expect(matchTerm(readAnswer('The fix broke the minimal build.'), term)).toEqual([]);
    expect(matchTerm(readAnswer('We shipped the fix; minimal reviews followed.'), term)).toEqual([]);
  });
});

describe('evidence from the fewest clauses', () => {
  it('quotes the clause that says the point, not the next clause that repeats a word of it', () => {
    const q = single('Keeps a rollback plan ready', ['rollback plan']);
    const v = verdict(q, 'I wrote a rollback plan, and the team kept it ready every week.');
    expect(v).toMatchObject({ covered: true, evidence: ['rollback plan'] });
  });
});

describe('the quote is the clause that earned the credit', () => {
  // The bank's own question: its model answer tells of updating finance every hour, so "every hour" and
  // "finance" lend evidence to the neighbouring clause.
  const heard = (answer: string, id: string) => {
    const q = bank.find((b) => b.id === 'mistake-ownership') as Question;
    return analyzeAnswer(q, answer, bank).talkingPoints.find((p) => p.id === id);
  };

  it('shows "it was my mistake" for admitting the mistake, not the clause before it about telling finance', () => {
    const admits = heard('I told finance every hour, and it was my mistake.', 'admits-mistake-quickly');
    expect(admits?.covered).toBe(true);
    expect(admits?.evidence).toEqual(['was my mistake']);
  });

  it('still quotes telling finance every hour for keeping the affected people informed', () => {
    const informs = heard('I told finance every hour, and it was my mistake.', 'keeps-affected-people');
    expect(informs?.covered).toBe(true);
    expect(informs?.evidence.join(' ')).toContain('every hour');
  });

  it('prefers the clauses that make the point over a longer stretch whose first clause only lends words', () => {
    const admits = heard('Billing stalled, I told finance every hour, it was my mistake and I said so to my manager.', 'admits-mistake-quickly');
    expect(admits?.covered).toBe(true);
    expect(admits?.evidence.some((e) => e.includes('finance'))).toBe(false);
    expect(admits?.evidence.some((e) => e.includes('mistake'))).toBe(true);
  });
});
