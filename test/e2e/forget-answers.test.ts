import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';
import { KEY, PtySession, SKIP_PTY } from '../helpers/pty.js';

type Home = ReturnType<typeof makeHome>;
let home: Home;
beforeEach(() => {
  home = makeHome();
  mkdirSync(join(home.dir, 'tmp'));
  home.env.TMPDIR = join(home.dir, 'tmp');
});
afterEach(() => home.cleanup());

const run = (args: string[], input?: string) => runCli(args, { env: home.env, cwd: home.dir, ...(input === undefined ? {} : { input }) });
const data = (...parts: string[]) => join(home.dir, 'data', 'rmprep', ...parts);
/** Words only the person typed: any file still holding one keeps a copy of an answer. */
const MINE = /Zephyrcorp|Quillbank/;

const ANSWERS: [string, string, string][] = [
  ['release-process', 'good', 'At Zephyrcorp we cut a release branch on Tuesday, freeze it and run the regression suite. If anything breaks we roll back to the previous build with the rehearsed script in under ten minutes.'],
  ['team-conflict', 'hard', 'At Quillbank two leads disagreed about the freeze date; I met both, wrote down the risks and we agreed on a date.'],
  ['release-process', 'easy', 'Zephyrcorp again: canary to five percent, watch the error budget, then widen.'],
];

async function seed(): Promise<void> {
  for (const [id, rating, answer] of ANSWERS) expect((await run(['coach', id, '--record', '--rating', rating], answer)).code).toBe(0);
  const taught = await run(['coach', 'release-process', '--heard', '4', '--sentence', 'we roll back to the previous build with the rehearsed script'], ANSWERS[0]![2]);
  expect(taught.code, taught.stderr).toBe(0);
  mkdirSync(data('drafts'), { recursive: true });
  writeFileSync(data('drafts', '2026-12-01-abcdef-release-process.txt'), 'Zephyrcorp half answer');
  writeFileSync(`${home.history}.0123456789.bak`, readFileSync(home.history));
}

/** What must not change: the figures, the next question and every attempt but its text. */
async function figures() {
  const stats = JSON.parse((await run(['stats', '--json'])).stdout) as Record<string, unknown>;
  delete stats.generatedAt;
  const next = JSON.parse((await run(['next', '--json', '--seed', '7'])).stdout) as unknown;
  const attempts = (JSON.parse((await run(['history', '--json', '--limit', '100'])).stdout) as Record<string, unknown>[]).map(({ answer: _a, credits: _c, ...rest }) => rest);
  return { stats, next, attempts };
}

function filesWithAnswers(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (MINE.test(readFileSync(p, 'utf8'))) out.push(p.slice(home.dir.length + 1));
    }
  };
  walk(home.dir);
  return out;
}

describe('history --forget-answers', () => {
  it('refuses without a terminal and without --yes (exit 2, one line), changing nothing', async () => {
    await seed();
    const before = readFileSync(home.history);
    for (const args of [['history', '--forget-answers'], ['history', '--forget-answers', '--json']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    expect(readFileSync(home.history).equals(before)).toBe(true);
    expect((await run(['history', '--before', '2026-01-01'])).code).toBe(2);
    expect((await run(['history', '--forget-answers', '--yes', '--before', 'last week'])).stderr).toMatch(/--before takes a day/);
  });

  it('--yes --json takes every copy and keeps stats, next and every schedule identical', async () => {
    await seed();
    const kept = await figures();
    const r = await run(['history', '--forget-answers', '--yes', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ applied: true, attempts: 3, answers: 3, phrasings: 1, drafts: 1, files: { backups: { rewritten: 1, removed: 0 } }, before: null, id: null });
    expect(filesWithAnswers()).toEqual([]);
    expect(await figures()).toEqual(kept);
    expect((await run(['phrasings', 'list', '--json'])).stdout.trim()).toBe('[]');
    const again = await run(['history', '--forget-answers', '--yes']);
    expect(again.stdout).toMatch(/^Nothing to forget of any question\./);
  });

  it('--dry-run says what would go, as text or JSON, with no terminal, and changes nothing', async () => {
    await seed();
    const before = filesWithAnswers().map((f) => readFileSync(join(home.dir, f), 'utf8'));
    const json = await run(['history', '--forget-answers', '--dry-run', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ applied: false, attempts: 3, answers: 3, phrasings: 1, drafts: 1, files: { backups: { rewritten: 1, removed: 0 } }, before: null, id: null });
    const text = await run(['history', '--forget-answers', '--dry-run', '--id', 'team-conflict']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^The text of your answers of team-conflict from \d{4}-\d\d-\d\d is kept in:\n {2}1 answer\n/);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('Backups you made with `rmprep backup` still hold this text: make a new one and delete the old.');
    expect(Math.max(...text.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(text.stdout).toMatch(/Nothing was changed \(--dry-run\)\.\n$/);
    expect(filesWithAnswers().map((f) => readFileSync(join(home.dir, f), 'utf8'))).toEqual(before);
    for (const args of [['history', '--dry-run'], ['history', '--forget-answers', '--dry-run', '--yes']]) {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--id forgets one question only', async () => {
    await seed();
    const r = await run(['history', '--forget-answers', '--yes', '--id', 'team-conflict']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Forgot 1 answer, 1 backup of the history rewritten\./);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/still hold this text: make a new one and delete the old\. $/);
    const left = filesWithAnswers().map((f) => readFileSync(join(home.dir, f), 'utf8')).join('\n');
    expect(left).not.toMatch(/Quillbank/);
    expect(left).toMatch(/Zephyrcorp/);
    const listed = await run(['history']);
    expect(listed.stdout).toMatch(/team-conflict .*\n {2}\(its text is not kept\)\n/);
    expect(listed.stdout).toMatch(/release-process .*\n {2}.*Zephyrcorp/);
    expect((await run(['history', '--forget-answers', '--yes', '--id', 'no-such-question'])).code).toBe(1);
  });
});

describe.skipIf(SKIP_PTY)('history --forget-answers in a terminal', () => {
  it('shows what goes and asks; no changes nothing, yes forgets', async () => {
    await seed();
    const before = readFileSync(home.history);
    const s = new PtySession(['history', '--forget-answers'], home.env);
    await s.waitFor('Forget the text of these answers?');
    expect(s.text).toMatch(/3 answers/);
    expect(s.text).toMatch(/1 taught phrasing/);
    s.type('n');
    s.type(KEY.enter);
    await s.waitFor('Nothing was changed.');
    expect(await s.exited()).toBe(0);
    expect(readFileSync(home.history).equals(before)).toBe(true);

    const yes = new PtySession(['history', '--forget-answers', '--before', '2999-01-01'], home.env);
    await yes.waitFor('Forget the text of these answers?');
    yes.type('y');
    yes.type(KEY.enter);
    await yes.waitFor(/Ratings, scores and\s+schedules are as they were\./);
    expect(await yes.exited()).toBe(0);
    expect(filesWithAnswers()).toEqual([]);
  });
});
