import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { IN_CI } from './ci.js';
import { BIN, ROOT } from './cli.js';

/**
 * The CLI in a real pseudo-terminal, made by util-linux `script` (present on every Linux), so the tests
 * need no native module and nothing compiled at install. How it is wired:
 *
 *   test  --stdin pipe-->  script -qfec '<cmd>' /dev/null  --pty master-->  sh: stty; exec node bin/rmprep.js
 *         <--stdout pipe--                                   <--pty slave--
 *
 * The shell script sets the window size, prints its own pid and terminal name inside an OSC sequence
 * (removed from `text`), then `exec`s node: so that pid is rmprep's, and rmprep is the session leader
 * whose controlling terminal is the pty, as in a real terminal.
 *
 * - `type(keys)` / `pty.write(keys)`: bytes as the keyboard sends them (see KEY); Ctrl-C is a byte, turned
 *   into SIGINT by the terminal only when rmprep is not in raw mode, as in a real terminal.
 * - `pid` / `pty.pid`: rmprep's own process id, known once its start has been seen (any `waitFor` of
 *   rmprep's output guarantees that; `started()` waits for it).
 * - `kill(signal)` / `pty.kill(signal)`: sends a signal to rmprep itself (default SIGHUP, as node-pty did),
 *   e.g. SIGTERM, SIGINT, SIGQUIT. The terminal stays open.
 * - `hangUp()`: closes the terminal, as closing a terminal window does: `script` is killed, so the pty
 *   master closes and the kernel sends SIGHUP to rmprep. `exited()` then resolves to null once rmprep has
 *   gone (its exit status went to `script`, which is no more).
 * - `exited()`: rmprep's exit status, 128 + N when signal N ended it (script -e's convention).
 *
 * Tests guard with `describe.skipIf(SKIP_PTY)`: without util-linux `script` they skip, except under CI,
 * where they fail with a message that says what is missing.
 */
export class PtySession {
  private screen = '';
  private problems = '';
  private exit: Promise<number | null>;
  private hungUp = false;
  private child: ChildProcessWithoutNullStreams;
  private typedAt = 0;
  private started_: { pid: number; tty: string } | undefined;

  /** node-pty's shape, which the tests were written against. */
  readonly pty = ((session: PtySession) => ({
    write: (data: string): void => void session.child.stdin.write(data),
    kill: (signal: NodeJS.Signals = 'SIGHUP'): void => session.kill(signal),
    get pid(): number {
      return session.pid;
    },
  }))(this);

  constructor(args: string[], env: Record<string, string>, size = { cols: 100, rows: 40 }) {
    if (!SCRIPT_FOUND) throw new Error(MISSING_SCRIPT);
    const command = [
      env.SHELL === undefined ? 'unset SHELL' : `SHELL=${quote(env.SHELL)}; export SHELL`,
      `stty cols ${size.cols} rows ${size.rows}`,
      `printf '\\033]rmprep-pty;%s;%s\\007' "$$" "$(tty)"`,
      `exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`,
    ].join('; ');
    // script runs the command with $SHELL -c: a POSIX shell, whatever the test sets for rmprep.
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', TZ: 'UTC', ...env, SHELL: '/bin/sh' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (d: Buffer) => {
      this.screen += d.toString();
      if (!this.started_) {
        const m = /\u001b\]rmprep-pty;(\d+);([^\u0007]*)\u0007/.exec(this.screen);
        if (m) this.started_ = { pid: Number(m[1]), tty: m[2]! };
      }
    });
    this.child.stderr.on('data', (d: Buffer) => (this.problems += d.toString()));
    // Keys typed after rmprep has gone would otherwise fail the test with EPIPE.
    this.child.stdin.on('error', () => undefined);
    this.exit = new Promise((resolve) => {
      this.child.on('error', (err) => {
        this.problems += `cannot run script: ${err.message}\n`;
        resolve(null);
      });
      this.child.on('close', (code) => {
        if (this.hungUp && this.started_) void waitUntilGone(this.started_.pid).then(() => resolve(null));
        else resolve(this.hungUp ? null : code);
      });
    });
  }

  /** Everything printed so far, escape sequences included (cursor moves, erasing). */
  get raw(): string {
    return this.screen;
  }

  /** Everything printed so far, with escape sequences removed. */
  get text(): string {
    // eslint-disable-next-line no-control-regex
    return this.screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001b\][^\u0007]*\u0007/g, '');
  }

  /** rmprep's process id; throws before rmprep has started (see `started()`). */
  get pid(): number {
    if (!this.started_) throw new Error(`rmprep has not started in the terminal yet${this.describeProblems()}`);
    return this.started_.pid;
  }

  /** Waits until rmprep runs in the terminal; gives its pid and the terminal's device name. */
  async started(timeoutMs = 15_000): Promise<{ pid: number; tty: string }> {
    await this.until(() => this.started_ !== undefined, 'rmprep to start', timeoutMs);
    return this.started_!;
  }

  async waitFor(pattern: RegExp | string, timeoutMs = 15_000): Promise<void> {
    const found = () => (typeof pattern === 'string' ? this.text.includes(pattern) : pattern.test(this.text));
    await this.until(found, String(pattern), timeoutMs);
  }

  /** Waits until `pattern` has appeared `n` times in total. */
  async waitForCount(pattern: RegExp, n: number, timeoutMs = 15_000): Promise<void> {
    await this.until(() => (this.text.match(new RegExp(pattern.source, 'g')) ?? []).length >= n, `${n}x ${String(pattern)}`, timeoutMs);
  }

  /** Waits until the text printed since the last key typed matches `pattern`. */
  async waitForPrompt(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    const from = this.typedAt;
    await this.until(() => pattern.test(this.text.slice(from)), String(pattern), timeoutMs);
  }

  /** Presses Space at each "more" prompt of a paged screen until `pattern` shows. */
  async pageUntil(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    const either = new RegExp(`${pattern.source}|Space or Enter: more`);
    for (;;) {
      await this.waitForPrompt(either, timeoutMs);
      if (pattern.test(this.text.slice(this.typedAt))) return;
      this.type(' ');
    }
  }

  type(keys: string): void {
    this.typedAt = this.text.length;
    this.child.stdin.write(keys);
  }

  async typeSlowly(keys: string): Promise<void> {
    for (const k of keys) {
      this.child.stdin.write(k);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  /** Sends `signal` to rmprep itself; the terminal stays open. */
  kill(signal: NodeJS.Signals = 'SIGHUP'): void {
    process.kill(this.pid, signal);
  }

  /** Closes the terminal: the kernel hangs up rmprep's pty (SIGHUP), as when a terminal window is closed. */
  hangUp(): void {
    this.hungUp = true;
    this.child.kill('SIGKILL');
  }

  exited(): Promise<number | null> {
    return this.exit;
  }

  private async until(done: () => boolean, what: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${this.describeProblems()}; screen:\n${this.text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private describeProblems(): string {
    return this.problems ? ` (script said: ${this.problems.trim()})` : '';
  }
}

const MISSING_SCRIPT =
  'the terminal tests need `script` from util-linux on PATH (Debian and Ubuntu ship it in bsdutils: ' +
  'apt-get install bsdutils; macOS has a BSD script, which these tests cannot drive)';

const SCRIPT_FOUND = /util-linux/.test(spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? '');

/** True where the terminal tests cannot run and may be skipped: no util-linux `script`, and not on CI. */
export const SKIP_PTY = !SCRIPT_FOUND && !IN_CI;

function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A process that has ended but not been reaped yet (a zombie) counts as gone. */
async function waitUntilGone(pid: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let state: string | undefined;
    try {
      state = /^\d+ \(.*\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.[1];
    } catch {
      return;
    }
    if (state === 'Z' || state === 'X' || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** At the step after the last question's rating: Finish, then the summary; resolves with the exit status. */
export async function finishAtLastStep(s: PtySession): Promise<number | null> {
  await s.waitFor('That was the last question.');
  s.type(KEY.enter);
  await s.waitFor('Session summary');
  return s.exited();
}

/** At the feedback's "any key" prompt: the model answer paged through, `rating` chosen, then Finish. */
export async function revealRateAndFinish(s: PtySession, rating = '3'): Promise<number | null> {
  s.type(' ');
  await s.pageUntil(/How did it go\?/);
  s.type(rating);
  s.type(KEY.enter);
  return finishAtLastStep(s);
}

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003', ctrlD: '\u0004', esc: '\u001b' };

/** What a terminal sends when `text` is pasted with bracketed paste on: line breaks as CR, between markers. */
export function bracketedPaste(text: string): string {
  return `\u001b[200~${text.replace(/\n/g, '\r')}\u001b[201~`;
}
