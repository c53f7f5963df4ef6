import { describe, expect, it } from 'vitest';
import { parseQuestionFile } from '../../src/core/questions/parse.js';

const md = (front: string, body = 'I would roll back within 5 minutes.') => `---\n${front}\n---\n${body}\n`;
const base = 'id: sample\ncategory: common\nquestion: What is a release?';

describe('parseQuestionFile', () => {
  it('reads a Markdown question: front matter fields plus the body as the model answer', () => {
    const { questions, problems } = parseQuestionFile(
      md(`${base}\nkeyPoints:\n  - point: Rollback\n    terms: [roll back, revert]\ntags: [rollback]\ndifficulty: 3`),
      'questions/common/sample.md',
    );
    expect(problems).toEqual([]);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatchObject({
      id: 'sample',
      category: 'common',
      answer: 'I would roll back within 5 minutes.',
      keyPoints: [{ point: 'Rollback', terms: ['roll back', 'revert'] }],
      tags: ['rollback'],
      difficulty: 3,
      followUps: [],
      line: 2,
    });
  });

  it('reports a duplicate key together with every other problem of the file, and loads nothing', () => {
    const { questions, problems } = parseQuestionFile(md(`${base}\ndifficulty: 7\nquestion: again\nanwser: typo`), 'q.md');
    expect(questions).toEqual([]);
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [5, '"difficulty" must be 1, 2 or 3'],
      [6, 'duplicate key "question"'],
      [7, 'unknown field "anwser"'],
    ]);
  });

  it('takes the id from the file name and the category from the folder when they are left out', () => {
    const { questions, problems } = parseQuestionFile(md('question: Why?'), '/packs/behavioral/why-me.md');
    expect(problems).toEqual([]);
    expect(questions[0]).toMatchObject({ id: 'why-me', category: 'behavioral' });
  });

  it.each([
    ['a field of the wrong type', `${base}\ndifficulty: 7`, 5, 13, /"difficulty" must be 1, 2 or 3/],
    ['an unknown field', `${base}\nanwser: typo`, 5, 1, /unknown field "anwser"/],
    ['a bad category', 'id: x\ncategory: trivia\nquestion: Q?', 3, 11, /"category" must be one of: common, behavioral, technical/],
    ['a duplicate key', `${base}\nquestion: again`, 5, 1, /duplicate key/],
    ['a bad id', 'id: Not Kebab\ncategory: common\nquestion: Q?', 2, 5, /kebab-case/],
    ['a key point without terms', `${base}\nkeyPoints:\n  - point: P\n    terms: []`, 7, 12, /"keyPoints.0.terms" needs at least one term/],
  ])('reports %s at its line and column in the real file', (_name, front, line, col, message) => {
    const { questions, problems } = parseQuestionFile(md(front), 'q.md');
    expect(questions).toEqual([]);
    expect(problems[0]).toMatchObject({ file: 'q.md', line, col });
    expect(problems[0]?.message).toMatch(message);
  });

  it('reads follow-ups as plain text or with a hint, giving objects either way', () => {
    const front = `${base}\nfollowUps:\n  - Plain one?\n  - question: Hinted one?\n    hint: Names the owner and the date`;
    const { questions, problems } = parseQuestionFile(md(front), 'q.md');
    expect(problems).toEqual([]);
    expect(questions[0]?.followUps).toEqual([{ question: 'Plain one?' }, { question: 'Hinted one?', hint: 'Names the owner and the date' }]);
  });

  it.each([
    ['an empty hint', '  - question: Q?\n    hint: ""', 7, 11, '"followUps.0.hint" must not be empty'],
    ['a misspelt hint field', '  - question: Q?\n    hnt: x', 7, 5, 'unknown field "followUps.0.hnt"'],
    ['a follow-up that is a number', '  - 42', 6, 5, '"followUps.0" must be a question, or a map with "question" and an optional "hint"'],
    ['a hint without its question', '  - hint: x', 6, 5, '"followUps.0" must be a question, or a map with "question" and an optional "hint"'],
  ])('reports %s in a follow-up at its position', (_name, item, line, col, message) => {
    const { questions, problems } = parseQuestionFile(md(`${base}\nfollowUps:\n${item}`), 'q.md');
    expect(questions).toEqual([]);
    expect(problems).toEqual([{ file: 'q.md', line, col, message }]);
  });

  it('reports a missing required field at the mapping that lacks it', () => {
    const { problems } = parseQuestionFile(md('id: x\ncategory: common'), 'q.md');
    expect(problems).toEqual([{ file: 'q.md', line: 2, col: 1, message: 'missing required field "question"' }]);
  });

  it('collects every problem of a file, not just the first', () => {
    const { problems } = parseQuestionFile(md('id: x\ncategory: nope\ndifficulty: 9\nextra: 1'), 'q.md');
    expect(problems.map((p) => p.line).sort()).toEqual([2, 3, 4, 5]);
  });

  it('reports YAML syntax errors with their position', () => {
    const { problems } = parseQuestionFile(md('id: x\nquestion: [unclosed'), 'q.md');
    expect(problems[0]).toMatchObject({ file: 'q.md', line: expect.any(Number) });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(problems[0]?.message).toMatch(/invalid YAML/);
  });

  it('refuses front matter in any language other than YAML, without running it', () => {
    const evil = '---js\n{ id: (function(){ globalThis.__pwned = true; return "x" })() }\n---\nbody\n';
    const { questions, problems } = parseQuestionFile(evil, 'q.md');
    expect(questions).toEqual([]);
    expect(problems[0]?.message).toMatch(/front matter must be YAML/);
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('refuses custom YAML tags', () => {
    const { problems } = parseQuestionFile(md(`${base}\ntip: !!js/function "function(){}"`), 'q.md');
    expect(problems.some((p) => /tag/.test(p.message))).toBe(true);
  });

  it('bounds alias expansion (a "billion laughs" file is refused, not expanded)', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const { questions, problems } = parseQuestionFile(`${bomb.join('\n')}\n`, 'bomb.yaml');
    expect(questions).toEqual([]);
    expect(problems[0]?.message).toMatch(/aliases/);
  });

  it('cannot change object prototypes through __proto__ keys', () => {
    const { questions, problems } = parseQuestionFile(md(`${base}\n__proto__:\n  polluted: true`), 'q.md');
    expect(questions).toEqual([]);
    expect(problems[0]?.message).toMatch(/unknown field "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a YAML pack with a list of questions and locates problems inside the list', () => {
    const text = 'questions:\n  - id: one\n    category: common\n    question: Q1?\n    answer: A1\n  - id: two\n    category: common\n    question: Q2?\n';
    const { questions, problems } = parseQuestionFile(text, 'pack.yaml');
    expect(questions.map((q) => q.id)).toEqual(['one']);
    expect(problems).toEqual([{ file: 'pack.yaml', line: 6, col: 5, message: 'missing required field "answer"' }]);
  });

  it('reads a JSON pack (what export --format json writes)', () => {
    const text = JSON.stringify({ questions: [{ id: 'j', category: 'technical', question: 'Q?', answer: 'A', framework: ['Step'] }] });
    const { questions, problems } = parseQuestionFile(text, 'pack.json');
    expect(problems).toEqual([]);
    expect(questions[0]).toMatchObject({ id: 'j', framework: ['Step'] });
  });

  it('asks for a closing fence and for a model answer', () => {
    expect(parseQuestionFile('---\nid: x\n', 'q.md').problems[0]?.message).toMatch(/not closed/);
    expect(parseQuestionFile(md(base, ''), 'q.md').problems[0]?.message).toMatch(/missing model answer/);
    expect(parseQuestionFile('no front matter', 'q.md').problems[0]).toMatchObject({ line: 1, col: 1 });
  });
});

describe('placeholders left by rmprep new', () => {
  it('makes the file a problem at each TODO, with its line and column, and yields no question', async () => {
    const { parseQuestionFile } = await import('../../src/core/questions/parse.js');
    const text = [
      '---',
      'id: half-done',
      'category: common',
      'question: Is it done?',
      'keyPoints:',
      '  - point: TODO the first thing',
      '    terms: [TODO a term, real term]',
      'tags: [TODO]',
      'difficulty: 2',
      '---',
      'TODO write the model answer.',
      'A Todo list in a sentence is fine, and so is the word TODO inside a line.',
      '',
    ].join('\n');
    const { questions, problems } = parseQuestionFile(text, 'half-done.md');
    expect(questions).toEqual([]);
    expect(problems.map((p) => [p.line, p.col])).toEqual([
      [6, 12],
      [7, 13],
      [8, 8],
      [11, 1],
    ]);
    expect(problems[0]!.message).toBe("placeholder left by 'rmprep new': replace this TODO with your own text");
  });
});
