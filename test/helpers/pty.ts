import { spawn, type IPty } from 'node-pty';
import { BIN, ROOT } from './cli.js';

/** The CLI running in a real pseudo-terminal, with helpers to wait for text and type keys. */
export class PtySession {
  private screen = '';
  private exit: Promise<number>;
  readonly pty: IPty;

  constructor(args: string[], env: Record<string, string>, size = { cols: 100, rows: 40 }) {
    this.pty = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', TZ: 'UTC', ...env }, ...size });
    this.pty.onData((d) => {
      this.screen += d;
    });
    this.exit = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** Everything printed so far, with escape sequences removed. */
  get text(): string {
    // eslint-disable-next-line no-control-regex
    return this.screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\u001b\][^\u0007]*\u0007/g, '');
  }

  async waitFor(pattern: RegExp | string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const found = () => (typeof pattern === 'string' ? this.text.includes(pattern) : pattern.test(this.text));
    while (!found()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${this.text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until `pattern` has appeared `n` times in total. */
  async waitForCount(pattern: RegExp, n: number, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((this.text.match(new RegExp(pattern.source, 'g')) ?? []).length < n) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${n}x ${String(pattern)}; screen:\n${this.text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until the text printed since the last key typed matches `pattern`. */
  async waitForPrompt(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    const from = this.typedAt;
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.text.slice(from))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; screen:\n${this.text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
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

  private typedAt = 0;

  type(keys: string): void {
    this.typedAt = this.text.length;
    this.pty.write(keys);
  }

  async typeSlowly(keys: string): Promise<void> {
    for (const k of keys) {
      this.pty.write(k);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  exited(): Promise<number> {
    return this.exit;
  }
}

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003', ctrlD: '\u0004', esc: '\u001b' };

/** What a terminal sends when `text` is pasted with bracketed paste on: line breaks as CR, between markers. */
export function bracketedPaste(text: string): string {
  return `\u001b[200~${text.replace(/\n/g, '\r')}\u001b[201~`;
}
