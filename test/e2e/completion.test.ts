import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI } from '../helpers/ci.js';
import { BIN, makeHome, ROOT, runCli } from '../helpers/cli.js';

const COMMANDS = ['list', 'show', 'drill', 'coach', 'next', 'stats', 'history', 'report', 'export', 'validate', 'new', 'completion'];
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
/** zsh and fish tests skip where the shell is missing, but not on CI, which installs both (.ci/run). */
const skipWithout = (shell: string) => !has(shell) && !IN_CI;
function requireShell(shell: string): void {
  if (!has(shell)) throw new Error(`${shell} is not installed: the completion tests need it (Debian and Ubuntu: apt-get install ${shell}; .ci/run installs it)`);
}

let home: ReturnType<typeof makeHome>;
const scripts: Record<string, string> = {};
beforeAll(async () => {
  home = makeHome();
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = await runCli(['completion', shell], { env: home.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    scripts[shell] = r.stdout;
    writeFileSync(join(home.dir, `rmprep.${shell}`), r.stdout);
  }
});
afterAll(() => home.cleanup());

describe('completion scripts', () => {
  it.each(['bash', 'zsh', 'fish'])('the %s script mentions every command, category and bundled plan', (shell) => {
    const script = scripts[shell]!;
    for (const word of [...COMMANDS, 'common', 'behavioral', 'technical', 'mock-interview', 'answer-mode', 'format', 'session']) {
      expect(script, word).toMatch(new RegExp(`(^|[\\s'(|:-])${word}([\\s')|:[]|$)`, 'm'));
    }
    expect(script).toContain('rmprep list --json');
  });

  it('the bash script passes bash -n', () => {
    const r = spawnSync('bash', ['-n', join(home.dir, 'rmprep.bash')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(skipWithout('zsh'))('the zsh script passes zsh -n', () => {
    requireShell('zsh');
    const r = spawnSync('zsh', ['-n', join(home.dir, 'rmprep.zsh')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(skipWithout('fish'))('the fish script passes fish -n', () => {
    requireShell('fish');
    const r = spawnSync('fish', ['-n', join(home.dir, 'rmprep.fish')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('rejects an unknown shell as a usage error', async () => {
    const r = await runCli(['completion', 'tcsh'], { env: home.env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});

// A stand-in `rmprep` on PATH, so each script's id lookup runs the built CLI.
const shim = mkdtempSync(join(tmpdir(), 'rmprep-shim-'));
beforeAll(() => {
  writeFileSync(join(shim, 'rmprep'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(shim, 'rmprep'), 0o755);
});
afterAll(() => rmSync(shim, { recursive: true, force: true }));
const shellEnv = () => ({ ...home.env, PATH: `${shim}:${process.env.PATH ?? ''}` });

/** The words typed so far, the last one being completed, and what every shell should offer for it. */
const CASES: [string[], string[]][] = [
  [['rmprep', 'sta'], ['stats']],
  [['rmprep', 'export', '--format', ''], ['anki', 'json', 'markdown']],
  [['rmprep', 'list', '-c', 'b'], ['behavioral']],
  [['rmprep', '--history', 'h.json', 'drill', '--plan', 'mock'], ['mock-interview']],
  [['rmprep', 'drill', '--answer-mode', ''], ['ask', 'editor', 'spoken', 'type']],
  [['rmprep', 'report', '--f'], ['--format']],
  [['rmprep', 'coach', '--rat'], ['--rating']],
  [['rmprep', 'coach', '--rating', 'g'], ['good']],
  [['rmprep', 'completion', 'z'], ['zsh']],
  [['rmprep', 'story', 'ma'], ['match']],
  [['rmprep', '--no-c'], ['--no-color']],
  // Question ids come from `rmprep list --json` at completion time.
  [['rmprep', 'show', 'rollback-rec'], ['rollback-recovery']],
  [['rmprep', 'drill', '--id', 'difficult-d'], ['difficult-decision']],
  [['rmprep', 'history', '--id', 'release-pro'], ['release-process']],
];

const COMPLETERS: Record<string, (words: string[]) => string[]> = {
  bash: (words) => {
    const line = `source ${JSON.stringify(join(home.dir, 'rmprep.bash'))}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _rmprep; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['-c', line], { encoding: 'utf8', env: shellEnv() });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).sort();
  },
  // One interactive zsh in a pseudo-terminal, with compinit: each case's line typed and Tab pressed.
  zsh: (words) => {
    zshMatches ??= completeInZsh(CASES.map(([w]) => w.join(' ')));
    return zshMatches.get(words.join(' ')) ?? [];
  },
  fish: (words) => {
    const r = spawnSync('fish', ['--no-config', '-c', 'source $argv[1]; complete --do-complete $argv[2]', join(home.dir, 'rmprep.fish'), words.join(' ')], { encoding: 'utf8', env: shellEnv() });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!).sort();
  },
};

let zshMatches: Map<string, string[]> | undefined;
function completeInZsh(lines: string[]): Map<string, string[]> {
  const r = spawnSync('zsh', ['-f', join(ROOT, 'test', 'helpers', 'zsh-complete.zsh'), join(home.dir, 'rmprep.zsh'), ...lines], { encoding: 'utf8', env: shellEnv(), timeout: 120_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const blocks = r.stdout.split(/^== \d+\n/m).slice(1);
  expect(blocks).toHaveLength(lines.length);
  return new Map(lines.map((line, i) => [line, blocks[i]!.split('\n').filter(Boolean).sort()]));
}

describe.each(['bash', 'zsh', 'fish'])('%s completion in use', (shell) => {
  it.skipIf(skipWithout(shell)).each(CASES)('%j completes to %j', (words, expected) => {
    requireShell(shell);
    expect(COMPLETERS[shell]!(words)).toEqual(expected);
  });
});
