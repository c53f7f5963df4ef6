import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/main.js';
import { BIN, makeHome, ROOT, type CliResult } from '../helpers/cli.js';
import { PtySession } from '../helpers/pty.js';
import { draft, HEADER } from './helpers.js';

// Errors of the outside world (permissions, a missing editor, any errno) are one line with the documented exit code.
let home: ReturnType<typeof makeHome>;
beforeEach(() => {
  home = makeHome();
  chmodSync(home.dir, 0o755);
});
afterEach(() => home.cleanup());

const root = process.getuid?.() === 0;
const NOBODY = 65534;
// As root the runner is 'nobody', who cannot read a checkout inside a private folder (a fresh clone in a
// 0700 temp folder): there the cases that need another user are skipped, as in data-folders.test.ts.
const canRunAsOther = !root || spawnSync(process.execPath, ['-e', 'require("fs").accessSync(process.argv[1], 4)', BIN], { uid: NOBODY, gid: NOBODY, timeout: 10_000 }).status === 0;

/** Runs the CLI as someone who is not the history's owner: nobody when the tests run as root, else ourselves. */
function runAs(args: string[], input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TZ: 'UTC', ...home.env, TMPDIR: join(home.dir, 'tmp') },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(root ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A history with one attempt (and, if asked, a bad line), in folders the runner may use, with `mode`. */
function makeHistory(mode: number, { damaged = false, folderMode = 0o777 } = {}): void {
  const data = join(home.dir, 'data', 'rmprep');
  mkdirSync(data, { recursive: true });
  mkdirSync(join(home.dir, 'cache'), { recursive: true });
  mkdirSync(join(home.dir, 'tmp'), { recursive: true });
  const attempt = JSON.stringify({ type: 'attempt', id: 'a1', ...draft(1, { questionId: 'team-conflict' }) });
  writeFileSync(home.history, `${HEADER}\n${attempt}\n${damaged ? '{"broken": \n' : ''}`);
  for (const dir of [join(home.dir, 'data'), join(home.dir, 'cache'), join(home.dir, 'tmp')]) chmodSync(dir, 0o777);
  chmodSync(data, folderMode);
  if (!root) return chmodSync(home.history, mode);
  // Owned by someone else, so that mode bits bind the runner (nobody).
  chownSync(home.history, 0, 0);
  chmodSync(home.history, mode);
}

const ONE_LINE = /^rmprep: [^\n]*\n$/;

describe.skipIf(!canRunAsOther)('a history that cannot be read', () => {
  it.each([
    ['stats', 1, ['stats']],
    ['next', 1, ['next']],
    ['history --repair', 1, ['history', '--repair']],
    ['history', 1, ['history']],
    ['report', 1, ['report']],
    ['drill without a terminal', 2, ['drill']],
    ['drill without a terminal and a mistyped id', 2, ['drill', '--id', 'nope']],
  ])('%s: one line, exit %i', async (_name, code, args) => {
    makeHistory(0o000);
    const r = await runAs(args);
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).not.toMatch(/internal error|at .*\.js/);
    if (args[0] !== 'drill' || args.length === 1) expect(r.stderr).toMatch(/permission denied \((EACCES|EPERM)\)/);
    expect(r.code).toBe(code);
  });
});

describe.skipIf(!canRunAsOther)('a history that cannot be written', () => {
  it('coach --record: one line naming the rescue file, exit 1, the history unchanged', async () => {
    makeHistory(0o444);
    const before = readFileSync(home.history);
    const r = await runAs(['coach', 'team-conflict', '--record', '--rating', 'good'], 'I rolled back in four minutes.');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).toMatch(/permission denied \((EACCES|EPERM)\).*the attempt is kept in /);
    expect(readFileSync(home.history)).toEqual(before);
  });

  it('history --repair in a folder it may not write: one line, exit 1', async () => {
    makeHistory(0o666, { damaged: true, folderMode: 0o555 });
    const r = await runAs(['history', '--repair']);
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).toMatch(/permission denied \((EACCES|EPERM)\)/);
    expect(r.code).toBe(1);
  });
});

describe('any errno that reaches the top', () => {
  it.each([
    [{ code: 'EIO', syscall: 'read', path: '/h/history.json' }, 'rmprep: cannot read /h/history.json: an input/output error (EIO)\n'],
    [{ code: 'EROFS', syscall: 'open', path: '/h/history.json' }, 'rmprep: cannot open /h/history.json: the file system is read-only (EROFS)\n'],
    [{ code: 'EPERM', syscall: 'rename', path: '/h/a' }, 'rmprep: cannot rename /h/a: permission denied (EPERM)\n'],
    [{ code: 'ENOSPC', syscall: 'write' }, 'rmprep: cannot write: the disk is full (ENOSPC)\n'],
    [{ code: 'EWEIRD', syscall: 'ioctl', path: '/dev/x\u001b[2J' }, 'rmprep: cannot ioctl /dev/x: EWEIRD\n'],
  ])('%o is one line, exit 1', (fields, line) => {
    let text = '';
    const code = reportError(Object.assign(new Error('raw'), fields), { stderr: { write: (t: string) => (text += t) } });
    expect(text).toBe(line);
    expect(code).toBe(1);
  });

  it('an error without an errno is still reported as a bug, with its stack', () => {
    let text = '';
    expect(reportError(new TypeError('x is undefined'), { stderr: { write: (t: string) => (text += t) } })).toBe(1);
    expect(text).toMatch(/internal error: x is undefined\n[\s\S]*This is a bug/);
  });
});

describe('an editor that is not installed', () => {
  it('is one message, exit 1, and leaves no temp file', async () => {
    const tmp = join(home.dir, 'tmp');
    mkdirSync(tmp);
    const s = new PtySession(['drill', '--id', 'team-conflict', '--answer-mode', 'editor'], { ...home.env, EDITOR: 'no-such-editor-xyz --wait', VISUAL: '', TMPDIR: tmp });
    // Checked before the editor prompt shows, so no temp file is ever made.
    const code = await s.exited();
    expect(code).toBe(1);
    // On a terminal the message is laid out at 80 columns, broken between words.
    expect(s.text.replace(/\r?\n/g, ' ')).toMatch(/rmprep: cannot open an editor: \$EDITOR names "no-such-editor-xyz", which is not an installed program/);
    expect(s.text).not.toMatch(/ENOENT|at .*\.js:\d+/);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('the temp file of an editor that is there is 0600 and removed afterwards', async () => {
    const tmp = join(home.dir, 'tmp');
    mkdirSync(tmp);
    const editor = join(home.dir, 'editor.sh');
    const seen = join(home.dir, 'mode.txt');
    writeFileSync(editor, `#!/bin/sh\nstat -c %a "$1" > ${JSON.stringify(seen)}\nprintf 'Rolled back in four minutes.\\n' >> "$1"\n`);
    chmodSync(editor, 0o755);
    const s = new PtySession(['drill', '--id', 'team-conflict', '--answer-mode', 'editor'], { ...home.env, EDITOR: editor, VISUAL: '', TMPDIR: tmp });
    await s.waitFor('Write your answer in your editor');
    s.type('\r');
    await s.waitFor('Answer written in your editor');
    s.pty.kill('SIGKILL');
    await s.exited();
    expect(readFileSync(seen, 'utf8').trim()).toBe('600');
    expect(readdirSync(tmp)).toEqual([]);
  });
});
