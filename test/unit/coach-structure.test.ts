import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { readAnswer } from '../../src/core/coach/reading.js';
import { analyzeStar } from '../../src/core/coach/structure.js';
import { type QuestionData, questionSchema } from '../../src/core/questions/schema.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';

const star = (answer: string, numberSentences: number[] = []) => {
  const report = analyzeStar(readAnswer(answer), new Set(numberSentences));
  return Object.fromEntries(report.parts.map((p) => [p.name, p.present]));
};

describe('analyzeStar', () => {
  it.each([
    ['situation', 'At my last company the payments team shipped every Friday.'],
    ['situation', 'We were three weeks from launch when the vendor went quiet.'],
    ['situation', 'In 2022 a bank hired me to run its mobile releases.'],
    ['situation', 'So, at a bank we shipped once a month and every release took a weekend.'],
    ['situation', 'Honestly? Forty engineers shipped through one pipeline that I looked after.'],
    ['situation', 'Picture this. Our checkout service deployed quarterly and nobody liked it.'],
    ['task', 'My job was to get a go or no-go decision by noon.'],
    ['task', 'I was responsible for the release calendar.'],
    ['task', 'The call was mine.'],
    ['action', 'I decided to pause the rollout.'],
    ['action', 'I set up a war room and called both leads.'],
    ['action', 'First I pulled the logs, then I booked a meeting.'],
    ['action', 'I escalated it to the director.'],
    ['result', 'Nobody knew. As a result the incident count fell.'],
    ['result', 'It was hard. In the end we shipped two days late.'],
    ['result', 'We changed the rule. Which cut pages by half.'],
  ])('finds the %s in: %s', (part, answer) => {
    expect(star(answer)[part]).toBe(true);
  });

  it('finds nothing in an answer that tells no story', () => {
    expect(star('Testing matters. Quality matters.')).toEqual({ situation: false, task: false, action: false, result: false });
  });

  it('does not take present-tense talk of places and numbers as the situation', () => {
    expect(star('I always check the gates at a release, once a month, with 3 teams.').situation).toBe(false);
  });

  it('does not count "I needed" or "I wanted" as an action', () => {
    expect(star('Releases matter. I wanted a calmer process. I needed help.').action).toBe(false);
  });

  it('does not take a result cue in the opening sentence as the result', () => {
    expect(star('As a result of a reorg I inherited the release train. I like it.').result).toBe(false);
  });

  it('sees a concrete outcome when a number sits near the result or at the end', () => {
    const text = 'I ran the release. We met daily. As a result errors fell by 40%. I moved on.';
    const doc = readAnswer(text);
    expect(analyzeStar(doc, new Set([2])).resultHasOutcome).toBe(true);
    expect(analyzeStar(doc, new Set()).resultHasOutcome).toBe(false);
    // A figure in the last two sentences counts even without a cue.
    expect(analyzeStar(doc, new Set([3])).resultHasOutcome).toBe(true);
  });
});

describe('framework steps', () => {
  const steps = [
    'Map the service graph, noting synchronous calls versus events.',
    'Make every contract change backward compatible so each service can ship alone.',
    'Gate every deploy on contract tests and a canary watched by health checks.',
  ];
  const tech = withPointIds(questionSchema.parse({
    id: 'micro', category: 'technical', question: 'How do you release many services?', answer: 'A.',
    keyPoints: [{ point: 'P', terms: ['zzz'] }], framework: steps,
  }));
  const present = (answer: string) => analyzeAnswer(tech, answer).structure.parts.map((p) => p.present);

  it('marks a step touched when a sentence says enough of its words, in any inflection', () => {
    expect(present('I would map the graph of services first. Each deploy is gated by contract testing and a canary with health checks.')).toEqual([true, false, true]);
  });

  it('counts usual synonyms of a step word', () => {
    expect(present('Changes stay backwards compatible, so every contract change keeps working.')[1]).toBe(true);
  });

  it('needs the words in one sentence, not scattered over the answer', () => {
    expect(present('We map things. The graph is big. Services are many.')[0]).toBe(false);
  });
});

describe('structure by category', () => {
  const base = { id: 'q', question: 'Q?', answer: 'A.', keyPoints: [{ point: 'P', terms: ['p'] }] };
  const q = (extra: Partial<QuestionData>): QuestionData => withPointIds(questionSchema.parse({ ...base, ...extra }));

  it('is STAR for behavioral questions', () => {
    const r = analyzeAnswer(q({ category: 'behavioral' }), 'I decided to roll back.');
    expect(r.structure.kind).toBe('star');
    expect(r.structure.parts.map((p) => p.name)).toEqual(['situation', 'task', 'action', 'result']);
    expect(typeof r.structure.resultHasOutcome).toBe('boolean');
  });

  it('is the framework steps for technical questions', () => {
    const r = analyzeAnswer(q({ category: 'technical', framework: ['Explain canary releases', 'Compare costs of hosting'] }), 'I would explain how a canary release works. Then I compare what hosting costs.');
    expect(r.structure).toEqual({ kind: 'framework', parts: [{ name: 'Explain canary releases', present: true }, { name: 'Compare costs of hosting', present: true }] });
  });

  it('is none for common questions and technical ones without steps', () => {
    expect(analyzeAnswer(q({ category: 'common' }), 'Anything.').structure).toEqual({ kind: 'none', parts: [] });
    expect(analyzeAnswer(q({ category: 'technical' }), 'Anything.').structure).toEqual({ kind: 'none', parts: [] });
  });
});
