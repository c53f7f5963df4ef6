import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';
import { PtySession, SKIP_PTY } from '../helpers/pty.js';

let home: ReturnType<typeof makeHome>;
let answer: string;
beforeEach(async () => {
  home = makeHome();
  answer = join(home.dir, 'answer.txt');
  writeFileSync(answer, 'I would roll back first, then look at the error budget.\n');
  const first = await runCli(['coach', 'release-process', '--record', '--rating', 'good', '-f', answer], { env: home.env });
  expect(first.code).toBe(0);
  appendFileSync(home.history, '{"type":"attempt","id":"broken",\n');
});
afterEach(() => home.cleanup());

describe('coach --record meeting a damaged history', () => {
  it('without a terminal: one whole line naming file:line:col, what to do, and where the attempt is', async () => {
    const r = await runCli(['coach', 'release-process', '--record', '--rating', 'good', '-f', answer], { env: home.env });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).not.toContain('…');
    expect(r.stderr).toContain(`${home.history}:4:33: invalid JSON`);
    expect(r.stderr).toContain('run: rmprep history --repair');
    const rescued = /rmprep history --import (\S+)\)\n$/.exec(r.stderr)?.[1];
    expect(rescued && existsSync(rescued)).toBe(true);
  });

  it.skipIf(SKIP_PTY)('on a terminal: lines of at most 80 columns, broken between words, each path whole', async () => {
    const s = new PtySession(['coach', 'release-process', '--record', '--rating', 'good', '-f', answer], home.env, { cols: 200, rows: 40 });
    expect(await s.exited()).toBe(1);
    const lines = s.text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const start = lines.findIndex((l) => l.startsWith('rmprep: '));
    const error = lines.slice(start);
    expect(error.length).toBeGreaterThan(1);
    for (const line of error) expect(line.length <= 80 || !line.includes(' '), line).toBe(true);
    const text = error.join(' ');
    expect(text).toContain(`${home.history}:4:33: invalid JSON`);
    expect(text).not.toContain('…');
    const rescued = /rmprep history --import (\S+)\)$/.exec(text)?.[1];
    expect(rescued && existsSync(rescued)).toBe(true);
  });
});
