import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/core/practice/plan-load.js';
import { makeHome, ROOT, runCli } from '../helpers/cli.js';

// Every read stops at its cap by the bytes it read: stat says 0 bytes for devices and FIFOs.
let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
});
afterEach(() => home.cleanup());

const run = (args: string[]) => runCli(args, { env: home.env, timeoutMs: 20_000 });
const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);
/** A separate process writes `bytes` bytes of answer text into the FIFO. */
const feed = (path: string, bytes: number) =>
  spawn(process.execPath, ['-e', `try { require('fs').writeFileSync(${JSON.stringify(path)}, 'We rolled back. '.repeat(${Math.ceil(bytes / 16)})) } catch {}`], {
    stdio: 'ignore',
  });

describe('answers', () => {
  it('coach --answer-file /dev/zero stops at 1 MB with a usage error', async () => {
    const r = await run(['coach', 'team-conflict', '--answer-file', '/dev/zero']);
    expect(r.timedOut).toBeUndefined();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rmprep: the answer file /dev/zero is larger than 1 MB\n');
  });

  it('a FIFO is read as a stream: 5 MB is refused, a short answer is coached', async () => {
    const big = join(home.dir, 'big');
    mkfifo(big);
    const writer = feed(big, 5_000_000);
    const r = await run(['coach', 'team-conflict', '--answer-file', big]);
    writer.kill();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/larger than 1 MB/);

    const small = join(home.dir, 'small');
    mkfifo(small);
    feed(small, 200);
    const ok = await run(['coach', 'team-conflict', '--answer-file', small, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).score).toEqual(expect.any(Number));
  });
});

describe('files that must be regular', () => {
  it('a plan that is a FIFO or a device is refused at once, as no file (exit 1, like a folder)', () => {
    const fifo = join(home.dir, 'plan.yaml');
    mkfifo(fifo);
    const started = Date.now();
    for (const plan of [fifo, '/dev/zero']) {
      expect(() => loadPlan(plan, { packageRoot: ROOT, cwd: home.dir })).toThrow(expect.objectContaining({ kind: 'missing', message: `${plan} is not a file` }));
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('history --import of /dev/zero stops at its cap', async () => {
    const r = await run(['history', '--import', '/dev/zero']);
    expect(r.timedOut).toBeUndefined();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^rmprep: cannot read \/dev\/zero: it is larger than 256 MB/);
  });

  it('a FIFO where the history lock goes is not waited on: the attempt is saved', async () => {
    mkdirSync(join(home.history, '..'), { recursive: true });
    mkfifo(`${home.history}.lock`);
    const r = await runCli(['coach', 'team-conflict', '--record', '--rating', 'good'], { env: { ...home.env, TMPDIR: home.dir }, input: 'We rolled back in four minutes.', timeoutMs: 40_000 });
    expect(r.timedOut).toBeUndefined();
    expect(r.code).toBe(0);
    expect(readFileSync(home.history, 'utf8')).toMatch(/rolled back in four minutes/);
  });

  it('cache files replaced by FIFOs are passed over, not waited on', async () => {
    expect((await run(['list'])).code).toBe(0);
    const cacheDir = join(home.dir, 'cache', 'rmprep');
    const names = readdirSync(cacheDir);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      rmSync(join(cacheDir, name));
      mkfifo(join(cacheDir, name));
    }
    for (const args of [['list'], ['show', 'team-conflict']]) {
      const r = await run(args);
      expect(r.timedOut).toBeUndefined();
      expect(r.code).toBe(0);
    }
  });

  it('a question file that is a FIFO given to --questions is reported, not waited on', async () => {
    const fifo = join(home.dir, 'pack.yaml');
    mkfifo(fifo);
    writeFileSync(join(home.dir, 'note.txt'), '');
    const r = await run(['validate', '--questions', fifo]);
    expect(r.timedOut).toBeUndefined();
    expect(r.code).toBe(1);
  });
});
