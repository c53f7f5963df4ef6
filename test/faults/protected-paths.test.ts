import { linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findProtected, protectedPaths } from '../../src/core/protected-paths.js';
import { makeHome, runCli } from '../helpers/cli.js';

// No output of rmprep may overwrite the person's data, whatever path leads there.
let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const cli = (args: string[], env: Record<string, string> = {}, input?: string) =>
  runCli(args, { env: { ...home.env, ...env }, cwd: home.dir, timeoutMs: 20_000, ...(input !== undefined ? { input } : {}) });
const ANSWER = 'I paused the rollout, rolled back in four minutes and wrote the postmortem with the on-call engineer.';

async function recordOne(env: Record<string, string> = {}): Promise<void> {
  const list = await cli(['list', '--json'], env);
  const id = (JSON.parse(list.stdout) as { id: string }[])[0]!.id;
  const r = await cli(['coach', id, '--record', '--rating', 'good'], env, ANSWER);
  expect(r.code, r.stderr).toBe(0);
}

const REFUSED = /^rmprep: will not write .*: it is (in )?(the history|the drafts|the stories|rmprep's|the taught)[^\n]*; nothing was written \([^\n]*\)\n$/;

describe('the history and what lives beside it', () => {
  it('report --out the history is refused: exit 1, one line, the history untouched and no backup of a report', async () => {
    await recordOne();
    const before = readFileSync(home.history);
    const r = await cli(['report', '--format', 'markdown', '--out', home.history]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(REFUSED);
    expect(r.stderr).toMatch(/it is the history/);
    expect(readFileSync(home.history)).toEqual(before);
    expect(readdirSync(join(home.dir, 'data', 'rmprep')).filter((n) => n.endsWith('.bak'))).toEqual([]);
  });

  it.each([
    ['a symbolic link to it', (h: string) => (symlinkSync(h, join(home.dir, 'link.json')), 'link.json')],
    ['a hard link to it', (h: string) => (linkSync(h, join(home.dir, 'hard.json')), 'hard.json')],
    ['a path through ..', () => 'data/nothing/../rmprep/history.json'],
    ['its backup', () => 'data/rmprep/history.json.bak'],
    ['its summary cache', () => 'data/rmprep/.history.json.summary'],
    ['a torn-line file beside it', () => 'data/rmprep/history.json.torn-20260101T000000Z'],
    ['a symbolic link to its folder', () => (symlinkSync(join(home.dir, 'data', 'rmprep'), join(home.dir, 'dl')), 'dl/history.json')],
  ])('export --out through %s is refused', async (_name, make) => {
    await recordOne();
    const before = readFileSync(home.history);
    const r = await cli(['export', '--format', 'json', '--out', make(home.history)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(REFUSED);
    expect(readFileSync(home.history)).toEqual(before);
  });

  it('a history elsewhere (RMPREP_HISTORY) is protected, with its drafts folder', async () => {
    const own = join(home.dir, 'mine');
    mkdirSync(own);
    const history = join(own, 'h.json');
    await recordOne({ RMPREP_HISTORY: history });
    for (const out of [history, join(own, 'h.json.v1.bak'), join(own, 'drafts', 'x.txt')]) {
      const r = await cli(['export', '--format', 'markdown', '--out', out], { RMPREP_HISTORY: history });
      expect(r.code, out).toBe(1);
      expect(r.stderr).toMatch(REFUSED);
    }
    // A file of the person's own beside it is theirs to write.
    expect((await cli(['export', '--format', 'markdown', '--out', join(own, 'sheet.md')], { RMPREP_HISTORY: history })).code).toBe(0);
  });
});

describe('the rest of the data', () => {
  it.each([
    ['the stories folder', 'data/rmprep/stories/flaky-build.md'],
    ['the taught phrasings', 'data/rmprep/phrasings.yaml'],
    ['the config file', 'config/rmprep/config.yaml'],
    ['the cache folder', 'cache/rmprep/anything.json'],
    ['the data folder itself', 'data/rmprep/notes.txt'],
  ])('tailor and export refuse %s', async (_name, out) => {
    const posting = join(home.dir, 'posting.txt');
    writeFileSync(posting, 'Release manager: own the release train, rollbacks, change approval and incident reviews.\n');
    for (const args of [
      ['export', '--format', 'anki', '--out', out],
      ['tailor', posting, '--out', out],
    ]) {
      const r = await cli(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toMatch(REFUSED);
    }
  });

  it("writing over one's own question pack stays allowed, also in the data folder's questions/", async () => {
    expect((await cli(['export', '--format', 'json', '--out', 'mypack.json'])).code).toBe(0);
    expect((await cli(['export', '--format', 'json', '--out', 'mypack.json'])).code).toBe(0);
    mkdirSync(join(home.dir, 'data', 'rmprep', 'questions'), { recursive: true });
    const r = await cli(['export', '--format', 'json', '--out', 'data/rmprep/questions/pack.json']);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('findProtected', () => {
  const places = protectedPaths({ historyFile: '/h/data/rmprep/history.json', dataDir: '/h/data/rmprep', cacheDir: '/h/cache/rmprep', configDir: '/h/config/rmprep', storiesDir: '/s' });
  it.each([
    ['/h/data/rmprep/history.json', 'the history (or one of its backups, caches or locks)'],
    ['/h/data/rmprep/history.json.lock', 'the history (or one of its backups, caches or locks)'],
    ['/h/data/rmprep/drafts/a.txt', 'the drafts folder of unsaved answers'],
    ['/s/x.md', 'the stories folder'],
    ['/h/config/rmprep/config.yaml', "rmprep's config file"],
    ['/h/data/rmprep', "rmprep's data folder"],
    ['/h/data/rmprep/questions/q.md', undefined],
    ['/h/data/rmprep-other.json', undefined],
    ['/h/history.json', undefined],
  ])('%s -> %s', (target, what) => {
    expect(findProtected(target, places)?.what).toBe(what);
  });
});
