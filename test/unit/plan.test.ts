import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { listBundledPlans, loadPlan } from '../../src/core/practice/plan-load.js';
import { parsePlan, type Plan } from '../../src/core/practice/plan-parse.js';
import { describePlanShortfalls, pickPlanQuestions, planSize } from '../../src/core/practice/plan-pick.js';
import type { Category, Question } from '../../src/core/questions/schema.js';
import { createRng } from '../../src/core/random.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'rmprep-plan-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function question(id: string, category: Category, tags: string[] = []): Question {
  return { id, category, question: `Q ${id}?`, answer: 'A.', keyPoints: [], followUps: [], tags, difficulty: 2, source: { file: 'x.md', line: 1, bundled: true } };
}

const BANK = [
  question('c1', 'common'),
  question('c2', 'common', ['risk']),
  question('c3', 'common'),
  question('b1', 'behavioral', ['conflict']),
  question('b2', 'behavioral', ['risk']),
  question('t1', 'technical', ['risk', 'rollback']),
  question('t2', 'technical'),
];
const PRIORITY = ['t2', 'b2', 'c3', 't1', 'c1', 'b1', 'c2'];
const plan = (fields: Partial<Plan>): Plan => ({ name: 'p', items: [], order: 'as-listed', ...fields }) as Plan;
const item = (fields: { category?: Category; tags?: string[]; ids?: string[]; count: number }) => ({ tags: [], ids: [], ...fields });

describe('pickPlanQuestions', () => {
  const rng = createRng(1);
  it.each([
    ['fills items in turn, each in priority order', [item({ category: 'common', count: 2 }), item({ category: 'technical', count: 1 })], ['c3', 'c1', 't2']],
    ['never repeats a question across items', [item({ tags: ['risk'], count: 2 }), item({ tags: ['risk'], count: 2 })], ['b2', 't1', 'c2']],
    ['an item without filters takes the top of the priority list', [item({ count: 3 })], ['t2', 'b2', 'c3']],
    ['tags match when the question has any of them', [item({ tags: ['conflict', 'rollback'], count: 5 })], ['t1', 'b1']],
    ['ids restrict to the listed questions, in priority order', [item({ ids: ['c1', 'b1', 't2'], count: 2 })], ['t2', 'c1']],
    ['filters combine', [item({ category: 'common', tags: ['risk'], count: 3 })], ['c2']],
    ['an item that cannot be filled gets what there is', [item({ category: 'behavioral', count: 9 })], ['b2', 'b1']],
  ])('%s', (_name, items, expected) => {
    expect(pickPlanQuestions(plan({ items }), BANK, PRIORITY, rng).map((q) => q.id)).toEqual(expected);
  });

  it('skips ids the bank does not have and questions left out of the priority order', () => {
    const picked = pickPlanQuestions(plan({ items: [item({ count: 5 })] }), BANK, ['gone', 'c1', 'c1', 'b1'], rng);
    expect(picked.map((q) => q.id)).toEqual(['c1', 'b1']);
  });

  it('shuffles the whole pick when the order is shuffled, reproducibly for a seed', () => {
    const p = plan({ items: [item({ category: 'common', count: 3 }), item({ category: 'behavioral', count: 2 })], order: 'shuffled' });
    const a = pickPlanQuestions(p, BANK, PRIORITY, createRng('seed')).map((q) => q.id);
    const b = pickPlanQuestions(p, BANK, PRIORITY, createRng('seed')).map((q) => q.id);
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual(['b1', 'b2', 'c1', 'c2', 'c3']);
    const orders = new Set(Array.from({ length: 10 }, (_, i) => pickPlanQuestions(p, BANK, PRIORITY, createRng(i)).map((q) => q.id).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps items in plan order when as-listed', () => {
    const p = plan({ items: [item({ category: 'technical', count: 2 }), item({ category: 'common', count: 1 })] });
    expect(pickPlanQuestions(p, BANK, PRIORITY, rng).map((q) => q.category)).toEqual(['technical', 'technical', 'common']);
  });
});

describe('parsePlan', () => {
  it('accepts a full plan and fills defaults', () => {
    const { plan: p, problems } = parsePlan(
      'name: p\ndescription: d\nitems:\n  - category: behavioral\n    tags: [risk]\n    count: 2\n  - count: 1\ntimeLimit: 120\nanswerMode: type\norder: shuffled\n',
      'p.yaml',
    );
    expect(problems).toEqual([]);
    expect(p).toEqual({
      name: 'p',
      description: 'd',
      items: [
        { category: 'behavioral', tags: ['risk'], ids: [], count: 2 },
        { tags: [], ids: [], count: 1 },
      ],
      timeLimit: 120,
      answerMode: 'type',
      order: 'shuffled',
    });
    expect(planSize(p as Plan)).toBe(3);
  });

  it.each([
    ['name: p\nitems:\n  - count: 0\n', 'p.yaml:3:12: "items.0.count" must be at least 1'],
    ['name: p\nitems:\n  - category: managerial\n    count: 1\n', 'p.yaml:3:15: "items.0.category" must be one of: common, behavioral, technical'],
    ['name: p\nitems: []\n', 'p.yaml:2:8: "items" needs at least one item'],
    ['items:\n  - count: 1\n', 'p.yaml:1:1: missing required field "name"'],
    ['name: p\nitems:\n  - count: 1\ntimelimit: 60\n', 'p.yaml:4:1: unknown field "timelimit"'],
    ['name: p\nitems:\n  - count: 1\ntimeLimit: 5\n', 'p.yaml:4:12: "timeLimit" must be at least 10 seconds'],
    ['name: p\nitems:\n  - count: 1\nanswerMode: shout\n', 'p.yaml:4:13: "answerMode" must be one of: ask, type, editor, spoken'],
    ['name: p\nname: q\nitems:\n  - count: 1\n', 'p.yaml:2:1: duplicate key "name": each field may appear only once; keep one'],
    ['name: !shell p\nitems:\n  - count: 1\n', 'p.yaml:1:7: custom YAML tag !shell is not allowed'],
    ['name: p\nitems:\n  - tags: [Not Kebab]\n    count: 1\n', 'p.yaml:3:12: "items.0.tags.0" tags must be kebab-case: lowercase letters, digits and single hyphens'],
    ['- just a list\n', 'p.yaml:1:1: a plan must be a mapping of fields: name, items, and optionally description, timeLimit, answerMode, order, followUps'],
  ])('reports %j as %s', (source, expected) => {
    const { plan: p, problems } = parsePlan(source, 'p.yaml');
    expect(p).toBeUndefined();
    expect(problems.map((x) => `${x.file}:${x.line}:${x.col}: ${x.message}`)).toContain(expected);
  });

  it('collects every problem, not just the first', () => {
    const { problems } = parsePlan('name: ""\nitems:\n  - count: -1\n  - category: x\n    count: 1\nextra: 1\n', 'p.yaml');
    expect(problems.length).toBe(4);
  });
});

describe('loadPlan', () => {
  const where = { packageRoot: ROOT, cwd: scratch };

  it('loads every bundled plan by name', () => {
    const names = listBundledPlans(ROOT);
    expect(names).toEqual(['behavioral-sprint', 'daily-round', 'mock-interview', 'technical-deep-dive']);
    for (const name of names) expect(loadPlan(name, where).name).toBe(name);
  });

  it('shapes the mock interview like a real one: warm-up common questions first', () => {
    const p = loadPlan('mock-interview', where);
    expect(p.items.map((i) => [i.category, i.count])).toEqual([
      ['common', 3],
      ['behavioral', 3],
      ['technical', 2],
    ]);
    expect(p).toMatchObject({ timeLimit: 180, answerMode: 'ask', order: 'as-listed', followUps: 1 });
  });

  it('takes followUps from 0 to 3 and refuses other counts', () => {
    expect(parsePlan('name: x\nitems:\n  - count: 1\nfollowUps: 2\n', 'p.yaml').plan?.followUps).toBe(2);
    const { plan, problems } = parsePlan('name: x\nitems:\n  - count: 1\nfollowUps: 4\n', 'p.yaml');
    expect(plan).toBeUndefined();
    expect(problems[0]).toMatchObject({ line: 4, message: '"followUps" must be at most 3' });
  });

  it.each([
    ['daily-round', undefined, 5],
    ['behavioral-sprint', 150, 6],
    ['technical-deep-dive', 240, 4],
  ])('%s has time limit %s and %i questions', (name, timeLimit, size) => {
    const p = loadPlan(name, where);
    expect(p.timeLimit).toBe(timeLimit);
    expect(planSize(p)).toBe(size);
  });

  it('loads a plan file relative to cwd', () => {
    writeFileSync(join(scratch, 'mine.yaml'), 'name: mine\nitems:\n  - ids: [c1]\n    count: 1\n');
    expect(loadPlan('mine.yaml', where).name).toBe('mine');
  });

  it('throws a usage error with file:line:col for a broken plan file', () => {
    writeFileSync(join(scratch, 'bad.yaml'), 'name: bad\nitems:\n  - count: many\n');
    expect(() => loadPlan('bad.yaml', where)).toThrow(expect.objectContaining({ name: 'InputError', kind: 'invalid' }));
    expect(() => loadPlan('bad.yaml', where)).toThrow(/bad\.yaml:3:12: "items\.0\.count"/);
  });

  it('names the bundled plans when a name is unknown', () => {
    let error: unknown;
    try {
      loadPlan('mock-interveiw', where);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).kind).toBe('missing');
    expect((error as InputError).message).toBe('no plan named "mock-interveiw"');
    expect((error as InputError).hint).toContain('mock-interview');
  });

  it('says a missing file is missing', () => {
    expect(() => loadPlan('plans/none.yaml', where)).toThrow('plan file not found: plans/none.yaml');
  });
});

describe('describePlanShortfalls', () => {
  it('names the items the bank cannot fill', () => {
    const p = plan({ name: 'big', items: [item({ category: 'common', count: 2 }), item({ category: 'technical', count: 5 })] });
    expect(describePlanShortfalls(p, BANK)).toEqual(['item 2 of plan "big" asks for 5 questions but only 2 match']);
  });
});
