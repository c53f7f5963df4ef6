import { describe, expect, it } from 'vitest';
import { analyzeAnswer, type CoachReport, WEIGHTS } from '../../src/core/coach/index.js';
import { type QuestionData, questionSchema } from '../../src/core/questions/schema.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';

const ROLLBACK_Q: QuestionData = withPointIds(questionSchema.parse({
  id: 'rollback-story',
  category: 'behavioral',
  question: 'Tell me about a time a release failed and you had to roll it back.',
  answer: 'Model answer.',
  keyPoints: [
    { point: 'Decides quickly on agreed triggers', terms: ['threshold', 'trigger', 'error rate'] },
    { point: 'Uses a rehearsed way back', terms: ['rollback', 'revert', 'rehearsed'] },
    { point: 'Keeps stakeholders informed', terms: ['status update', 'stakeholders', 'informed'] },
    { point: 'Runs a blameless review afterwards', terms: ['postmortem', 'blameless', 'root cause'] },
  ],
  star: { situation: 'S?', task: 'T?', action: 'A?', result: 'R?' },
  followUps: ['What would you do differently?'],
}));

const STRONG = `At my last company I ran the weekly release for a payments API. One Tuesday, ten minutes after a
deploy, the error rate crossed the 2% threshold we had agreed in advance. I was responsible for the go or back
call, so I decided to revert straight away, using the rollback we had rehearsed in staging the week before.
I posted a status update for stakeholders every fifteen minutes while the previous version came back.
Service was healthy again after 8 minutes. I then led a blameless postmortem, which found the root cause in a
connection pool setting, and we added a load test to the pipeline. As a result, failed deploys fell from 6 to 1
per quarter.`;

const WEAK = 'Um, things break sometimes, you know, and then, like, we fix them. It was fine in the end I think.';

describe('analyzeAnswer', () => {
  it('returns the whole report as plain JSON data', () => {
    const r = analyzeAnswer(ROLLBACK_Q, STRONG);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(Object.keys(r).sort()).toEqual(
      ['coverage', 'delivery', 'estimatedSeconds', 'fillers', 'id', 'keywordList', 'numbers', 'ownership', 'score', 'specifics', 'structure', 'suggestions', 'talkingPoints', 'words'].sort(),
    );
    expect(r.id).toBe('rollback-story');
    expect(r.words).toBe(r.delivery.words);
    expect(r.estimatedSeconds).toBe(r.delivery.estimatedSeconds);
    expect(r.numbers).toEqual(r.specifics.numbers);
  });

  it('scores a specific, structured answer high and a vague one low', () => {
    const strong = analyzeAnswer(ROLLBACK_Q, STRONG);
    const weak = analyzeAnswer(ROLLBACK_Q, WEAK);
    expect(strong.coverage).toBe(1);
    expect(strong.structure.parts.every((p) => p.present)).toBe(true);
    expect(strong.structure.resultHasOutcome).toBe(true);
    expect(strong.score).toBeGreaterThanOrEqual(80);
    expect(weak.coverage).toBe(0);
    expect(weak.score).toBeLessThanOrEqual(25);
  });

  it('keeps score an integer in 0..100 and coverage in 0..1', () => {
    for (const answer of [STRONG, WEAK, 'x', STRONG.repeat(20)]) {
      const r = analyzeAnswer(ROLLBACK_Q, answer);
      expect(Number.isInteger(r.score)).toBe(true);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.coverage).toBeGreaterThanOrEqual(0);
      expect(r.coverage).toBeLessThanOrEqual(1);
    }
  });

  it('scores an answer higher on its own question than on an unrelated one', () => {
    const other = withPointIds(questionSchema.parse({
      id: 'semver',
      category: 'technical',
      question: 'How do you version libraries?',
      answer: 'Model.',
      keyPoints: [
        { point: 'Knows major, minor and patch', terms: ['major', 'minor', 'patch'] },
        { point: 'Tags the built commit', terms: ['tag', 'annotated tag'] },
      ],
      framework: ['State the semver rules', 'Describe tagging and changelogs'],
    }));
    expect(analyzeAnswer(ROLLBACK_Q, STRONG).score).toBeGreaterThan(analyzeAnswer(other, STRONG).score + 30);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', '  \n\t  \r\n '],
    ['punctuation only', '... ?! —'],
  ])('gives a score of 0 for an %s answer', (_, answer) => {
    const r = analyzeAnswer(ROLLBACK_Q, answer);
    expect(r.score).toBe(0);
    expect(r.words).toBe(0);
    expect(r.coverage).toBe(0);
    expect(r.delivery.band).toBe('short');
    expect(r.suggestions.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['German', 'Ich habe das Release zurückgerollt, weil die Fehlerrate über 2 % lag. Danach gab es eine Analyse.'],
    ['Chinese', '我们在十分钟内回滚了发布，然后写了事故报告。'],
    ['Russian', 'Мы откатили релиз за 5 минут и провели разбор.'],
    ['Arabic with bidi marks', 'أطلقنا الإصدار ‮ ثم تراجعنا عنه'],
    ['emoji', '🚀🔥💥 🙈'],
  ])('handles %s text without throwing and scores it low', (_, answer) => {
    const r = analyzeAnswer(ROLLBACK_Q, answer);
    expect(r.score).toBeLessThan(30);
    expect(r.suggestions.length).toBeGreaterThanOrEqual(2);
  });

  it('handles 1 MB of input without throwing', () => {
    const big = `${STRONG}\n`.repeat(Math.ceil(1_000_000 / STRONG.length));
    expect(big.length).toBeGreaterThanOrEqual(1_000_000);
    const r = analyzeAnswer(ROLLBACK_Q, big);
    expect(r.delivery.band).toBe('long');
    expect(r.specifics.numbers.length).toBeLessThanOrEqual(50);
    expect(r.talkingPoints.every((p) => p.evidence.length <= 4)).toBe(true);
  });

  it.each([
    ['one long word', 'a'.repeat(1_000_000)],
    ['control characters', '\u0000\u001b[31m\u0007'.repeat(100_000)],
    ['digits', '1 '.repeat(500_000)],
    ['fillers', 'like, '.repeat(170_000)],
  ])('handles 1 MB of %s without throwing', (_, answer) => {
    expect(() => analyzeAnswer(ROLLBACK_Q, answer)).not.toThrow();
  });

  it('is deterministic', () => {
    const a = analyzeAnswer(ROLLBACK_Q, STRONG);
    const b = analyzeAnswer(ROLLBACK_Q, STRONG);
    analyzeAnswer(ROLLBACK_Q, WEAK);
    expect(analyzeAnswer(ROLLBACK_Q, STRONG)).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('analyzes a 2,000-word answer whole (its speed is measured by the coach row of npm run bench)', () => {
    const words = STRONG.split(/\s+/);
    const answer = Array.from({ length: 2000 }, (_, i) => words[i % words.length]).join(' ');
    const r = analyzeAnswer(ROLLBACK_Q, answer);
    expect(r.words).toBe(2000);
    expect(r.delivery.band).toBe('long');
    expect(r.coverage).toBe(1);
  });
});

describe('suggestions', () => {
  const suggestions = (q: QuestionData, answer: string) => analyzeAnswer(q, answer).suggestions;

  it('gives two to four, most valuable first', () => {
    for (const answer of [STRONG, WEAK, '', 'We reverted.']) {
      const s = suggestions(ROLLBACK_Q, answer);
      expect(s.length).toBeGreaterThanOrEqual(2);
      expect(s.length).toBeLessThanOrEqual(4);
    }
    // A very short answer is told to speak longer before anything else; a long one hears what it missed.
    expect(suggestions(ROLLBACK_Q, WEAK).slice(0, 2)).toEqual([
      'Too short: about 8 seconds spoken; aim for 1-3 minutes',
      'Not heard: decides quickly on agreed triggers',
    ]);
    const rambling = Array.from({ length: 30 }, () => 'I think releases are mostly about people and good vibes.').join(' ');
    expect(suggestions(ROLLBACK_Q, rambling)[0]).toBe('Not heard: decides quickly on agreed triggers');
  });

  it('names a missed point', () => {
    const answer = STRONG.replace(/I posted a status update for stakeholders every fifteen minutes while the previous version came back./, '');
    expect(suggestions(ROLLBACK_Q, answer)).toContain('Not heard: keeps stakeholders informed');
  });

  it('asks for the result when the story stops before it', () => {
    const answer = 'At my last company I ran the release train. My job was to pick the rollback threshold. I decided to revert when the error rate rose, and I informed stakeholders and ran a blameless postmortem on the root cause.';
    expect(suggestions(ROLLBACK_Q, answer).some((s) => s.startsWith('Add the result'))).toBe(true);
  });

  it('asks what the speaker did when "we" outweighs "I"', () => {
    const answer = STRONG.replace(/\bI\b/g, 'we').replace(/\bwe was\b/g, 'we were');
    const r = analyzeAnswer(ROLLBACK_Q, answer);
    expect(r.ownership.we).toBeGreaterThan(r.ownership.i);
    expect(r.suggestions.some((s) => /^Say what you did yourself: \d+ "we" against \d+ "I"$/.test(s))).toBe(true);
  });

  it('says when an answer is too short, with its spoken length', () => {
    expect(suggestions(ROLLBACK_Q, 'We reverted after the error rate threshold.')).toContain('Too short: about 3 seconds spoken; aim for 1-3 minutes');
  });

  it('falls back to a follow-up question when nothing is missing', () => {
    expect(suggestions(ROLLBACK_Q, STRONG)).toContain('Be ready for a follow-up: What would you do differently?');
  });
});

describe('weights', () => {
  it('add up to 100', () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('drop signals that do not apply and share their weight among the rest', () => {
    const common = withPointIds(questionSchema.parse({ ...ROLLBACK_Q, category: 'common', star: undefined }));
    // Long enough (over 150 words) that its length caps nothing.
    const told = `${STRONG} Since then every release has a written trigger, the rollback is rehearsed each month, and the status
update template sits in the runbook so anyone on call can send it within the first ten minutes of an incident.`;
    const r: CoachReport = analyzeAnswer(common, told);
    expect(r.structure.kind).toBe('none');
    // No structure or ownership weight applies, so a complete answer can still reach the top.
    expect(r.score).toBeGreaterThanOrEqual(85);
  });
});
