import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runInProcess } from '../helpers/context.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'rmprep-wiring-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const cli = (argv: string[]) => runInProcess(main, argv, home);

describe('argv to commands', () => {
  it('passes flags through to the command', async () => {
    const r = await cli(['list', '--category', 'Behavioral', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { category: string }[];
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((q) => q.category))).toEqual(new Set(['behavioral']));
  });

  it('reads global options placed after the command', async () => {
    const r = await cli(['next', '--category', 'technical', '--json', '--history', join(home, 'h.json')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ category: 'technical', reason: 'new' });
  });

  it.each([
    [['drill', '--count', '0'], /--count must be a whole number from 1 to 500/],
    [['show'], /missing required argument 'id'/],
    [['coach', 'team-conflict', '--rating', 'great'], /^rmprep: --rating must be again, hard, good or easy, not "great" \(see 'rmprep coach --help'\)\n$/],
    [['completion', 'tcsh'], /^rmprep: <shell> must be bash, zsh or fish, not "tcsh" \(see 'rmprep completion --help'\)\n$/],
    [['nope'], /unknown command 'nope'/],
    [['lst'], /^rmprep: unknown command 'lst' \(did you mean list\? See 'rmprep --help'\.\)\n$/],
    [['show', 'team-conflict', '--jsn'], /^rmprep: unknown option '--jsn' \(did you mean --json\? See 'rmprep show --help'\.\)\n$/],
  ])('turns %j into one line on stderr and exit 2', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });

  it('prints the version and help with exit 0', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, out: '9.9.9\n', err: '' });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/list \[options\]\s+list the questions in the bank/);
    expect(help.out).toMatch(/completion <shell>/);
  });
});
