import { describe, expect, it } from 'vitest';
import { analyzeAnswer, type CoachReport } from '../../src/core/coach/index.js';
import { questionSchema } from '../../src/core/questions/schema.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';
import { columns, renderCoachReport, wrapText } from '../../src/ui/render-coach.js';
import { createStyle } from '../../src/ui/style.js';

const plain = createStyle(false);
const color = createStyle(true);
const ESC = '\u001b';

const REPORT: CoachReport = {
  id: 'rollback-recovery',
  words: 250,
  estimatedSeconds: 100,
  coverage: 0.6,
  keywordList: { share: 0, flagged: false },
  talkingPoints: [
    { id: "p", point: 'Plans and rehearses the way back', covered: true, evidence: ['rehearsed', 'runbook'] },
    { id: "p", point: 'Agrees triggers in advance', covered: true, evidence: ['error rate'] },
    { id: "p", point: 'Treats data changes with care', covered: true, evidence: ['migration'] },
    { id: "p", point: 'Keeps people informed', covered: false, evidence: [] },
    { id: "p", point: 'Reviews the incident afterwards', covered: false, evidence: [] },
  ],
  structure: {
    kind: 'star',
    parts: [
      { name: 'situation', present: true },
      { name: 'task', present: true },
      { name: 'action', present: true },
      { name: 'result', present: false },
    ],
    resultHasOutcome: false,
  },
  numbers: ['4 minutes', '2%'],
  specifics: { numbers: ['4 minutes', '2%'], tools: ['Argo CD', 'feature flags'] },
  fillers: { total: 3, perMinute: 1.8, top: [{ word: 'um', count: 2 }, { word: 'like', count: 1 }] },
  ownership: { i: 2, we: 9 },
  delivery: { words: 250, estimatedSeconds: 100, band: 'ok' },
  score: 64,
  suggestions: ['Add the result: what changed, in a number', 'Not heard: keeps people informed'],
};

describe('renderCoachReport', () => {
  const text = renderCoachReport(REPORT, { width: 80, style: plain });

  it.each([
    'Score 64/100',
    'Talking points: 3 of 5 covered',
    '  ✓ Plans and rehearses the way back',
    '      you said "rehearsed", "runbook"',
    '  ✗ Keeps people informed',
    'situation ✓  task ✓  action ✓  result ✗',
    'No number, percentage or duration in the result yet.',
    'Numbers: 4 minutes, 2%',
    'Tools and practices: Argo CD, feature flags',
    '"I" 2 times, "we" 9 times. Say more about what you did yourself.',
    '250 words, about 1 min 40 s spoken (target 1-3 min): a good length',
    'Fillers: 3, 1.8 per minute ("um" ×2, "like" ×1)',
    '  1. Add the result: what changed, in a number',
    '  2. Not heard: keeps people informed',
  ])('explains: %s', (line) => {
    expect(text).toContain(line);
  });

  it('has no escape codes with color off and some with color on', () => {
    expect(text).not.toContain(ESC);
    const colored = renderCoachReport(REPORT, { width: 80, style: color });
    expect(colored).toContain(`${ESC}[32m✓`);
    expect(colored).toContain(`${ESC}[31m✗`);
    expect(colored.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text);
  });

  it.each([20, 40, 60, 100])('wraps every line to %i columns', (width) => {
    const out = renderCoachReport(REPORT, { width, style: plain });
    for (const line of out.split('\n')) expect(columns(line)).toBeLessThanOrEqual(width);
  });

  it('shows framework steps for technical questions', () => {
    const out = renderCoachReport(
      { ...REPORT, structure: { kind: 'framework', parts: [{ name: 'Map the services', present: true }, { name: 'Order the deploys', present: false }] } },
      { width: 80, style: plain },
    );
    expect(out).toContain('Steps of a good answer: 1 of 2 touched');
    expect(out).toContain('  ✓ Map the services');
    expect(out).toContain('  ✗ Order the deploys');
  });

  it('strips terminal controls from everything that came from the answer or the question', () => {
    const evil: CoachReport = {
      ...REPORT,
      talkingPoints: [{ id: "p", point: `Point ${ESC}]0;pwned\u0007one\u202e`, covered: true, evidence: [`said ${ESC}[2J\rthis`] }],
      specifics: { numbers: [`5${ESC}[31m%`], tools: [`Tool${'\u009b'}1m`] },
      fillers: { total: 1, perMinute: 1, top: [{ word: `um${ESC}c`, count: 1 }] },
      suggestions: [`Not heard: ${ESC}[8mhidden`, 'Fine'],
      structure: { kind: 'framework', parts: [{ name: `Step\u2066 one`, present: false }] },
    };
    const out = renderCoachReport(evil, { width: 80, style: plain });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('Point one');
    expect(out).toContain('you said "said this"');
    expect(out).toContain('Numbers: 5%');
  });

  it('renders a real report of an empty answer', () => {
    const q = withPointIds(questionSchema.parse({ id: 'q', category: 'common', question: 'Q?', answer: 'A.', keyPoints: [{ point: 'P', terms: ['p'] }] }));
    const out = renderCoachReport(analyzeAnswer(q, ''), { width: 80, style: plain });
    expect(out).toContain('Score 0/100');
    expect(out).toContain('Talking points: 0 of 1 covered');
    expect(out).toContain('0 words, about 0 seconds spoken (target 1-3 min): too short');
    expect(out).toContain('Fillers: none.');
  });
});

describe('wrapText', () => {
  it.each([
    ['short text', 20, ['short text']],
    ['one two three four five', 9, ['one two', 'three', 'four five']],
    ['abcdefghijkl', 5, ['abcde', 'fghij', 'kl']],
    ['', 10, ['']],
  ])('wraps %j at %i', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });

  it('indents following lines and counts wide characters twice', () => {
    expect(wrapText('aa bb cc', 6, '- ', '  ')).toEqual(['- aa', '  bb', '  cc']);
    expect(wrapText('監視監視監視', 6)).toEqual(['監視監', '視監視']);
  });
});
