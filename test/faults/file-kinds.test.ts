import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/core/errors.js';
import { recordAttempt } from '../../src/core/history/store.js';
import { loadPlan } from '../../src/core/practice/plan-load.js';
import { BIN, makeHome, ROOT } from '../helpers/cli.js';
import { at, draft, scratch } from './helpers.js';

/**
 * Every path rmprep reads or writes, given every kind of file: it finishes in bounded time, prints no
 * stack trace, exits with a documented code, and never loses a rated answer. Device nodes are private
 * copies (mknod, as root) so that code which wrongly replaces them cannot harm the machine.
 */
const KINDS = ['regular', 'symlink', 'fifo', 'null-device', 'zero-device', 'folder', 'missing', 'unreadable'] as const;
type Kind = (typeof KINDS)[number];
const ROOT_USER = process.getuid?.() === 0;
const SPAWN_TIMEOUT = 20_000;
const ANSWER = 'We froze the release, rolled back in four minutes and wrote a postmortem the next day.';
const MARK = 'postmortem the next day';

interface Role {
  name: string;
  /** What a regular file holds for this role, and what a FIFO's writer sends. */
  content: () => string;
  /** Whether rmprep writes to the path (a FIFO then gets a reader instead of a writer). */
  writes: boolean;
  args: (path: string) => string[];
  /** Standard input for the run. */
  input?: string;
  /** Whether the run rates an answer, which must then be in the history or a rescue file. */
  records: boolean;
}

let historyText = '';
const ROLES: Role[] = [
  { name: '--answer-file', content: () => ANSWER, writes: false, records: true, args: (p) => ['coach', 'team-conflict', '--record', '--rating', 'good', '--answer-file', p] },
  { name: '--history (record)', content: () => historyText, writes: true, records: true, input: ANSWER, args: (p) => ['--history', p, 'coach', 'team-conflict', '--record', '--rating', 'good'] },
  { name: '--history (read)', content: () => historyText, writes: false, records: false, args: (p) => ['--history', p, 'stats', '--json'] },
  { name: '--questions', content: () => '---\nid: kinds-probe\ncategory: common\nquestion: Why?\n---\nBecause.\n', writes: false, records: false, args: (p) => ['--questions', p, 'list'] },
  { name: '--out', content: () => 'old', writes: true, records: false, args: (p) => ['export', '--format', 'json', '--category', 'common', '--out', p] },
  { name: '--import', content: () => historyText, writes: false, records: false, args: (p) => ['history', '--import', p] },
];

let root: ReturnType<typeof scratch>;
beforeAll(() => {
  root = scratch('rmprep-kinds-');
  const sample = join(root.dir, 'sample.json');
  recordAttempt(sample, draft(1, { questionId: 'team-conflict', category: 'behavioral' }), { now: at(1) });
  historyText = readFileSync(sample, 'utf8');
});
afterAll(() => root.cleanup());

/** Puts a file of `kind` at `path`; returns a peer process (a FIFO's writer or reader) to stop afterwards. */
function place(kind: Kind, path: string, role: Role, dir: string): ChildProcess | undefined {
  switch (kind) {
    case 'regular':
      writeFileSync(path, role.content());
      return undefined;
    case 'symlink':
      writeFileSync(join(dir, 'target'), role.content());
      symlinkSync(join(dir, 'target'), path);
      return undefined;
    case 'unreadable':
      writeFileSync(path, role.content());
      chmodSync(path, 0);
      return undefined;
    case 'folder':
      mkdirSync(path);
      return undefined;
    case 'missing':
      return undefined;
    case 'null-device':
    case 'zero-device':
      expect(spawnSync('mknod', ['-m', '666', path, 'c', '1', kind === 'null-device' ? '3' : '5']).status).toBe(0);
      return undefined;
    case 'fifo': {
      expect(spawnSync('mkfifo', [path]).status).toBe(0);
      // Without a peer a FIFO waits, as it would for `cat`; with one it must flow or be refused.
      const code = role.writes
        ? `require('fs').readFileSync(${JSON.stringify(path)})`
        : `require('fs').writeFileSync(${JSON.stringify(path)}, ${JSON.stringify(role.content())})`;
      return spawn(process.execPath, ['-e', `try { ${code} } catch {}`], { stdio: 'ignore' });
    }
  }
}

function run(args: string[], env: Record<string, string>, cwd: string, input = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], timeout: SPAWN_TIMEOUT, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
    child.stdin.end(input);
  });
}

/** Every file below `dir` (following no links) whose text holds `mark`. */
function filesHolding(dir: string, mark: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = lstatSync(full);
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && readFileSync(full, 'utf8').includes(mark)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

describe.skipIf(!ROOT_USER)('file kinds x paths (property)', () => {
  it('bounded time, no stack trace, a documented exit code, and no rated answer lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KINDS), fc.constantFrom(...ROLES), async (kind, role) => {
        const home = makeHome();
        const tmp = join(home.dir, 'tmp');
        mkdirSync(tmp);
        const path = join(home.dir, 'the-path');
        const peer = place(kind, path, role, home.dir);
        try {
          const r = await run(role.args(path), { PATH: process.env.PATH ?? '', TZ: 'UTC', ...home.env, TMPDIR: tmp }, home.dir, role.input);
          const what = `${role.name} given a ${kind}: exit ${r.code}, ${r.ms} ms, stderr ${JSON.stringify(r.stderr.slice(0, 300))}`;
          expect(r.code, what).not.toBeNull();
          expect([0, 1, 2], what).toContain(r.code);
          expect(r.stderr, what).not.toMatch(/internal error|\n\s+at |This is a bug/);
          expect(r.stderr.split('\n').length, what).toBeLessThanOrEqual(6);
          // A rated answer is saved, or kept in a rescue file the message names. (A run that never got the
          // answer, such as an unreadable answer file, rated nothing.)
          // The answer file itself holds the words too: it does not count as where the answer was saved.
          const source = role.name === '--answer-file' ? [path, join(home.dir, 'target')] : [];
          if (role.records && r.code === 0) expect(filesHolding(home.dir, MARK).filter((f) => !source.includes(f)), what).not.toEqual([]);
          const answerUnread = /answer file|the answer is empty|answer on standard input/.test(r.stderr);
          if (role.records && r.code !== 0 && !answerUnread) {
            expect(filesHolding(tmp, MARK), what).not.toEqual([]);
            expect(r.stderr, what).toMatch(/rmprep history --import /);
          }
        } finally {
          peer?.kill('SIGKILL');
          if (existsSync(path) && kind === 'unreadable') chmodSync(path, 0o600);
          home.cleanup();
        }
      }),
      { seed: 18, numRuns: 24, endOnFailure: true },
    );
  }, 600_000);
});

describe('--plan, given every kind of file', () => {
  it('loads a plan or refuses it with a user error, at once', () => {
    const dir = join(scratch('rmprep-plan-kinds-').dir);
    const plan = readFileSync(join(ROOT, 'plans', 'daily-round.yaml'), 'utf8');
    const role: Role = { name: '--plan', content: () => plan, writes: false, records: false, args: () => [] };
    for (const kind of KINDS) {
      if (kind.endsWith('device') && !ROOT_USER) continue;
      const sub = join(dir, kind);
      mkdirSync(sub);
      const path = join(sub, 'plan.yaml');
      const peer = kind === 'fifo' ? undefined : place(kind, path, role, sub);
      if (kind === 'fifo') expect(spawnSync('mkfifo', [path]).status).toBe(0);
      const started = Date.now();
      try {
        expect(loadPlan(path, { packageRoot: ROOT, cwd: sub }).items.length, kind).toBeGreaterThan(0);
        expect(['regular', 'symlink', 'unreadable'], kind).toContain(kind);
      } catch (err) {
        expect(isUserError(err), `${kind}: ${String(err)}`).toBe(true);
      }
      expect(Date.now() - started, kind).toBeLessThan(2000);
      peer?.kill();
    }
    expect(realpathSync(dir)).toBeTruthy();
  });
});
