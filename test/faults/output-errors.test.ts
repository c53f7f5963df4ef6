import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAttempt } from '../../src/core/history/store.js';
import { BIN, makeHome } from '../helpers/cli.js';
import { at, draft } from './helpers.js';

// Output that cannot be written (here /dev/full: ENOSPC) is one line and exit 1, never "internal error".
let home: ReturnType<typeof makeHome>;
beforeAll(() => {
  home = makeHome();
  for (let i = 0; i < 3; i++) recordAttempt(home.history, draft(i), { now: at(i) });
});
afterAll(() => home.cleanup());

/** Runs the CLI with standard output, or standard error, going to /dev/full. */
function runInto(args: string[], which: 'stdout' | 'stderr') {
  const full = openSync('/dev/full', 'w');
  try {
    const stdio = which === 'stdout' ? ['ignore', full, 'pipe'] : ['ignore', 'pipe', full];
    return spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...home.env }, stdio: stdio as never, encoding: 'utf8', timeout: 20_000 });
  } finally {
    closeSync(full);
  }
}

describe('standard output on a full disk', () => {
  it.each([[['list']], [['--version']], [['--help']], [['stats', '--json']], [['history']], [['export', '--format', 'json']], [['show', 'team-conflict']], [['stats', '--help']]])(
    '%j: one line, exit 1',
    (args) => {
      const r = runInto(args, 'stdout');
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('rmprep: cannot write to standard output: no space left on the device (ENOSPC)\n');
    },
  );
});

describe('standard error on a full disk', () => {
  it('an error that cannot be printed still exits with its code, without a crash', () => {
    const r = runInto(['show', 'no-such-question'], 'stderr');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('a warning that cannot be printed fails the command', () => {
    const r = runInto(['history', '--id', 'never-practised'], 'stderr');
    expect(r.status).toBe(1);
  });
});
