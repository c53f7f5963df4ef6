import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/core/questions/load.js';
import { quickCheckQuestion } from '../../src/core/questions/quick-check.js';
import { questionSchema } from '../../src/core/questions/schema.js';
import { ROOT } from '../helpers/cli.js';

/** The quick check must give exactly what the schema gives (same fields, same order), or step aside. */
function expectSameAsSchema(raw: Record<string, unknown>) {
  const quick = quickCheckQuestion(structuredClone(raw));
  const schema = questionSchema.safeParse(structuredClone(raw));
  if (!schema.success) expect(quick).toBeUndefined();
  else if (quick !== undefined) expect(JSON.stringify(quick)).toBe(JSON.stringify(schema.data));
  return quick;
}

const bank = await loadBank([{ path: join(ROOT, 'questions'), bundled: true }], { cwd: ROOT });
const raws = bank.questions.map(({ source: _source, ...data }) => data as unknown as Record<string, unknown>);

describe('the quick check of a question', () => {
  it('accepts every question of the bundled bank, exactly as the schema reads it', () => {
    expect(raws.length).toBeGreaterThan(50);
    for (const raw of raws) expect(expectSameAsSchema(raw), String(raw.id)).toBeDefined();
  });

  it.each([
    ['untrimmed text', (r: Record<string, unknown>) => ({ ...r, question: `  ${String(r.question)}\n` })],
    ['follow-ups as plain text', (r: Record<string, unknown>) => ({ ...r, followUps: ['  Why?  ', 'And then?'] })],
    ['no optional fields', ({ id, category, question, answer }: Record<string, unknown>) => ({ id, category, question, answer })],
  ])('reads %s as the schema does', (_name, change) => {
    expect(expectSameAsSchema(change(raws[0]!))).toBeDefined();
  });

  it.each([
    ['an unknown field', { anwser: 'typo' }],
    ['an empty question', { question: '   ' }],
    ['a null tip', { tip: null }],
    ['a bad id', { id: 'Not Kebab' }],
    ['a bad category', { category: 'trivia' }],
    ['difficulty 4', { difficulty: 4 }],
    ['a tag that is not kebab-case', { tags: ['Bad Tag'] }],
    ['a key point without terms', { keyPoints: [{ point: 'P', terms: [] }] }],
    ['a follow-up with an unknown key', { followUps: [{ question: 'Q?', hints: 'x' }] }],
    ['an incomplete STAR', { star: { situation: 'S', task: 'T', action: 'A' } }],
    ['a duty over 160 characters', { duties: ['x'.repeat(161)] }],
    ['nine duties', { duties: Array.from({ length: 9 }, (_, i) => `Duty ${i}`) }],
    ['an empty duty', { duties: ['  '] }],
  ])('leaves %s to the schema', (_name, change) => {
    expect(quickCheckQuestion({ ...raws[0]!, ...change })).toBeUndefined();
  });

  it('never disagrees with the schema on random changes to a question', () => {
    const value = fc.oneof(fc.string(), fc.constant(''), fc.constant(' x '), fc.integer({ min: 0, max: 4 }), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.constantFrom('point', 'terms', 'question', 'hint', 'x'), fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 2 }))));
    const field = fc.constantFrom('id', 'category', 'question', 'why', 'keyPoints', 'answer', 'tip', 'star', 'framework', 'followUps', 'duties', 'tags', 'difficulty', 'extra');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: raws.length - 1 }), fc.dictionary(field, value, { maxKeys: 3 }), (index, change) => {
        expectSameAsSchema({ ...raws[index]!, ...change });
      }),
      { numRuns: 500 },
    );
  });
});
