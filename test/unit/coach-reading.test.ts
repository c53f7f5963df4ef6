import { describe, expect, it } from 'vitest';
import { analyzeAnswer } from '../../src/core/coach/index.js';
import { readAnswer, SKIP_LIST } from '../../src/core/coach/reading.js';
import { questionSchema } from '../../src/core/questions/schema.js';
import { withPointIds } from '../../src/core/questions/point-ids.js';

const listed = (text: string) => {
  const r = readAnswer(text);
  return r.doc.tokens.filter((_, p) => r.skip[p] === SKIP_LIST).map((t) => t.raw);
};

describe('bare lists of terms', () => {
  it.each([
    ['scope, milestones, freeze, go/no-go, rollback, runbook', 'scope milestones freeze go no go rollback runbook'],
    ['- canary\n- blue-green\n- feature flags', 'canary blue green feature flags'],
    ['baseline metrics pilot automation runbook canary dashboards', 'baseline metrics pilot automation runbook canary dashboards'],
  ])('are found in %j', (text, words) => {
    expect(listed(text).join(' ')).toBe(words);
  });

  it('leave ordinary sentences alone, including a short enumeration', () => {
    expect(listed("I'd give them a few choices: ship to a small group, ship without that feature, or move the date.")).toEqual([]);
    expect(listed('We used Jenkins, Argo CD and Helm, and I ran the go/no-go call myself.')).toEqual([]);
  });

  it('are found inside a sentence that stuffs them', () => {
    expect(listed('I always think about scope, milestones, freeze, rollback and runbooks.').join(' ')).toBe('milestones freeze rollback and runbooks');
  });
});

describe('STAR labels', () => {
  const q = withPointIds(questionSchema.parse({
    id: 'story', category: 'behavioral', question: 'Tell me about a time.', answer: 'A.',
    keyPoints: [{ point: 'P', terms: ['zzz'] }], star: { situation: 'S?', task: 'T?', action: 'A?', result: 'R?' },
  }));
  const parts = (text: string) => {
    const s = analyzeAnswer(q, text).structure;
    return { parts: Object.fromEntries(s.parts.map((p) => [p.name, p.present])), outcome: s.resultHasOutcome };
  };
  const all = { situation: true, task: true, action: true, result: true };

  it.each([
    'Situation: the vendor went quiet.\nTask: ship anyway.\nAction: pairing sessions daily.\nResult: shipped, 3 days late.',
    'S: the vendor went quiet. T: ship anyway. A: pairing sessions daily. R: shipped, 3 days late.',
    '## Situation\nThe vendor went quiet.\n## Task\nShip anyway.\n## Action\nPairing sessions daily.\n## Result\nShipped, 3 days late.',
    '**Situation:** the vendor went quiet. **Task:** ship anyway. **Action:** pairing sessions daily. **Result:** shipped 3 days late.',
  ])('always count, and a figure in the result makes it concrete: %j', (text) => {
    expect(parts(text)).toEqual({ parts: all, outcome: true });
  });

  it('"the result was" counts as the result; a result with a figure is never reported missing', () => {
    expect(parts('Our pipeline was slow. The result was a calmer team.').parts.result).toBe(true);
    const r = parts('Our pipeline was slow and I fixed it. Builds now take 6 minutes instead of 40.');
    expect(r.outcome).toBe(true);
    expect(r.parts.result).toBe(true);
  });

  it('are not evidence for a talking point', () => {
    const pq = withPointIds(questionSchema.parse({ ...q, keyPoints: [{ point: 'Shows how the relationship improved', terms: ['result'] }] }));
    const r = analyzeAnswer(pq, 'Result: we moved on.');
    expect(r.talkingPoints[0]).toEqual({ id: 'shows-relationship-improved', point: 'Shows how the relationship improved', covered: false, evidence: [] });
  });
});
