import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { compileTerm, matchTerm } from '../../src/core/coach/match.js';
import { readAnswer } from '../../src/core/coach/reading.js';
import { buildThesaurus } from '../../src/core/coach/synonyms.js';
import { type QuestionData, questionSchema } from '../../src/core/questions/schema.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';

type Point = { point: string; terms: string[] };
const question = (id: string, keyPoints: Point[], extra: Record<string, unknown> = {}): QuestionData =>
  withPointIds(questionSchema.parse({ id, category: 'common', question: `Question ${id}?`, answer: 'We shipped it and watched it.', keyPoints, ...extra }));

// Other questions of a small bank: they make "result", "improved", "data", "support" and "main" common words.
const FILLER = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'].map((id) =>
  question(id, [{ point: `Handles ${id} work`, terms: [`${id} plan`] }], {
    answer: `The result improved once the data and support from the main team arrived for ${id}.`,
  }),
);
const covered = (q: QuestionData, answer: string, bank: QuestionData[] = [q, ...FILLER]) =>
  analyzeAnswer(q, answer, bank).talkingPoints.map((p) => p.covered);

describe('whole words', () => {
  const q = question('notes', [{ point: 'Publishes release notes for every audience', terms: ['release notes', 'notes'] }]);

  it('never matches a word inside another word or a small word that stems alike', () => {
    const r = analyzeAnswer(q, 'It was not a big deal and we did not write anything down.', [q, ...FILLER]);
    expect(r.talkingPoints[0]?.covered).toBe(false);
    expect(r.talkingPoints[0]?.evidence).toEqual([]);
  });

  it('still matches the word itself, quoting the words that made the match', () => {
    const r = analyzeAnswer(q, 'Every Friday I publish release notes for support and sales.', [q, ...FILLER]);
    expect(r.talkingPoints[0]).toMatchObject({ covered: true, evidence: ['publish release notes'] });
  });
});

describe('multi-word terms', () => {
  const q = question('schema', [{ point: 'Expands the schema before contracting it', terms: ['add new column'] }]);

  it('match with small words between ("add the new column")', () => {
    expect(covered(q, 'First we add the new column, and only later remove the old one.')).toEqual([true]);
  });

  it('do not match across a clause or with content words between', () => {
    const term = compileTerm('create index concurrently', buildThesaurus(), false);
    expect(matchTerm(readAnswer('We create, then the index is built concurrently.'), term)).toEqual([]);
    expect(matchTerm(readAnswer('We create a unique index concurrently.'), term)).toEqual([]);
    expect(matchTerm(readAnswer('We create the index concurrently.'), term)).toEqual([{ from: 1, to: 5 }]);
  });
});

describe('specificity across the bank', () => {
  const q = question('process', [
    { point: 'Proves the improvement with numbers', terms: ['result', 'improved', 'from'] },
    { point: 'Uses data to decide', terms: ['data'] },
    { point: 'Wins support from the main sponsor', terms: ['support', 'main'] },
  ]);

  it('a generic word alone never covers a point', () => {
    const vague = 'Things were messy, so I looked at it and the result was good. It improved a lot. We had data and ' +
      'support from the main people, and everyone was happy with how it went in the end, more or less, I think.';
    expect(covered(q, vague)).toEqual([false, false, false]);
  });

  it('the same word in a sentence that says the idea does', () => {
    expect(covered(q, 'The result improved: failed releases dropped, and I proved it with the numbers.')[0]).toBe(true);
  });
});

describe('paraphrases a panel hears every day', () => {
  it.each([
    [{ point: 'Has a tested rollback plan', terms: ['rollback plan'] }, 'We kept a back-out plan we have actually tried in UAT.'],
    [{ point: 'Offers options with their trade-offs', terms: ['options'] }, "I'd give them a few choices: ship to a small group, ship without that feature, or move the date."],
    [{ point: 'Stays neutral and does not take sides', terms: ['take sides'] }, "I didn't pick a side; I asked both leads for their data."],
    [{ point: 'Sets exit criteria on open defects', terms: ['no open sev1 bugs', 'severity'] }, 'We only ship with no P1 or P2 bugs still open.'],
    [{ point: 'Quarantines flaky tests', terms: ['quarantine'] }, 'Flaky tests get parked in a separate suite until fixed.'],
  ])('%o is heard in: %s', (point, answer) => {
    expect(covered(question('p', [point]), answer)).toEqual([true]);
  });
});

describe('negation', () => {
  const q = question('rb', [{ point: 'Has a rollback plan', terms: ['roll back', 'rollback plan'] }]);

  it('a negated mention is not evidence', () => {
    expect(covered(q, 'We did not roll back, and there was never a rollback plan.')).toEqual([false]);
  });

  it('a plain mention is', () => {
    expect(covered(q, 'We could roll back in five minutes with the script.')).toEqual([true]);
  });
});

describe('meaning beyond the terms', () => {
  it("recognises a point from its own wording, said in one sentence", () => {
    const q = question('brief', [{ point: 'Briefs support staff before launch', terms: ['zzz'] }]);
    expect(covered(q, 'Two days ahead I briefed the support staff on what the launch changes.')).toEqual([true]);
    expect(covered(q, 'Support was there.')).toEqual([false]);
  });

  it("recognises a point from the words of the model answer's sentences that make it", () => {
    const q = question('canary', [{ point: 'Limits exposure', terms: ['canary'] }], {
      answer: 'We send a canary to two percent of shoppers and compare checkout errors with the old pods.',
    });
    expect(covered(q, 'Only a sliver of shoppers see it first, and we compare their checkout errors with everyone else.')).toEqual([true]);
  });
});

describe('one reading for points and steps', () => {
  const q = withPointIds(questionSchema.parse({
    id: 'upgrade', category: 'technical', question: 'How do you run a big upgrade?', answer: 'A.',
    keyPoints: [{ point: 'Tracks progress visibly and settles who does the work', terms: ['burndown'] }],
    framework: ['Track progress in the open and agree who does the work'],
  }));

  it('credits the same sentence in both places, and does not ask for it again', () => {
    for (const answer of ['Progress sits on a board everyone can see, and each service has a named owner.', 'We track progress in the open.']) {
      const r = analyzeAnswer(q, answer, [q, ...FILLER]);
      expect(r.talkingPoints[0]?.covered).toBe(r.structure.parts[0]?.present);
      if (r.talkingPoints[0]?.covered) expect(r.suggestions.join(' ')).not.toMatch(/track progress/i);
    }
  });
});

describe('keyword lists', () => {
  const q = question('release', [
    { point: 'Plans scope and milestones', terms: ['scope', 'milestones'] },
    { point: 'Freezes and decides go or no-go', terms: ['code freeze', 'go/no-go'] },
    { point: 'Has a way back', terms: ['rollback', 'runbook'] },
    { point: 'Keeps people informed', terms: ['status update', 'stakeholders'] },
  ]);
  const LIST = 'scope, milestones, code freeze, go/no-go, rollback, runbook, status update, stakeholders, release notes, canary';
  const REAL = 'I agree the scope with each team lead and pin two milestones on the calendar. A week out we start a code freeze, ' +
    'and on the Thursday I run a go/no-go call. The runbook includes a rollback we rehearse in staging. I send a status update ' +
    'to stakeholders after each step, so nobody has to chase me for news.';

  it('score at most 30, below a real answer, and are named in the feedback', () => {
    const list = analyzeAnswer(q, LIST, [q, ...FILLER]);
    const real = analyzeAnswer(q, REAL, [q, ...FILLER]);
    expect(list.score).toBeLessThanOrEqual(30);
    expect(list.score).toBeLessThan(real.score);
    expect(list.coverage).toBe(0);
    expect(list.keywordList.flagged).toBe(true);
    expect(list.suggestions[0]).toMatch(/reads like a list of terms/);
    expect(real.coverage).toBe(1);
    expect(real.keywordList.flagged).toBe(false);
  });

  it('stuffed into a sentence still earn nothing for the list part', () => {
    const stuffed = analyzeAnswer(q, `I always think about ${LIST}.`, [q, ...FILLER]);
    expect(stuffed.coverage).toBe(0);
    expect(stuffed.keywordList.flagged).toBe(true);
  });
});
