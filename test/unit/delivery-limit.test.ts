import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { describeTarget, measureDelivery } from '../../src/core/coach/delivery.js';
import { renderCoachReport } from '../../src/ui/render-coach.js';
import { createStyle } from '../../src/ui/style.js';
import { makeQuestion } from '../support/questions.js';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('length against a time limit', () => {
  it.each([
    // 150 words a minute: 50 words is 20 s, 100 is 40 s, 200 is 80 s, 500 is 200 s.
    [50, undefined, 'short'],
    [200, undefined, 'ok'],
    [500, undefined, 'long'],
    [50, 30, 'ok'],
    [100, 30, 'long'],
    [200, 240, 'ok'],
    [100, 240, 'short'],
    [500, 240, 'ok'],
  ] as const)('%i words with limit %s is %s', (n, limit, band) => {
    expect(measureDelivery(n, limit).band).toBe(band);
  });

  it('names the limit as the target wherever the feedback speaks of length', () => {
    const q = makeQuestion('q', 'technical');
    const report = analyzeAnswer(q, words(100), undefined, { timeLimit: 30 });
    expect(describeTarget(report.delivery)).toBe('your 0:30 limit');
    expect(report.suggestions.join('\n')).not.toMatch(/1-3 minutes|3 minutes/);
    expect(report.suggestions.join('\n')).toContain('within your 0:30 limit');
    const text = renderCoachReport(report, { width: 100, style: createStyle(false) });
    expect(text).toContain('(target your 0:30 limit): too long');
    expect(text).not.toContain('1-3 min');
  });

  it('keeps the one-to-three-minute target without a limit', () => {
    const report = analyzeAnswer(makeQuestion('q', 'technical'), words(20));
    expect(renderCoachReport(report, { width: 100, style: createStyle(false) })).toContain('(target 1-3 min)');
    expect(report.suggestions.join('\n')).toContain('aim for 1-3 minutes');
  });
});
