import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, makeHome, runCli } from '../helpers/cli.js';

const COMMANDS = ['list', 'show', 'drill', 'coach', 'next', 'stats', 'history', 'report', 'export', 'validate', 'new', 'completion'];
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

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

  it.skipIf(!has('zsh'))('the zsh script passes zsh -n', () => {
    const r = spawnSync('zsh', ['-n', join(home.dir, 'rmprep.zsh')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!has('fish'))('the fish script passes fish -n', () => {
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

describe('bash completion in use', () => {
  // A stand-in `rmprep` on PATH, so the script's id lookup runs the built CLI.
  const shim = mkdtempSync(join(tmpdir(), 'rmprep-shim-'));
  beforeAll(() => {
    writeFileSync(join(shim, 'rmprep'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(shim, 'rmprep'), 0o755);
  });
  afterAll(() => rmSync(shim, { recursive: true, force: true }));

  const complete = (words: string[]) => {
    const line = `source ${JSON.stringify(join(home.dir, 'rmprep.bash'))}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _rmprep; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['-c', line], { encoding: 'utf8', env: { ...home.env, PATH: `${shim}:${process.env.PATH ?? ''}` } });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter(Boolean).sort();
  };

  it.each([
    [['rmprep', 'sta'], ['stats']],
    [['rmprep', 'export', '--format', ''], ['anki', 'json', 'markdown']],
    [['rmprep', 'list', '-c', 'b'], ['behavioral']],
    [['rmprep', '--history', 'h.json', 'drill', '--plan', 'mock'], ['mock-interview']],
    [['rmprep', 'report', '--f'], ['--format']],
    [['rmprep', 'completion', 'z'], ['zsh']],
  ])('%j completes to %j', (words, expected) => {
    expect(complete(words)).toEqual(expected);
  });

  it('completes question ids by asking rmprep at completion time', () => {
    expect(complete(['rmprep', 'show', 'rollback-rec'])).toEqual(['rollback-recovery']);
    expect(complete(['rmprep', 'drill', '--id', 'difficult-d'])).toEqual(['difficult-decision']);
  });
});
