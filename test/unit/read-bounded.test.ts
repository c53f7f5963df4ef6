import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundedReadError, describeReadError, readBounded, readFileBoundedSync } from '../../src/core/fs/read-bounded.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fifo = (name = 'fifo') => {
  const path = join(dir, name);
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
};
/** A separate process writes `bytes` bytes into the FIFO, so this one can read while it writes. */
const feed = (path: string, bytes: number) =>
  spawn(process.execPath, ['-e', `try { require('fs').writeFileSync(${JSON.stringify(path)}, Buffer.alloc(${bytes}, 97)) } catch {}`], { stdio: 'ignore' });
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'no error';
};
const asyncCodeOf = async (p: Promise<unknown>) => p.then(() => 'no error', (err: { code?: string }) => err.code);

describe('readFileBoundedSync', () => {
  it('reads a regular file up to the cap and refuses one byte more', () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'x'.repeat(100));
    expect(readFileBoundedSync(file, 100).toString()).toBe('x'.repeat(100));
    expect(codeOf(() => readFileBoundedSync(file, 99))).toBe('EFBIG');
  });

  it('reads files whose stat size is 0 (/proc) by what they hold', () => {
    expect(readFileBoundedSync('/proc/self/status', 1_000_000).toString()).toMatch(/^Name:/);
  });

  it('refuses a FIFO without waiting for a writer, a device without reading from it, and a folder', () => {
    const started = Date.now();
    expect(codeOf(() => readFileBoundedSync(fifo(), 10))).toBe('ENOTREG');
    expect(codeOf(() => readFileBoundedSync('/dev/zero', 10))).toBe('ENOTREG');
    mkdirSync(join(dir, 'sub'));
    expect(codeOf(() => readFileBoundedSync(join(dir, 'sub'), 10))).toBe('EISDIR');
    expect(codeOf(() => readFileBoundedSync(join(dir, 'none'), 10))).toBe('ENOENT');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('readBounded', () => {
  it('reads a FIFO as a stream while it fits, and stops at the cap when it does not', async () => {
    const small = fifo('small');
    feed(small, 500);
    expect((await readBounded(small, 1000)).length).toBe(500);
    const big = fifo('big');
    feed(big, 5_000_000);
    expect(await asyncCodeOf(readBounded(big, 1_000_000))).toBe('EFBIG');
  });

  it('stops reading an endless device at the cap', async () => {
    expect(await asyncCodeOf(readBounded('/dev/zero', 1_000_000))).toBe('EFBIG');
    expect((await readBounded('/dev/null', 10)).length).toBe(0);
  });

  it('still refuses folders, and reads regular files like the sync form', async () => {
    expect(await asyncCodeOf(readBounded(dir, 10))).toBe('EISDIR');
    writeFileSync(join(dir, 'b'), 'hello');
    expect((await readBounded(join(dir, 'b'), 5)).toString()).toBe('hello');
  });
});

describe('describeReadError', () => {
  it('says what was found in words', () => {
    expect(describeReadError(new BoundedReadError('EFBIG', 'file', 1_000_000))).toBe('it is larger than 1 MB');
    expect(describeReadError(new BoundedReadError('ENOTREG', 'FIFO', 10))).toBe('it is a FIFO, not a regular file');
    expect(describeReadError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('no such file');
  });
});
