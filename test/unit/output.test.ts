import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutput } from '../../src/cli/output.js';

let dir: string;
let fd: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rmprep-output-'));
  const fifo = join(dir, 'pipe');
  execFileSync('mkfifo', [fifo]);
  // Read-write and non-blocking: a pipe whose writes fail with EAGAIN once its buffer is full.
  fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
});
afterEach(() => {
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
});

function drain(): string {
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n = 0;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch {
      break;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

describe('direct output', () => {
  it('hands what a full pipe cannot take to the stream, once, in order', () => {
    const streamed: string[] = [];
    const stream = { write: (chunk: Buffer | string) => streamed.push(chunk.toString()) > 0 } as unknown as NodeJS.WriteStream;
    const out = createOutput(fd as 1, () => stream);
    const first = `${'é'.repeat(30_000)}\n`;
    const second = `${'x'.repeat(100_000)}\n`;
    out.write(first);
    out.write(second);
    out.write('last\n');
    const direct = drain();
    expect(streamed.length).toBeGreaterThan(0);
    expect(direct.length).toBeGreaterThan(0);
    expect(direct + streamed.join('')).toBe(first + second + 'last\n');
  });

  it('writes small text straight through', () => {
    const out = createOutput(fd as 1, () => {
      throw new Error('no stream needed');
    });
    expect(out.write('hello ✓\n')).toBe(true);
    expect(drain()).toBe('hello ✓\n');
  });
});
