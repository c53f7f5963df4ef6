import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sanitizeText } from '../../src/core/text/sanitize.js';
import { readYaml } from '../../src/core/text/yaml.js';
import { makeHome, runCli } from '../helpers/cli.js';
import { draft } from './helpers.js';

// Small wrong results found by the adversarial pass, each fixed and held here.
let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const cli = (args: string[], input = '', env: Record<string, string> = {}) => runCli(args, { env: { ...home.env, ...env }, cwd: home.dir, input, timeoutMs: 30_000 });
const ANSWER = 'I rolled back within four minutes, then wrote the postmortem with the on-call engineer.';

it('story new --tag "Bad Tag" is refused before anything is written (exit 2)', async () => {
  const r = await cli(['story', 'new', 'bad-tag', '--tag', 'Bad Tag', '--title', 'T', '--situation', 'S']);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^rmprep: the story would not load: .*kebab-case/);
  expect(existsSync(join(home.dir, 'data', 'rmprep', 'stories', 'bad-tag.md'))).toBe(false);
  // What it accepts loads: show reads it back.
  expect((await cli(['story', 'new', 'good-tag', '--tag', 'Release Train', '--title', 'T', '--situation', 'S'])).code).toBe(2);
  expect((await cli(['story', 'new', 'good-tag', '--tag', 'release-train', '--title', 'T', '--situation', 'S'])).code).toBe(0);
  expect((await cli(['story', 'show', 'good-tag'])).code).toBe(0);
});

it('a summary cache path that is a folder leaves no temp files behind, however many runs', async () => {
  const data = join(home.dir, 'data', 'rmprep');
  mkdirSync(join(data, '.history.json.summary'), { recursive: true });
  for (let i = 0; i < 3; i++) expect((await cli(['coach', 'team-conflict', '--record', '--rating', 'good'], ANSWER)).code).toBe(0);
  expect((await cli(['stats'])).code).toBe(0);
  expect(readdirSync(data).filter((n) => n.includes('.tmp-'))).toEqual([]);
});

it('export --out /proc/self/status says the file cannot be replaced, not that a folder is missing', async () => {
  const r = await cli(['export', '--format', 'json', '--out', '/proc/self/status']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^rmprep: cannot write \/proc\/self\/status: it cannot be replaced/);
  expect(r.stderr).not.toMatch(/does not exist/);
});

it('the same --questions folder given twice is read once: no duplicate-id warnings against itself', async () => {
  const pack = join(home.dir, 'pack', 'common');
  mkdirSync(pack, { recursive: true });
  writeFileSync(join(pack, 'my-own.md'), '---\nid: my-own\ncategory: common\nquestion: What about my own?\n---\nI handled it in 3 days.\n');
  const r = await cli(['--questions', 'pack', '--questions', './pack/', 'show', 'my-own']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(/duplicate/i);
});

it('import refuses an attempt of 1e308 seconds (or any over a day) and keeps the rest', async () => {
  const line = (id: string, seconds: number) => JSON.stringify({ type: 'attempt', id, ...draft(1, { questionId: 'team-conflict', seconds }) });
  const file = join(home.dir, 'import.jsonl');
  writeFileSync(file, `${line('huge', 1e308)}\n${line('day', 86_401)}\n${line('fine', 95)}\n`);
  const r = await cli(['history', '--import', file]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('Imported 1 attempt');
  expect(r.stderr).toMatch(/import\.jsonl:1:1: "seconds" is more than a day/);
  expect(r.stderr).toMatch(/import\.jsonl:2:1: "seconds" is more than a day/);
});

describe('deeply nested YAML', () => {
  it('a story nested thousands of levels is one clear problem, not a stack overflow', async () => {
    const stories = join(home.dir, 'data', 'rmprep', 'stories');
    mkdirSync(stories, { recursive: true });
    writeFileSync(join(stories, 'deep.md'), `---\ntitle: T\ntags: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nA story.\n`);
    const r = await cli(['story', 'show', 'deep']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rmprep: .*deep\.md:3:\d+: YAML nested more than 64 levels deep\n$/);
    expect(r.stderr).not.toMatch(/call stack/i);
  });

  it.each([
    ['flow', `a: ${'['.repeat(65)}${']'.repeat(65)}\n`],
    ['block', Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n'],
    ['compact', `a:\n  ${'- '.repeat(70)}x\n`],
  ])('%s nesting past 64 levels is refused; 60 levels load', (_kind, text) => {
    expect(readYaml(text, 'f.yaml').problems.map((p) => p.message)).toEqual(['YAML nested more than 64 levels deep']);
    expect(readYaml(`a: ${'['.repeat(60)}${']'.repeat(60)}\n`, 'f.yaml').problems).toEqual([]);
  });

  it("an apostrophe or brackets inside quotes do not count", () => {
    expect(readYaml(`title: "${'['.repeat(100)}"\nnote: Don't [panic]\n`, 'f.yaml').problems).toEqual([]);
  });
});

describe('escape sequences', () => {
  it("an OSC title's text in a posting is no topic of the tailored plan", async () => {
    const posting = 'Release manager: own the release train, rollback plans and change approval.\n';
    writeFileSync(join(home.dir, 'plain.txt'), posting);
    writeFileSync(join(home.dir, 'osc.txt'), `\u001b]0;terraform helm kubernetes gitops\u0007${posting}\u001b]2;terraform kubernetes\n`);
    const plain = await cli(['tailor', 'plain.txt', '--json']);
    const osc = await cli(['tailor', 'osc.txt', '--json']);
    expect(osc.code, osc.stderr).toBe(0);
    expect(osc.stdout).toBe(plain.stdout.replaceAll('plain.txt', 'osc.txt'));
  });

  it('sanitize drops the payload of a string sequence cut off before its terminator, up to the end of the line', () => {
    expect(sanitizeText('a\u001b]0;secret title\nb')).toBe('a\nb');
    expect(sanitizeText('a\u001b]0;title\u0007b')).toBe('ab');
    expect(sanitizeText('x\u001bP1;hidden\ny')).toBe('x\ny');
  });

  it('an unknown command typed with an escape sequence is shown with its escapes, not as a known command', async () => {
    const r = await cli(['\u001b[31mlist']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command '\\x1b[31mlist'");
    expect(r.stderr).not.toContain('\u001b');
  });
});
