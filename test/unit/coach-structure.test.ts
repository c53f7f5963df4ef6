import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { buildThesaurus } from '../../src/core/coach/synonyms.js';
import { analyzeFramework, analyzeStar, stepThreshold } from '../../src/core/coach/structure.js';
import { analyzeText } from '../../src/core/coach/text.js';
import { type QuestionData, questionSchema } from '../../src/core/questions/schema.js';

const star = (answer: string, numberSentences: number[] = []) => {
  const report = analyzeStar(analyzeText(answer), new Set(numberSentences));
  return Object.fromEntries(report.parts.map((p) => [p.name, p.present]));
};

describe('analyzeStar', () => {
  it.each([
    ['situation', 'At my last company the payments team shipped every Friday.'],
    ['situation', 'We were three weeks from launch when the vendor went quiet.'],
    ['situation', 'In 2022 a bank hired me to run its mobile releases.'],
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

  it('does not count "I needed" or "I wanted" as an action', () => {
    expect(star('Releases matter. I wanted a calmer process. I needed help.').action).toBe(false);
  });

  it('does not take a result cue in the opening sentence as the result', () => {
    expect(star('As a result of a reorg I inherited the release train. I like it.').result).toBe(false);
  });

  it('sees a concrete outcome when a number sits near the result or at the end', () => {
    const text = 'I ran the release. We met daily. As a result errors fell by 40%. I moved on.';
    const doc = analyzeText(text);
    expect(analyzeStar(doc, new Set([2])).resultHasOutcome).toBe(true);
    expect(analyzeStar(doc, new Set()).resultHasOutcome).toBe(false);
    // A figure in the last two sentences counts even without a cue.
    expect(analyzeStar(doc, new Set([3])).resultHasOutcome).toBe(true);
  });
});

describe('analyzeFramework', () => {
  const thesaurus = buildThesaurus();
  const steps = [
    'Map the service graph, noting synchronous calls versus events.',
    'Make every contract change backward compatible so each service can ship alone.',
    'Gate every deploy on contract tests and a canary watched by health checks.',
  ];

  it('marks a step touched when enough of its content words appear, in any inflection', () => {
    const answer = 'I would map the graph of services first. Each deploy is gated by contract testing and a canary with health checks.';
    const parts = analyzeFramework(analyzeText(answer), steps, thesaurus).parts;
    expect(parts.map((p) => p.present)).toEqual([true, false, true]);
    expect(parts[0]?.name).toBe(steps[0]);
  });

  it('counts usual synonyms of a step word', () => {
    const parts = analyzeFramework(analyzeText('Changes stay backwards compatible, so every contract keeps working.'), steps, thesaurus).parts;
    expect(parts[1]?.present).toBe(true);
  });

  it.each([
    [1, 1],
    [2, 1],
    [4, 2],
    [7, 3],
    [14, 3],
  ])('a step with %i content words needs %i of them', (words, needed) => {
    expect(stepThreshold(words)).toBe(needed);
  });
});

describe('structure by category', () => {
  const base = { id: 'q', question: 'Q?', answer: 'A.', keyPoints: [{ point: 'P', terms: ['p'] }] };
  const q = (extra: Partial<QuestionData>): QuestionData => questionSchema.parse({ ...base, ...extra });

  it('is STAR for behavioral questions', () => {
    const r = analyzeAnswer(q({ category: 'behavioral' }), 'I decided to roll back.');
    expect(r.structure.kind).toBe('star');
    expect(r.structure.parts.map((p) => p.name)).toEqual(['situation', 'task', 'action', 'result']);
    expect(typeof r.structure.resultHasOutcome).toBe('boolean');
  });

  it('is the framework steps for technical questions', () => {
    const r = analyzeAnswer(q({ category: 'technical', framework: ['Explain canary releases', 'Compare costs'] }), 'A canary release costs little.');
    expect(r.structure).toEqual({ kind: 'framework', parts: [{ name: 'Explain canary releases', present: true }, { name: 'Compare costs', present: true }] });
  });

  it('is none for common questions and technical ones without steps', () => {
    expect(analyzeAnswer(q({ category: 'common' }), 'Anything.').structure).toEqual({ kind: 'none', parts: [] });
    expect(analyzeAnswer(q({ category: 'technical' }), 'Anything.').structure).toEqual({ kind: 'none', parts: [] });
  });
});
