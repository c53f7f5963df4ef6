import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

// Moving to a new machine, as README describes it: practise in one data folder, `backup`, then `restore`
// into a fresh one; everything the person looks at reads the same there.

type Home = ReturnType<typeof makeHome>;
const homes: Home[] = [];
afterEach(() => homes.splice(0).forEach((h) => h.cleanup()));
const newHome = () => {
  const h = makeHome();
  homes.push(h);
  return h;
};
const run = (h: Home, args: string[], input?: string) => runCli(args, { env: h.env, cwd: h.dir, ...(input === undefined ? {} : { input }) });
const data = (h: Home, ...parts: string[]) => join(h.dir, 'data', 'rmprep', ...parts);

async function practise(h: Home): Promise<void> {
  const answers: [string, string, string][] = [
    ['release-process', 'good', 'We cut a release branch on Tuesday and freeze it. If anything breaks we roll back to the previous build with the rehearsed script in under ten minutes.'],
    ['team-conflict', 'hard', 'Two leads disagreed about the freeze date; I met both, wrote down the risks and we agreed on a date.'],
    ['feature-flags', 'again', 'Flags let us ship dark.'],
    ['release-process', 'easy', 'Canary to five percent, watch the error budget, then widen.'],
  ];
  for (const [id, rating, answer] of answers) expect((await run(h, ['coach', id, '--record', '--rating', rating], answer)).code).toBe(0);
  expect((await run(h, ['coach', 'release-process', '--heard', '4', '--sentence', 'we roll back to the previous build with the rehearsed script'], answers[0]![2])).code).toBe(0);
  expect((await run(h, ['history', '--rerate', (JSON.parse((await run(h, ['history', '--json', '--id', 'feature-flags'])).stdout) as { id: string }[])[0]!.id, '--rating', 'hard'])).code).toBe(0);
  expect((await run(h, ['story', 'new', 'pager-storm', '--situation', 'The pager went off all night.', '--tag', 'incident', '--question', 'team-conflict'])).code).toBe(0);
  mkdirSync(data(h, 'drafts'), { recursive: true });
  const draft = data(h, 'drafts', '2026-12-01-abcdef-rollback-recovery.txt');
  writeFileSync(draft, 'Half an answer about rolling back.');
  utimesSync(draft, new Date('2026-12-01T09:30:00Z'), new Date('2026-12-01T09:30:00Z'));
}

/** What a person sees, as JSON, with the paths of the folder in use taken out. */
async function views(h: Home) {
  const json = async (args: string[]) => {
    const r = await run(h, args);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    return JSON.parse(r.stdout.split(h.dir).join('<home>')) as unknown;
  };
  const stats = (await json(['stats', '--json'])) as Record<string, unknown>;
  delete stats.generatedAt;
  return {
    stats,
    next: await json(['next', '--json', '--seed', '3']),
    history: await json(['history', '--json', '--limit', '100']),
    stories: await json(['story', 'list', '--json']),
    phrasings: await json(['phrasings', 'list', '--json']),
    drafts: await json(['drafts', 'list', '--json']),
  };
}

describe('moving to a new data folder', () => {
  it('backup, then restore into a fresh folder: stats, next, history, stories, phrasings and drafts read the same', async () => {
    const a = newHome();
    await practise(a);
    const file = join(a.dir, 'move.backup');
    expect((await run(a, ['backup', file])).code).toBe(0);
    const b = newHome();
    const restored = await run(b, ['restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    const there = await views(a);
    expect(there.history).toHaveLength(4);
    expect(there.phrasings).toHaveLength(1);
    expect(there.drafts).toHaveLength(1);
    expect(await views(b)).toEqual(there);
  });
});
