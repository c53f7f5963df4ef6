import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';
import { openSealed, openSealedLines, sealLine, sealText } from '../../src/core/cache-seal.js';

// The question caches are files like any other: a damaged one is discarded and rebuilt, never trusted.
let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const run = (args: string[]) => runCli(args, { env: home.env, timeoutMs: 20_000 });
const cacheDir = () => join(home.dir, 'cache', 'rmprep');
const cacheFile = (suffix: string) => {
  const name = readdirSync(cacheDir()).find((n) => n.startsWith('bank-') && n.endsWith(suffix));
  expect(name, suffix).toBeDefined();
  return join(cacheDir(), name!);
};
/** Rewrites every parsed question of the bank cache, keeping each line's byte length where the edit allows. */
const editCachedQuestions = (edit: (q: Record<string, unknown>) => void) => {
  const file = cacheFile('.jsonl');
  const lines = openSealedLines(readFileSync(file))!;
  const edited = lines.map((line) => {
    const entry = JSON.parse(line) as { parsed: { questions: Record<string, unknown>[] } };
    for (const q of entry.parsed.questions) edit(q);
    return sealLine(JSON.stringify(entry));
  });
  writeFileSync(file, `${edited.join('\n')}\n`);
};

async function expectHealthy() {
  const list = await run(['list', '--json']);
  expect(list.stderr).toBe('');
  expect(list.code).toBe(0);
  const rows = JSON.parse(list.stdout) as { id: string }[];
  expect(rows.length).toBeGreaterThanOrEqual(70);
  expect(rows.every((r) => typeof r.id === 'string')).toBe(true);
  const show = await run(['show', 'rollback-recovery']);
  expect(show.stderr).toBe('');
  expect(show.code).toBe(0);
  expect(show.stdout).toMatch(/rollback/i);
  const plain = await run(['list']);
  expect(plain.code).toBe(0);
  expect(plain.stdout).toContain('rollback-recovery');
}

describe('damaged question caches', () => {
  beforeEach(async () => {
    expect((await run(['list'])).code).toBe(0);
    expect((await run(['show', 'rollback-recovery'])).code).toBe(0);
  });

  it('a listing cache with null rows is rebuilt, not trusted', async () => {
    const file = cacheFile('.list.json');
    const listing = JSON.parse(openSealed(readFileSync(file))!) as { listing: { rows: unknown[] } };
    listing.listing.rows = listing.listing.rows.map(() => null);
    writeFileSync(file, sealText(JSON.stringify(listing)));
    await expectHealthy();
  });

  it('a cached question with null key points is rebuilt, not trusted', async () => {
    editCachedQuestions((q) => (q.keyPoints = null));
    await expectHealthy();
    const show = await run(['show', 'rollback-recovery', '--json']);
    expect((JSON.parse(show.stdout) as { keyPoints: unknown[] }).keyPoints.length).toBeGreaterThan(0);
  });

  it('cached follow-ups, tags or an id index of the wrong shape are rebuilt, not trusted', async () => {
    editCachedQuestions((q) => {
      q.followUps = [null];
      q.tags = 'not-a-list';
    });
    writeFileSync(cacheFile('.ids.json'), sealText(JSON.stringify({ dirs: {}, ids: { 'rollback-recovery': [0, 'x', null] } })));
    await expectHealthy();
  });

  it('a cache that is not JSON at all is rebuilt', async () => {
    for (const suffix of ['.jsonl', '.list.json', '.ids.json']) writeFileSync(cacheFile(suffix), '\u0000{garbage');
    await expectHealthy();
  });
});

describe('a pack with one huge mapping', () => {
  it('validate reports 60,000 unknown fields, each at its line, without stalling', async () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: v`).join('\n');
    const file = join(home.dir, 'huge.yaml');
    writeFileSync(file, `id: huge\ncategory: common\nquestion: Q?\nanswer: A\n${keys}\n`);
    const r = await runCli(['validate', file], { env: home.env, timeoutMs: 120_000 });
    expect(r.timedOut).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('huge.yaml:5:1: unknown field "k0"');
    expect(r.stdout).toContain('huge.yaml:60004:1: unknown field "k59999"');
  });
});
