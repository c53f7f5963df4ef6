import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuestionFile } from '../../src/core/questions/parse.js';
import { readQuestionFile } from '../../src/core/questions/read-file.js';
import { makeHome, runCli, type CliResult } from '../helpers/cli.js';
import { seeded } from './helpers.js';

let home: ReturnType<typeof makeHome>;
let pack: string;
let markers: string;
beforeAll(() => {
  home = makeHome();
  pack = join(home.dir, 'pack');
  markers = join(home.dir, 'markers');
  mkdirSync(pack);
  mkdirSync(markers);
});
afterAll(() => home.cleanup());

const run = (args: string[], input?: string): Promise<CliResult> => runCli(args, { env: home.env, ...(input === undefined ? {} : { input }) });
const write = (name: string, content: string | Buffer) => writeFileSync(join(pack, name), content);
const marker = (name: string) => join(markers, name);
/** Every marker file a piece of code in a pack would create if it ever ran. */
const markersMade = () => readdirSync(markers);

/** Control characters, C1 controls, DEL and bidi overrides: nothing of these may reach a terminal raw. */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
function expectClean(text: string, label: string): void {
  const m = FORBIDDEN.exec(text);
  const found = m ? `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 30))}` : 'nothing';
  expect(found, label).toBe('nothing');
}

const BASE = 'category: common\nquestion: A plain question?';

describe('code in a question file never runs', () => {
  const code = (): Record<string, string> => ({
    'js.md': `---js\n{ id: (require('fs').writeFileSync(${JSON.stringify(marker('js'))}, 'x'), 'pwned-js'), category: 'common', question: 'Q?' }\n---\nbody\n`,
    'javascript.md': `---javascript\nmodule.exports = { id: require('child_process').execSync('touch ${marker('javascript')}') && 'x' }\n---\nbody\n`,
    'coffee.md': `---coffee\nid: require('fs').writeFileSync '${marker('coffee')}', 'x'\n---\nbody\n`,
    'spaced.md': `--- JS \n{ id: (require('fs').writeFileSync(${JSON.stringify(marker('spaced'))}, 'x'), 'x') }\n---\nbody\n`,
    'js-function.md': `---\nid: js-function\n${BASE}\ntip: !!js/function "function () { require('fs').writeFileSync(${JSON.stringify(marker('fn')).replace(/"/g, "'")}, 'x') }"\n---\nbody\n`,
    'js-eval.md': `---\nid: js-eval\n${BASE}\ntip: !!js/eval "require('fs').writeFileSync('${marker('eval')}', 'x')"\n---\nbody\n`,
    'python.md': `---\nid: python\n${BASE}\ntip: !!python/object/apply:os.system ["touch ${marker('python')}"]\n---\nbody\n`,
    'verbatim.md': `---\nid: verbatim\n${BASE}\ntip: !<tag:yaml.org,2002:js/function> "function () {}"\n---\nbody\n`,
    'local-tag.md': `---\nid: local-tag\n${BASE}\ntip: !shell "touch ${marker('local')}"\n---\nbody\n`,
  });

  beforeAll(() => {
    for (const [name, text] of Object.entries(code())) write(name, text);
  });

  it('validate refuses each file with its line and column, and nothing ran', async () => {
    const r = await run(['validate', pack]);
    expect(r.code).toBe(1);
    const out = r.stdout;
    for (const lang of ['js', 'javascript', 'coffee']) {
      expect(out).toContain(`pack/${lang}.md:1:4: front matter must be YAML; "${lang}" front matter is not accepted`);
    }
    expect(out).toContain('pack/spaced.md:1:4: front matter must be YAML; "js" front matter is not accepted');
    for (const name of ['js-function', 'js-eval', 'python', 'verbatim']) expect(out).toMatch(new RegExp(`pack/${name}\\.md:5:6: .*(tag)`, 'i'));
    expect(out).toMatch(/pack\/local-tag\.md:5:6: custom YAML tag !shell is not allowed/);
    expect(markersMade()).toEqual([]);
  });

  it('list, show and validate --json load the folder without running anything', async () => {
    for (const args of [['list', '--questions', pack], ['list', '--json', '--questions', pack], ['show', 'pwned-js', '--questions', pack], ['validate', '--json', pack]]) {
      await run(args);
      expect(markersMade(), args.join(' ')).toEqual([]);
    }
  });

  it('the parser itself executes nothing (in process)', () => {
    for (const [name, text] of Object.entries(code())) {
      const parsed = parseQuestionFile(text, join(pack, name));
      expect(parsed.questions, name).toEqual([]);
      expect(parsed.problems.length, name).toBeGreaterThan(0);
    }
    expect(markersMade()).toEqual([]);
  });
});

describe('files built to exhaust or pollute', () => {
  const laughs = (indent: string) => {
    const out = [`${indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      out.push(`${indent}${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    return out.join('\n');
  };
  let dir: string;
  beforeAll(() => {
    dir = join(home.dir, 'hostile');
    mkdirSync(dir);
    const put = (name: string, content: string | Buffer) => writeFileSync(join(dir, name), content);
    put('bomb.yaml', `${laughs('')}\n`);
    put('bomb.md', `---\nid: bomb\n${BASE}\n${laughs('').replace(/^a:/, 'x:')}\n---\nbody\n`);
    put('proto.md', `---\nid: proto\n${BASE}\n__proto__:\n  polluted: true\n---\nbody\n`);
    put('ctor.md', `---\nid: ctor\n${BASE}\nconstructor:\n  prototype:\n    polluted: true\nprototype:\n  polluted: true\n---\nbody\n`);
    put('nested.md', `---\nid: nested\n${BASE}\nkeyPoints:\n  - point: A point\n    terms: [one]\n    __proto__: { polluted: true }\nstar:\n  situation: s\n  task: t\n  action: a\n  result: r\n  constructor: { polluted: true }\n---\nbody\n`);
    put('proto.json', JSON.stringify({ questions: [{ id: 'json-proto', category: 'common', question: 'Q?', answer: 'A', __proto__x: 1 }] }).replace('"__proto__x"', '"__proto__"'));
    put('big.md', `---\nid: big\n${BASE}\n---\n${'x'.repeat(2_000_000)}\n`);
    const random = seeded(99);
    put('binary.yaml', Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256))));
    put('nul.md', `---\nid: nul\n${BASE}\n---\nan answer\u0000with a NUL\n`);
    put('latin1.md', Buffer.from(`---\nid: latin1\n${BASE}\n---\nZ\xfcrich\n`, 'latin1'));
    put('constructor.md', `---\nid: constructor\n${BASE}\n---\nA question whose id is a name every object inherits.\n`);
  });

  it('validate names each problem; nothing expands, nothing is polluted', async () => {
    const r = await run(['validate', dir]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const expected: [string, RegExp][] = [
      ['bomb.yaml', /hostile\/bomb\.yaml:1:1: YAML aliases expand to too many nodes \(limit 100\)/],
      ['bomb.md', /hostile\/bomb\.md:2:1: YAML aliases expand to too many nodes \(limit 100\)/],
      ['proto.md', /hostile\/proto\.md:5:1: unknown field "__proto__"/],
      ['ctor.md constructor', /hostile\/ctor\.md:5:1: unknown field "constructor"/],
      ['ctor.md prototype', /hostile\/ctor\.md:8:1: unknown field "prototype"/],
      ['nested.md keyPoints', /hostile\/nested\.md:8:5: unknown field "keyPoints\.0\.__proto__"/],
      ['nested.md star', /hostile\/nested\.md:14:3: unknown field "star\.constructor"/],
      ['proto.json', /hostile\/proto\.json:1:\d+: unknown field "__proto__"/],
      ['big.md', /hostile\/big\.md:1:1: file is 2\.0 MB; question files may be at most 1 MB/],
      ['binary.yaml', /hostile\/binary\.yaml:1:1: not a UTF-8 text file/],
      ['nul.md', /hostile\/nul\.md:1:1: not a text file: it contains NUL bytes/],
      ['latin1.md', /hostile\/latin1\.md:1:1: not a UTF-8 text file/],
    ];
    for (const [name, pattern] of expected) expect(lines.some((l) => pattern.test(l)), `${name}\n${r.stdout}`).toBe(true);
    expect(r.stdout).not.toMatch(/constructor\.md/);
    expectClean(r.stdout + r.stderr, 'validate');
  });

  it('the other commands keep working with a one-line warning, and a question id named "constructor" records and counts', async () => {
    const l = await run(['list', '--questions', dir]);
    expect(l.code).toBe(0);
    expect(l.stderr.trim().split('\n')).toHaveLength(1);
    expect(l.stderr).toMatch(/^rmprep: warning: skipped (a broken question file|\d+ broken question files): .*\(\+\d+ more( in it)?; run 'rmprep validate'\)\n$/);
    expect(l.stdout).toMatch(/^constructor\s+common/m);
    const answer = join(home.dir, 'ctor-answer.txt');
    writeFileSync(answer, 'Every object inherits it, so I keyed the map without a prototype.');
    const c = await run(['coach', 'constructor', '--record', '--rating', 'good', '--answer-file', answer, '--questions', dir]);
    expect(c.code).toBe(0);
    const s = await run(['stats', '--json', '--questions', dir]);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).totalAttempts).toBe(1);
    const n = await run(['next', '--questions', dir]);
    expect(n.code).toBe(0);
  });

  it('no object prototype changes while parsing them (in process)', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const name of readdirSync(dir)) readQuestionFile(join(dir, name), name);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(Object.getOwnPropertyNames(Object).includes('polluted')).toBe(false);
  });
});

/** Escapes every character that is not plain printable ASCII, so the YAML file itself stays plain text. */
function yamlString(s: string): string {
  return `"${[...s].map((c) => (c === '"' || c === '\\' || c < ' ' || c > '~' ? `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}` : c)).join('')}"`;
}

const NASTY = [
  '\u001b[31mRED\u001b[0m',
  '\u001b[2J\u001b[H',
  '\u001b[10;10H',
  '\u001b]0;pwned\u0007',
  '\u001b]52;c;cHduZWQ=\u0007',
  '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
  'fake\rREAL',
  'abc\b\b\bxyz',
  '\u202eevil\u202c',
  '\u009b2J\u009d0;pwned\u009c',
  '\u0090q\u009c\u007f\u0085',
].join(' ');
const nasty = (label: string) => `${label}-visible ${NASTY} end`;

describe('escape sequences in every printable field', () => {
  let dir: string;
  let answerFile: string;
  beforeAll(() => {
    dir = join(home.dir, 'escapes');
    mkdirSync(dir);
    const y = (label: string) => yamlString(nasty(label));
    writeFileSync(
      join(dir, 'evil.md'),
      [
        '---',
        'id: evil',
        'category: behavioral',
        `question: ${y('question')}`,
        `why: ${y('why')}`,
        'keyPoints:',
        `  - point: ${y('point')}`,
        `    terms: [${y('term')}, rollback]`,
        `tip: ${y('tip')}`,
        'star:',
        `  situation: ${y('situation')}`,
        `  task: ${y('task')}`,
        `  action: ${y('action')}`,
        `  result: ${y('result')}`,
        `framework: [${y('framework')}]`,
        `followUps: [${y('followup')}]`,
        'tags: [safe-tag]',
        '---',
        // The body is not YAML: the escapes are raw bytes in the file.
        nasty('answer'),
        '',
      ].join('\n'),
    );
    // Fields that must be kebab-case, a key, and a file name, each carrying escapes: refused, and reported cleanly.
    writeFileSync(join(dir, 'bad-fields.md'), `---\nid: ${yamlString(nasty('id'))}\n${BASE}\ntags: [${yamlString(nasty('tag'))}]\n${yamlString(nasty('key'))}: 1\n---\nbody\n`);
    writeFileSync(join(dir, `name-\u001b]0;pwned\u0007-\u009b2J-\r.md`), `---\n${BASE}\n---\nbody\n`);
    // A key that is itself a collection: the yaml package would print a warning quoting it to stderr.
    writeFileSync(join(dir, 'complex-key.md'), `---\nid: complex-key\n${BASE}\n? [${yamlString(nasty('complex'))}]\n: x\n---\nbody\n`);
    answerFile = join(home.dir, 'nasty-answer.txt');
    writeFileSync(answerFile, `I rolled back in 4 minutes. ${nasty('typed-answer')}`);
  });

  const q = () => ['--questions', dir];

  it('show, list, coach, history, stats and validate print none of them raw, and still show the text around them', async () => {
    const outputs: [string, CliResult][] = [];
    const add = async (args: string[]) => outputs.push([args.join(' '), await run(args)]);
    await add(['show', 'evil', ...q()]);
    await add(['list', ...q()]);
    await add(['coach', 'evil', '--answer-file', answerFile, ...q()]);
    await add(['coach', 'evil', '--record', '--rating', 'hard', '--answer-file', answerFile, ...q()]);
    await add(['history', ...q()]);
    await add(['history', '--id', 'evil', ...q()]);
    await add(['stats', ...q()]);
    await add(['validate', dir]);
    await add(['show', `\u001b]0;pwned\u0007\u009b2J`, ...q()]);
    for (const [label, r] of outputs) {
      expectClean(r.stdout, `${label} (stdout)`);
      expectClean(r.stderr, `${label} (stderr)`);
    }
    const show = outputs[0]![1].stdout;
    for (const label of ['question', 'why', 'point', 'tip', 'situation', 'task', 'action', 'result', 'framework', 'followup', 'answer']) {
      expect(show, label).toContain(`${label}-visible`);
    }
    expect(outputs[4]![1].stdout).toContain('typed-answer-visible');
    const validate = outputs[7]![1];
    expect(validate.stdout).toMatch(/bad-fields\.md:2:5: "id" must be kebab-case/);
    expect(validate.stdout).toMatch(/bad-fields\.md:5:\d+: "tags\.0" tags must be kebab-case/);
    expect(validate.stdout).toMatch(/bad-fields\.md:6:1: unknown field "key-visible \\u001b\[31mRED/);
    expect(validate.stdout).toMatch(/name-\]0;pwned-2J-\.md:1:1: missing model answer|name-.*\.md/);
    expect(validate.stdout).toMatch(/complex-key\.md:5:3: a key must be a plain name, not a list or mapping/);
    expect(validate.stderr).not.toMatch(/Warning/);
  });

  /** Only JSON escapes may stand for them: no raw ESC or CR, and the parsed values are the original text. */
  function expectEscapedJson(r: CliResult, label: string): unknown {
    expect(r.code, label).toBe(0);
    expect(r.stdout.includes('\u001b'), `${label}: raw ESC`).toBe(false);
    expect(r.stdout.includes('\r'), `${label}: raw CR`).toBe(false);
    expect(r.stdout.includes('\u0007'), `${label}: raw BEL`).toBe(false);
    return JSON.parse(r.stdout);
  }

  it('show --json, list --json, coach --json and history --json escape ESC, CR and BEL and keep the text exact', async () => {
    const show = expectEscapedJson(await run(['show', 'evil', '--json', ...q()]), 'show --json') as Record<string, unknown>;
    expect(show.question).toBe(nasty('question'));
    expect(show.answer).toBe(nasty('answer'));
    expect((show.star as Record<string, string>).result).toBe(nasty('result'));
    const list = expectEscapedJson(await run(['list', '--json', ...q()]), 'list --json') as { id: string; question: string }[];
    expect(list.find((x) => x.id === 'evil')?.question).toBe(nasty('question'));
    expectEscapedJson(await run(['coach', 'evil', '--json', '--answer-file', answerFile, ...q()]), 'coach --json');
    const history = expectEscapedJson(await run(['history', '--json', ...q()]), 'history --json') as { answer: string }[];
    expect(history.some((a) => a.answer.includes(nasty('typed-answer')))).toBe(true);
  });

  // JSON.stringify leaves C1 controls (such as the 8-bit CSI U+009B), DEL and bidi overrides raw; the
  // --json commands write them as \u escapes so JSON shown in a terminal cannot drive it.
  it.each([['show', 'evil', '--json'], ['list', '--json'], ['history', '--json']])('%s %s prints C1 controls and bidi overrides only as JSON escapes', async (...args) => {
    await run(['coach', 'evil', '--record', '--answer-file', answerFile, ...q()]);
    const r = await run([...args, ...q()]);
    expect(r.code).toBe(0);
    expectClean(r.stdout, args.join(' '));
    expect(JSON.parse(r.stdout)).toBeTruthy();
  });

  it('validate --json escapes what it reports', async () => {
    const r = await run(['validate', '--json', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout.includes('\u001b')).toBe(false);
    expect(r.stdout.includes('\r')).toBe(false);
    expect(JSON.parse(r.stdout).problems.length).toBeGreaterThan(2);
  });

  it('stripping a megabyte of unterminated escape introducers stays fast (the sanitizer is linear)', async () => {
    const big = join(home.dir, 'introducers');
    mkdirSync(big);
    writeFileSync(join(big, 'many.md'), `---\nid: many\n${BASE}\n---\nstart ${'\u009d\u0090'.repeat(200_000)} end\n`);
    const r = await run(['show', 'many', '--questions', big]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('start');
    expect(r.stdout).toContain('end');
    expectClean(r.stdout, 'show many');
  });
});

it('leaves no marker anywhere', () => {
  expect(existsSync(markers) && readdirSync(markers)).toEqual([]);
  expect(readFileSync(join(home.dir, 'pack', 'js.md'), 'utf8')).toContain('---js');
});
