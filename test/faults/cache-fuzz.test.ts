import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSealed, openSealedLines } from '../../src/core/cache-seal.js';
import { makeHome, runCli, type CliResult } from '../helpers/cli.js';

/*
 * Every kind of cache rmprep keeps, damaged every way a disk or a crash damages a file, then read by the
 * commands that read it: each must print exactly what it prints with a good cache, exit as it does, and
 * leave a good cache behind. V8's code cache is the one a damaged copy of which used to crash Node.
 */

let home: ReturnType<typeof makeHome>;
const cacheDir = () => join(home.dir, 'cache', 'rmprep');
const dataDir = () => join(home.dir, 'data', 'rmprep');
const run = (args: string[], input?: string) => runCli(args, { env: home.env, timeoutMs: 30_000, ...(input === undefined ? {} : { input }) });

const COMMANDS = {
  list: ['list'],
  show: ['show', 'release-process'],
  next: ['next', '--seed', 'fuzz'],
  stats: ['stats'],
  // Without a terminal the drill stops with its usual message (exit 2), after reading the plan's cache.
  plan: ['drill', '--plan', 'daily-round'],
} as const;
type Command = keyof typeof COMMANDS;

const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

/** Each cache kind: its files, and the commands that read it. */
const KINDS: { kind: string; files: () => string[]; readers: Command[]; good: (bytes: Buffer) => boolean }[] = [
  { kind: 'V8 code cache', files: () => inCache(/^code-.*-(list|show|next|stats)\.v8$/), readers: ['list', 'show', 'next', 'stats'], good: goodCodeCache },
  { kind: 'bank cache (parsed files)', files: () => inCache(/^bank-.*\.jsonl$/), readers: ['show', 'next'], good: (b) => openSealedLines(b) !== undefined },
  { kind: 'bank listing', files: () => inCache(/^bank-.*\.list\.json$/), readers: ['list', 'next'], good: sealed },
  { kind: 'bank id index', files: () => inCache(/^bank-.*\.ids\.json$/), readers: ['show'], good: sealed },
  { kind: 'history summary cache', files: () => [join(dataDir(), '.history.json.summary')], readers: ['next', 'stats', 'list'], good: sealed },
  { kind: 'practice digest', files: () => [join(dataDir(), '.history.json.practice')], readers: ['list'], good: sealed },
  { kind: 'plan cache', files: () => inCache(/^plan-.*\.json$/), readers: ['plan'], good: sealed },
  // Node 22 and later keep their own compile cache, in rmprep's cache folder.
  ...(NODE_MAJOR >= 22 ? [{ kind: 'Node compile cache', files: () => compileCacheFiles(), readers: ['list', 'show'] as Command[], good: () => true }] : []),
];

function inCache(pattern: RegExp): string[] {
  return readdirSync(cacheDir())
    .filter((n) => pattern.test(n))
    .map((n) => join(cacheDir(), n));
}

function compileCacheFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) (e.isDirectory() ? walk(join(dir, e.name)) : out.push(join(dir, e.name)));
  };
  walk(join(cacheDir(), 'compile'));
  return out;
}

function sealed(bytes: Buffer): boolean {
  return openSealed(bytes) !== undefined;
}

function goodCodeCache(bytes: Buffer): boolean {
  const header = /^rmprep-code-cache 2 v[\d.]+ code-\S+ (\d+) *\n$/.exec(bytes.toString('latin1', 0, 128));
  const n = Number(header?.[1]);
  return header !== null && bytes.length === 128 + 2 * n && bytes.subarray(128, 128 + n).equals(bytes.subarray(128 + n));
}

/** A small seeded generator: the same damage on every run. */
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

const DAMAGE: Record<string, (bytes: Buffer, random: () => number) => Buffer> = {
  'bytes flipped': (bytes, random) => {
    const out = Buffer.from(bytes);
    for (let i = 0; i < 8; i++) {
      const at = Math.floor(random() * out.length);
      out[at] = (out[at] ?? 0) ^ (1 + Math.floor(random() * 255));
    }
    return out;
  },
  truncated: (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)),
  zeroed: (bytes) => Buffer.alloc(bytes.length),
  // What a power loss leaves: the size right, the last blocks never written.
  'tail zeroed': (bytes) => {
    const out = Buffer.from(bytes);
    out.fill(0, Math.max(Math.floor(out.length / 2), out.length - 4096));
    return out;
  },
};

const baseline = new Map<Command, CliResult>();
const snapshot = new Map<string, Buffer>();

beforeAll(async () => {
  home = makeHome();
  const recorded = await run(['coach', 'release-process', '--record', '--rating', 'good'], 'We cut a release branch, freeze it and tag it.');
  expect(recorded.code, recorded.stderr).toBe(0);
  // Twice: the first runs write the caches, the second ones read them.
  for (let pass = 0; pass < 2; pass++) for (const command of Object.keys(COMMANDS) as Command[]) baseline.set(command, await run([...COMMANDS[command]]));
  for (const { kind, files, good } of KINDS) {
    const found = files();
    expect(found.length, kind).toBeGreaterThan(0);
    for (const file of found) {
      const bytes = readFileSync(file);
      expect(good(bytes), file).toBe(true);
      snapshot.set(file, bytes);
    }
  }
}, 240_000);
afterAll(() => home.cleanup());

describe('a damaged cache is discarded and rebuilt, never trusted and never a crash', () => {
  const cases = KINDS.flatMap((k) => Object.keys(DAMAGE).map((damage) => [k.kind, damage] as const));

  it.each(cases)('%s, %s', async (kindName, damage) => {
    const kind = KINDS.find((k) => k.kind === kindName)!;
    const random = rng(cases.findIndex(([k, d]) => k === kindName && d === damage) + 1);
    const damaged = new Map<string, Buffer>();
    for (const [file, bytes] of snapshot) {
      if (!kind.files().includes(file)) continue;
      const bad = DAMAGE[damage]!(bytes, random);
      writeFileSync(file, bad);
      damaged.set(file, bad);
    }
    expect(damaged.size).toBeGreaterThan(0);
    for (const command of kind.readers) {
      const r = await run([...COMMANDS[command]]);
      const want = baseline.get(command)!;
      expect({ command, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ command, code: want.code, stdout: want.stdout, stderr: want.stderr });
    }
    // Rebuilt: what is there now is a good cache again, not the damaged bytes.
    for (const file of damaged.keys()) {
      if (!existsSync(file)) continue;
      const now = readFileSync(file);
      expect(now.equals(damaged.get(file)!), file).toBe(false);
      expect(kind.good(now), file).toBe(true);
    }
  });
});

describe('the code cache folder', () => {
  it('is made 0700 by the first run of a command that touches no other cache, and holds a whole cache', async () => {
    const fresh = makeHome();
    try {
      const r = await runCli(['--help'], { env: fresh.env, timeoutMs: 30_000 });
      expect(r.code).toBe(0);
      const dir = join(fresh.dir, 'cache', 'rmprep');
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      const where = NODE_MAJOR >= 22 ? join(dir, 'compile') : dir;
      expect(statSync(where).mode & 0o777).toBe(0o700);
      if (NODE_MAJOR < 22) {
        const [file, ...rest] = readdirSync(dir).filter((n) => n.endsWith('.v8'));
        expect(rest).toEqual([]);
        expect(statSync(join(dir, file!)).mode & 0o777).toBe(0o600);
        expect(goodCodeCache(readFileSync(join(dir, file!)))).toBe(true);
      }
    } finally {
      fresh.cleanup();
    }
  });
});
