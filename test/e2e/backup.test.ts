import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

type Home = ReturnType<typeof makeHome>;
let homes: Home[] = [];
const newHome = () => {
  const h = makeHome();
  homes.push(h);
  return h;
};
beforeEach(() => {
  homes = [];
});
afterEach(() => homes.forEach((h) => h.cleanup()));

const run = (h: Home, args: string[], input?: string) => runCli(args, { env: h.env, cwd: h.dir, ...(input === undefined ? {} : { input }) });
const data = (h: Home, ...parts: string[]) => join(h.dir, 'data', 'rmprep', ...parts);
const records = (h: Home) =>
  readFileSync(h.history, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; id: string; attempt?: string });
const ids = (h: Home, type: string) => records(h).filter((r) => r.type === type).map((r) => r.id).sort();
const listing = async (h: Home) => JSON.parse((await run(h, ['history', '--json', '--limit', '100'])).stdout) as { id: string; rating: string; card?: { due: string } }[];

/** A data folder with a bit of everything: three attempts (one undone), a story, an own question, a draft, phrasings and a config with a key. */
async function seed(h: Home): Promise<void> {
  for (const [id, rating] of [['release-process', 'good'], ['team-conflict', 'hard'], ['feature-flags', 'easy']]) {
    expect((await run(h, ['coach', id!, '--record', '--rating', rating!], `My answer to ${id}: roll back, measure, tell people.`)).code).toBe(0);
  }
  const undone = records(h).find((r) => r.type === 'attempt')!;
  appendFileSync(h.history, `${JSON.stringify({ type: 'undo', id: 'u-1', at: new Date().toISOString(), attempt: undone.id })}\n`);
  expect((await run(h, ['story', 'new', 'pager-storm', '--situation', 'The pager went off all night.'])).code).toBe(0);
  mkdirSync(data(h, 'questions', 'common'), { recursive: true });
  writeFileSync(data(h, 'questions', 'common', 'mine.md'), '---\nid: mine\nquestion: Mine?\n---\nAnswer.\n');
  mkdirSync(data(h, 'drafts'), { recursive: true });
  writeFileSync(data(h, 'drafts', 'draft-1.txt'), 'half an answer');
  writeFileSync(data(h, 'phrasings.yaml'), 'release-process:\n  rollback: [put it back]\n');
  mkdirSync(join(h.dir, 'config', 'rmprep'), { recursive: true });
  writeFileSync(join(h.dir, 'config', 'rmprep', 'config.yaml'), 'grader:\n  model: small\n  apiKey: sk-secret\n');
}

describe('backup and restore', () => {
  it('backup holds everything in one 0600 file, without the config key, and refuses rmprep\'s own folders', async () => {
    const a = newHome();
    await seed(a);
    const file = join(a.dir, 'all.backup');
    const r = await run(a, ['backup', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ history: { attempts: 3, sessions: 1, corrections: 1 }, stories: 1, drafts: 1, questions: 1, phrasings: true, config: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('sk-secret');
    expect(text).toContain('model: small');
    const refused = await run(a, ['backup', data(a, 'b.backup')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/will not write .*rmprep's data folder/);
    expect((await run(a, ['backup', file])).code).toBe(1);
  });

  it('restores into an empty data folder and again, with nothing doubled or lost', async () => {
    const a = newHome();
    await seed(a);
    const file = join(a.dir, 'all.backup');
    expect((await run(a, ['backup', file])).code).toBe(0);
    const b = newHome();
    for (const pass of [1, 2]) {
      const r = await run(b, ['restore', file, '--json']);
      expect(r.code, `pass ${pass}: ${r.stderr}`).toBe(0);
      for (const type of ['attempt', 'session', 'undo']) expect(ids(b, type), `${type}, pass ${pass}`).toEqual(ids(a, type));
      expect(await listing(b)).toEqual(await listing(a));
      expect(readFileSync(data(b, 'stories', 'pager-storm.md'), 'utf8')).toBe(readFileSync(data(a, 'stories', 'pager-storm.md'), 'utf8'));
      expect(readFileSync(data(b, 'questions', 'common', 'mine.md'), 'utf8')).toContain('id: mine');
      expect(readFileSync(data(b, 'drafts', 'draft-1.txt'), 'utf8')).toBe('half an answer');
      expect(readFileSync(data(b, 'phrasings.yaml'), 'utf8')).toContain('put it back');
      expect(readFileSync(join(b.dir, 'config', 'rmprep', 'config.yaml'), 'utf8')).not.toContain('apiKey');
      const summary = JSON.parse(r.stdout) as { files: { added: string[]; skipped: string[] } };
      expect(pass === 1 ? summary.files.added : summary.files.skipped).toHaveLength(5);
    }
    // The undone attempt stays undone: it is not listed, as at home.
    expect((await listing(b)).map((x) => x.id)).toHaveLength(2);
  });

  it('restores into a data folder with its own history and files, twice, keeping both and replacing nothing without --force', async () => {
    const a = newHome();
    await seed(a);
    const file = join(a.dir, 'all.backup');
    expect((await run(a, ['backup', file])).code).toBe(0);
    const c = newHome();
    expect((await run(c, ['coach', 'rollback-recovery', '--record', '--rating', 'good'], 'Mine: roll back fast.')).code).toBe(0);
    expect((await run(c, ['story', 'new', 'pager-storm', '--situation', 'My own version.'])).code).toBe(0);
    const own = ids(c, 'attempt');
    const mine = readFileSync(data(c, 'stories', 'pager-storm.md'), 'utf8');
    // Merged into a history, an undone attempt is left out with its undo (an import counts it nowhere).
    const undone = records(a).find((r) => r.type === 'undo')!.attempt;
    const counted = ids(a, 'attempt').filter((id) => id !== undone);
    for (const pass of [1, 2]) {
      const r = await run(c, ['restore', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(ids(c, 'attempt')).toEqual([...own, ...counted].sort());
      expect(new Set(ids(c, 'session')).size).toBe(ids(c, 'session').length);
      expect(readFileSync(data(c, 'stories', 'pager-storm.md'), 'utf8')).toBe(mine);
      expect(r.stderr).toContain('Kept 1 of your files that differ from the backup (story:pager-storm.md)');
      expect(r.stdout).toMatch(pass === 1 ? /Restored 2 attempts/ : /Restored 0 attempts/);
    }
    expect((await listing(c)).map((x) => x.id).sort()).toEqual([...own, ...counted].sort());

    const forced = await run(c, ['restore', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(data(c, 'stories', 'pager-storm.md'), 'utf8')).toBe(readFileSync(data(a, 'stories', 'pager-storm.md'), 'utf8'));
    const aside = readdirSync(data(c, 'stories')).filter((n) => n.startsWith('pager-storm.md.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(data(c, 'stories', aside[0]!), 'utf8')).toBe(mine);
    expect(forced.stdout).toContain('Set aside: ');
  });

  it('merges taught phrasings entry by entry, twice adding nothing', async () => {
    const phrasings = (...rows: [string, string, string][]) => `phrasings:\n${rows.map(([q, p, s]) => `  - question: ${q}\n    point: ${p}\n    sentence: ${s}\n`).join('')}`;
    const a = newHome();
    mkdirSync(data(a), { recursive: true });
    writeFileSync(data(a, 'phrasings.yaml'), phrasings(['release-process', 'freeze', 'we froze the branch on monday'], ['team-conflict', 'listen', 'I asked both of them first']));
    const file = join(a.dir, 'all.backup');
    expect((await run(a, ['backup', file])).code).toBe(0);
    const c = newHome();
    mkdirSync(data(c), { recursive: true });
    writeFileSync(data(c, 'phrasings.yaml'), phrasings(['release-process', 'freeze', 'We froze the branch  on Monday'], ['feature-flags', 'cleanup', 'old flags go within a sprint']));
    for (const pass of [1, 2]) {
      const r = await run(c, ['restore', file, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ phrasingsAdded: pass === 1 ? 1 : 0, files: { kept: [] } });
      const sentences = (await run(c, ['phrasings', 'list', '--json'])).stdout;
      expect((JSON.parse(sentences) as { sentence: string }[]).map((p) => p.sentence)).toEqual(['We froze the branch  on Monday', 'old flags go within a sprint', 'I asked both of them first']);
    }
    expect(readdirSync(data(c)).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('history --import takes the attempts of a backup', async () => {
    const a = newHome();
    await seed(a);
    const file = join(a.dir, 'all.backup');
    expect((await run(a, ['backup', file])).code).toBe(0);
    const d = newHome();
    const r = await run(d, ['history', '--import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect((await listing(d)).map((x) => x.id).sort()).toEqual((await listing(a)).map((x) => x.id).sort());
    expect(existsSync(data(d, 'stories'))).toBe(false);
  });
});
