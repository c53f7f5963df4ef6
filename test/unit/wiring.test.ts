import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { createRng } from '../../src/core/random.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rmprep-wiring-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

/** Runs main() in process with captured streams and a scratch home. */
async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: Context = {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    stdin: new PassThrough(),
    env: { NO_COLOR: '1', XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') },
    cwd: home,
    home,
    packageRoot: resolve(import.meta.dirname, '..', '..'),
    version: '9.9.9',
    buildId: 'test',
    now: () => new Date('2026-05-01T12:00:00Z'),
    makeRng: (seed) => createRng(seed ?? 'fixed'),
  };
  const code = await main(argv, ctx);
  return { code, out, err };
}

describe('argv to commands', () => {
  it('passes flags through to the command', async () => {
    const r = await cli(['list', '--category', 'Behavioral', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { category: string }[];
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((q) => q.category))).toEqual(new Set(['behavioral']));
  });

  it('reads global options placed after the command', async () => {
    const r = await cli(['next', '--category', 'technical', '--json', '--history', join(home, 'h.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ category: 'technical', reason: 'new' });
  });

  it.each([
    [['drill', '--count', '0'], /--count must be a whole number from 1 to 500/],
    [['show'], /missing required argument 'id'/],
    [['coach', 'team-conflict', '--rating', 'great'], /argument 'great' is invalid/],
    [['nope'], /unknown command 'nope'/],
  ])('turns %j into one line on stderr and exit 2', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  it('prints the version and help with exit 0', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, out: '9.9.9\n', err: '' });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/list \[options\]\s+list the questions in the bank/);
    expect(help.out).toMatch(/completion <shell>/);
  });
});
