import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Context } from '../../src/cli/context.js';
import { createRng } from '../../src/core/random.js';

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs `entry` (main, or one of its parts) in process with captured output, a scratch home, no color,
 * a fixed clock and seeded randomness.
 */
export async function runInProcess(entry: (argv: string[], ctx: Context) => Promise<number>, argv: string[], home: string): Promise<Captured> {
  let out = '';
  let err = '';
  const ctx: Context = {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s), isTTY: false },
    stdin: new PassThrough(),
    env: { NO_COLOR: '1', XDG_DATA_HOME: resolve(home, 'data'), XDG_CACHE_HOME: resolve(home, 'cache') },
    cwd: home,
    home,
    packageRoot: resolve(import.meta.dirname, '..', '..'),
    version: '9.9.9',
    buildId: 'test',
    now: () => new Date('2026-05-01T12:00:00Z'),
    makeRng: (seed) => createRng(seed ?? 'fixed'),
  };
  const code = await entry(argv, ctx);
  return { code, out, err };
}
