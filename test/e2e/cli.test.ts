import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, ROOT, runCli } from '../helpers/cli.js';

let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const run = (args: string[], input?: string, env: Record<string, string> = {}) => runCli(args, { env: { ...home.env, ...env }, input });

function writePack(files: Record<string, string>): string {
  const dir = join(home.dir, 'pack');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const question = (id: string, category: string, extra = '') =>
  `---\nid: ${id}\ncategory: ${category}\nquestion: What about ${id}?\n${extra}---\nI handled ${id} in 3 days.\n`;

describe('list', () => {
  it('prints every bundled question as JSON with the documented fields', async () => {
    const r = await run(['list', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(Object.keys(rows[0]!).sort()).toEqual(['category', 'difficulty', 'id', 'practice', 'question', 'tags']);
    expect(rows.every((row) => row.practice === null)).toBe(true);
  });

  it('shows the last rating and when each practised question is due, "new" for the rest, the same from the cache or the history', async () => {
    const fresh = await run(['list', '--category', 'technical'], undefined, { COLUMNS: '100' });
    expect(fresh.stdout).not.toContain('LAST · DUE');
    await run(['coach', 'branching-strategy', '--record', '--rating', 'hard'], 'We branch from main for each release and tag it.');
    await run(['coach', 'dora-metrics', '--record', '--rating', 'easy'], 'We track deployment frequency, lead time, change failure rate and restore time.');
    const listed = await run(['list', '--category', 'technical'], undefined, { COLUMNS: '100' });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^ID\s+CATEGORY\s+DIFF\s+LAST · DUE\s+QUESTION\n/);
    expect(listed.stdout).toMatch(/\nbranching-strategy +technical +\d +Hard · (today|in 1d) +\S/);
    expect(listed.stdout).toMatch(/\ndora-metrics +technical +\d +Easy · in \d+[dwy] +\S/);
    expect(listed.stdout).toMatch(/\n[a-z-]+ +technical +\d +new +\S/);
    expect(listed.stdout).toMatch(/\d+ questions, 2 practised;/);
    const json = JSON.parse((await run(['list', '--json'])).stdout) as { id: string; practice: { attempts: number; lastRating: string; due: string } | null }[];
    expect(json.find((q) => q.id === 'branching-strategy')?.practice).toMatchObject({ attempts: 1, lastRating: 'hard' });
    expect(Date.parse(json.find((q) => q.id === 'dora-metrics')!.practice!.due)).toBeGreaterThan(Date.now());
    // At 80 columns every question still has one line of its own, its id whole, nothing wider than the screen.
    const narrow = (await run(['list'], undefined, { COLUMNS: '80' })).stdout.trimEnd().split('\n');
    for (const line of narrow) expect([...line].length).toBeLessThanOrEqual(80);
    const rowIds = narrow.map((line) => /^([a-z0-9-]+) +[123] +(?:new|\w+ · \w+(?: \w+)?) +\S/.exec(line)?.[1]).filter(Boolean);
    expect(rowIds).toEqual(json.map((q) => q.id));
    // Without the summary cache the history itself is read, with the same result.
    rmSync(join(dirname(home.history), '.history.json.summary'));
    expect((await run(['list', '--category', 'technical'], undefined, { COLUMNS: '100' })).stdout).toBe(listed.stdout);
  });

  it('still lists the bank when the history cannot be read, with one warning', async () => {
    mkdirSync(dirname(home.history), { recursive: true });
    writeFileSync(home.history, '{"rmprep":"history","version":2}\nnot json\n');
    const r = await run(['list', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThanOrEqual(50);
    expect(r.stderr).toMatch(/^rmprep: warning: practice not shown: .*history\.json:2:\d+: invalid JSON/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--tags lists the tags with how many questions carry each, as text or JSON', async () => {
    const json = await run(['list', '--tags', '--json']);
    expect(json.code).toBe(0);
    const tags = JSON.parse(json.stdout) as { tag: string; questions: number }[];
    const top = tags[0]!;
    const withTop = JSON.parse((await run(['list', '--tag', top.tag, '--json'])).stdout) as unknown[];
    expect(withTop).toHaveLength(top.questions);
    expect(tags.map((t) => t.questions)).toEqual([...tags.map((t) => t.questions)].sort((a, b) => b - a));
    const text = await run(['list', '--tags']);
    expect(text.stdout).toMatch(new RegExp(`^TAG +QUESTIONS\n${top.tag} +${top.questions}\n`));
    expect(text.stdout).toContain(`${tags.length} tags;`);
    const both = await run(['list', '--tags', '--tag', top.tag]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('rmprep: --tags lists every tag; leave out --tag\n');
  });

  it('filters by category and tag, and prints a table', async () => {
    const r = await run(['list', '--category', 'behavioral']);
    expect(r.code).toBe(0);
    const body = r.stdout.split('\n').filter((l) => l && !l.startsWith('ID') && !/question/.test(l.split('  ')[0] ?? ''));
    expect(r.stdout).toMatch(/^ID\s+CATEGORY\s+DIFF\s+QUESTION/);
    expect(body.some((l) => l.includes('technical'))).toBe(false);
    expect(r.stdout).toContain('team-conflict');
  });

  it('rejects an unknown category with a one-line error and exit 2', async () => {
    const r = await run(['list', '--category', 'trivia']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown category "trivia": expected common, behavioral, technical/);
  });
});

describe('show', () => {
  it('shows the whole card: why, key points, STAR prompts, model answer, tip, follow-ups', async () => {
    const r = await run(['show', 'team-conflict']);
    expect(r.code).toBe(0);
    for (const heading of ['Why they ask', 'Key points', 'STAR prompts', 'Model answer', 'Tip', 'Likely follow-ups']) expect(r.stdout).toContain(heading);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('wraps to COLUMNS when the output is not a terminal, tags included, and to 80 columns without it', async () => {
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));
    const { tags } = JSON.parse((await run(['show', 'coaching-release-captain', '--json'])).stdout) as { tags: string[] };
    expect(tags.length).toBeGreaterThan(2);
    const narrow = await run(['show', 'coaching-release-captain'], undefined, { COLUMNS: '60' });
    expect(narrow.code).toBe(0);
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(60);
    const header = narrow.stdout.slice(0, narrow.stdout.indexOf('Tell me'));
    for (const tag of tags) expect(header.replace(/\n +/g, ' ')).toContain(tag);
    expect(header).not.toContain('…');
    const plain = await run(['show', 'coaching-release-captain'], undefined, { COLUMNS: 'wide' });
    expect(widest(plain.stdout)).toBeLessThanOrEqual(80);
    expect(widest(plain.stdout)).toBeGreaterThan(60);
    const list = await run(['list'], undefined, { COLUMNS: '100' });
    expect(widest(list.stdout)).toBeGreaterThan(80);
    expect(widest(list.stdout)).toBeLessThanOrEqual(100);
  });

  it('prints JSON with --json', async () => {
    const r = await run(['show', 'microservices-release-strategy', '--json']);
    const q = JSON.parse(r.stdout) as { id: string; framework: string[]; keyPoints: unknown[] };
    expect(q.id).toBe('microservices-release-strategy');
    expect(q.framework.length).toBeGreaterThan(2);
    expect(q.keyPoints.length).toBeGreaterThanOrEqual(4);
  });

  it('shows each follow-up hint under its question, and as an object in --json', async () => {
    const followUps = 'followUps:\n  - question: Who signs off?\n    hint: Names the business owner\n  - Plain one?\n';
    const dir = writePack({ 'common/hinted.md': question('hinted', 'common', followUps) });
    const text = await run(['show', 'hinted', '--questions', dir]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Likely follow-ups\n {2}- Who signs off\?\n {4}Hint: Names the business owner\n {2}- Plain one\?\n/);
    const json = await run(['show', 'hinted', '--json', '--questions', dir]);
    expect(JSON.parse(json.stdout).followUps).toEqual([{ question: 'Who signs off?', hint: 'Names the business owner' }, { question: 'Plain one?' }]);
  });

  it('exits 1 on an unknown id and suggests close ones', async () => {
    const r = await run(['show', 'rollback-recovry']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no question with id "rollback-recovry" \(did you mean rollback-recovery/);
  });

  it('cannot be pointed at a file outside the bank through its id', async () => {
    const r = await run(['show', '../../package']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });
});

describe('question folders of the user', () => {
  it('loads --questions and RMPREP_QUESTIONS; a user question overrides a bundled one with its id', async () => {
    const dir = writePack({ 'common/release-process.md': question('release-process', 'common'), 'technical/mine.md': question('mine', 'technical') });
    const r = await run(['show', 'release-process', '--json', '--questions', dir]);
    expect(JSON.parse(r.stdout).question).toBe('What about release-process?');
    const viaEnv = await run(['list', '--json'], undefined, { RMPREP_QUESTIONS: dir });
    expect((JSON.parse(viaEnv.stdout) as { id: string }[]).some((q) => q.id === 'mine')).toBe(true);
  });

  it('names both files when two of the user questions share an id, and keeps working', async () => {
    const dir = writePack({ 'a.md': question('twin', 'common'), 'b.md': question('twin', 'common') });
    const v = await run(['validate', dir]);
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(/b\.md:2:1: duplicate id "twin": already defined at .*a\.md:2/);
    const l = await run(['list', '--json', '--questions', dir]);
    expect(l.code).toBe(0);
    expect(l.stderr.trim().split('\n')).toHaveLength(1);
    expect(l.stderr).toMatch(/warning: .*duplicate id/);
  });

  it('skips a broken file with a one-line warning while other commands still work', async () => {
    const dir = writePack({ 'good.md': question('good-one', 'common'), 'bad.md': '---\nid: bad\ncategory: nope\n---\nx\n' });
    const r = await run(['show', 'good-one', '--questions', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('What about good-one?');
    const l = await run(['list', '--questions', dir]);
    expect(l.stderr).toMatch(/^rmprep: warning: skipped a broken question file: .*bad\.md:3:11: "category" must be one of/);
  });

  it('sees edits, new files and removals on the next run, although lookups are cached', async () => {
    const dir = writePack({ 'one.md': question('cached-one', 'common') });
    const ids = async () => (JSON.parse((await run(['list', '--json', '--questions', dir])).stdout) as { id: string; question: string }[]).filter((q) => q.id.startsWith('cached-'));
    expect((await ids()).map((q) => q.id)).toEqual(['cached-one']);
    expect((await run(['show', 'cached-one', '--questions', dir])).stdout).toContain('What about cached-one?');
    writeFileSync(join(dir, 'one.md'), question('cached-one', 'common').replace('What about cached-one?', 'Edited in place, longer than before?'));
    expect((await ids())[0]?.question).toBe('Edited in place, longer than before?');
    expect((await run(['show', 'cached-one', '--questions', dir])).stdout).toContain('Edited in place');
    writeFileSync(join(dir, 'two.md'), question('cached-two', 'technical'));
    expect((await ids()).map((q) => q.id).sort()).toEqual(['cached-one', 'cached-two']);
    rmSync(join(dir, 'one.md'));
    expect((await ids()).map((q) => q.id)).toEqual(['cached-two']);
    expect((await run(['show', 'cached-one', '--questions', dir])).code).toBe(1);
  });

  it('validates the bundled bank with no problems', async () => {
    const r = await run(['validate']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no problems/);
    expect(r.code).toBe(0);
  });

  it('names a missing path in one line, with no file position, and exits 1', async () => {
    const dir = writePack({ 'ok.md': '' });
    for (const args of [['validate', 'no-such-pack'], ['validate', dir, 'no-such-pack'], ['validate', 'no-such-pack', '--json']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('rmprep: validate: no such file or folder: no-such-pack\n');
    }
  });

  it('rejects an oversized or binary file with a clear message', async () => {
    const dir = writePack({ 'big.md': `---\nid: big\n---\n${'x'.repeat(1_100_000)}`, 'bin.yaml': Buffer.from([0xff, 0xfe, 0x00, 0x41]).toString('latin1') });
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const r = await run(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/big\.md:1:1: file is 1\.1 MB; question files may be at most 1 MB/);
    expect(r.stdout).toMatch(/bin\.yaml:1:1: not a UTF-8 text file/);
  });
});

describe('history and stats', () => {
  it('records through coach --record, then history and stats report it', async () => {
    const answer = 'I rolled back the release in 4 minutes using our runbook, then ran a blameless review.';
    const rec = await run(['coach', 'rollback-recovery', '--record', '--rating', 'hard', '--json'], answer);
    expect(rec.code).toBe(0);
    expect(JSON.parse(rec.stdout).recorded.rating).toBe('hard');
    const h = await run(['history', '--json']);
    const attempts = JSON.parse(h.stdout) as { questionId: string; answer: string; rating: string }[];
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ questionId: 'rollback-recovery', answer, rating: 'hard' });
    const text = await run(['history']);
    expect(text.stdout).toContain(answer.slice(0, 30));
    const s = await run(['stats', '--json']);
    const stats = JSON.parse(s.stdout) as { totalAttempts: number; categories: { category: string; practiced: number; need: number }[]; next: { command: string } };
    expect(stats.totalAttempts).toBe(1);
    const common = stats.categories.find((c) => c.category === 'common')!;
    expect(common.practiced).toBe(1);
    expect(stats.categories[0]!.need).toBeGreaterThanOrEqual(stats.categories[2]!.need);
    expect(stats.next.command).toMatch(/^rmprep drill/);
    const st = await run(['stats']);
    expect(st.stdout).toMatch(/Need by category/);
    expect(st.stdout).toMatch(/Next\s+rmprep drill/);
  });

  it('keeps stats readable in a 60-column terminal without color', async () => {
    await run(['coach', 'team-conflict', '--record'], 'We argued. I listened, then we agreed on a 2 week plan.');
    const s = await run(['stats'], undefined, { COLUMNS: '60' });
    expect(s.code).toBe(0);
    expect(s.stdout).not.toMatch(/\u001b/);
    expect(Math.max(...s.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(60);
  });

  it('uses --history over RMPREP_HISTORY and never touches the home folder otherwise', async () => {
    const custom = join(home.dir, 'elsewhere', 'h.json');
    await run(['coach', 'team-conflict', '--record', '--history', custom], 'I did it in 2 days.');
    expect(existsSync(custom)).toBe(true);
    expect(existsSync(home.history)).toBe(false);
    expect(readFileSync(custom, 'utf8').split('\n')[0]).toBe('{"rmprep":"history","version":3}');
  });

  it('refuses a corrupt history with path:line:col and exit 1, and leaves it as it was', async () => {
    mkdirSync(join(home.history, '..'), { recursive: true });
    writeFileSync(home.history, '{"rmprep":"history","version":2}\n{not json}\n');
    const s = await run(['stats']);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/history\.json:2:2: invalid JSON/);
    const c = await run(['coach', 'team-conflict', '--record'], 'I did it.');
    expect(c.code).toBe(1);
    expect(readFileSync(home.history, 'utf8')).toBe('{"rmprep":"history","version":2}\n{not json}\n');
  });
});

describe('the command line', () => {
  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['list', '--colour'], /unknown option '--colour'/],
    [['drill', '--count', 'many'], /--count must be a whole number from 1 to 500, not "many"/],
    [['history', '--limit', '0'], /--limit must be a whole number/],
    [['show'], /missing required argument 'id'/],
  ])('rejects %j with one line on stderr and exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('drill without a terminal exits 2 and points to the scriptable commands', async () => {
    const r = await run(['drill']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/drill needs an interactive terminal.*rmprep next/);
  });

  it('prints help and version', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: rmprep/);
    const version = await run(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('coach rejects an empty answer clearly', async () => {
    const r = await run(['coach', 'team-conflict'], '   \n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the answer is empty/);
  });
});
