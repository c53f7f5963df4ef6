import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'rmprep.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed after `timeoutMs` without finishing. */
  timedOut?: boolean;
}

/** A scratch folder standing in for the user's home: history, caches and config all live in it. */
export function makeHome(): { dir: string; history: string; env: Record<string, string>; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rmprep-test-'));
  const env = {
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    // Rescue files and editor scratch files go to the temporary folder: keep them in the scratch home too.
    TMPDIR: dir,
    NO_COLOR: '1',
    RMPREP_QUESTIONS: '',
    RMPREP_HISTORY: '',
  };
  return { dir, history: join(dir, 'data', 'rmprep', 'history.json'), env, cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }) };
}

/** Runs the built CLI (`node bin/rmprep.js`) with no terminal, and collects what it printed. */
export function runCli(args: string[], opts: { env?: Record<string, string>; input?: string; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', TZ: 'UTC', ...opts.env };
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), opts.timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
    });
    child.stdin.end(opts.input ?? '');
  });
}

/** The attempts in a history file, in file order, as parsed JSON (session markers and other records left out). */
export function readHistoryAttempts(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => r.type === 'attempt');
}
