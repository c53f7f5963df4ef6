import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFastPath } from '../../src/cli/fast-path.js';
import { COMMANDS, commandUsage } from '../../src/cli/commands.js';
import { renderRootHelp } from '../../src/cli/help.js';
import { main } from '../../src/cli/main.js';
import { buildProgram } from '../../src/cli/program.js';
import { runInProcess } from '../helpers/context.js';

let home: string;
beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'rmprep-fast-'));
  const extra = join(home, 'extra');
  mkdirSync(extra);
  writeFileSync(join(extra, 'broken.md'), '---\nid: [unclosed\n---\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

// Command lines the fast path takes; each must come out exactly as commander would have it.
const TAKEN = [
  [],
  ['--help'],
  ['-h'],
  ['help'],
  ['--version'],
  ['-V'],
  ['list'],
  ['list', '--json'],
  ['list', '-c', 'technical'],
  ['list', '--category=Behavioral', '--json'],
  ['list', '--tag', 'rollback'],
  ['list', '-t', 'metrics', '-c', 'technical', '--json'],
  ['list', '-c', 'technical', '-c', 'common'],
  ['list', '--tag='],
  ['list', '--tags'],
  ['list', '--tags', '--json', '-c', 'behavioral'],
  ['list', '--category', 'nonsense'],
  ['list', '--no-color'],
  ['--no-color', 'list', '--json'],
  ['list', '--history', 'h.json'],
  ['--questions', 'extra', 'list', '--json'],
  ['list', '--questions', 'extra', '--questions', 'missing'],
  ['show', 'release-process'],
  ['show', '--json', 'release-process'],
  ['show', 'release-process', '--json'],
  ['show', 'RELEASE-PROCESS'],
  ['show', 'release-proces'],
  ['show', 'nope'],
  ['show', 'list'],
  ['--history', 'h.json', 'show', 'rollback-recovery', '--no-color'],
  // Not a terminal here: both ways end with the same refusal, after the same checks of the options.
  ['drill', '--category', 'technical'],
  ['drill', '-c', 'Behavioral', '-c', 'common', '-n', '3', '--seed', 's1'],
  ['drill', '--id', 'release-process', '--id', 'RELEASE-PROCESS', '--answer-mode', 'spoken'],
  ['drill', '--id', 'nope'],
  ['drill', '--count', '0'],
  ['drill', '--due', '--new'],
  ['drill', '--plan', 'mock-interview', '--time-limit', '90'],
  ['drill', '--tag', 'rollback', '--new'],
];

// Everything else is commander's, mistakes above all: it owns the messages for them.
const LEFT = [
  ['list', 'extra'],
  ['show'],
  ['show', 'a', 'b'],
  ['list', '--bogus'],
  ['list', '-ctechnical'],
  ['list', '-c'],
  ['list', '-c', '--json'],
  ['list', '--json=1'],
  ['list', '--no-color=1'],
  ['show', '--', 'release-process'],
  ['show', '-', 'x'],
  ['list', '--help'],
  ['help', 'list'],
  ['--version', 'list'],
  ['--no-color'],
  ['--history', 'h.json'],
  ['--json', 'list'],
  ['stats'],
  ['drill', '--answer-mode', 'aloud'],
  ['drill', '-n3'],
  ['shw', 'release-process'],
];

describe('the fast path', () => {
  it.each(TAKEN.map((argv) => [argv]))('runs %j exactly as commander does', async (argv: string[]) => {
    expect(parseFastPath(argv)).toBeDefined();
    const fast = await runInProcess((a, ctx) => main(a, ctx), argv, home);
    const slow = await runInProcess((a, ctx) => main(a, ctx, { fastPath: false }), argv, home);
    expect(fast).toEqual(slow);
  });

  it.each(LEFT.map((argv) => [argv]))('leaves %j to commander', (argv: string[]) => {
    expect(parseFastPath(argv)).toBeUndefined();
  });

  it('reads options and globals in any order, repeated ones as commander does', () => {
    expect(parseFastPath(['--questions', 'a', 'list', '-c', 'technical', '--questions=b', '--tag', 'x', '-c', 'common'])).toMatchObject({
      name: 'list',
      globals: { color: true, questions: ['a', 'b'] },
      options: { category: 'common', tag: 'x' },
      args: {},
    });
    expect(parseFastPath(['show', 'x', '--history=h', '--no-color', '--json'])).toMatchObject({
      name: 'show',
      globals: { color: false, history: 'h' },
      args: { id: 'x' },
      options: { json: true },
    });
  });

  it('gives the same answers as commander for a mistake after a command it knows', async () => {
    const r = await runInProcess((a, ctx) => main(a, ctx), ['show', 'release-process', 'extra'], home);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rmprep: too many arguments for 'show'/);
  });
});

describe('the root help', () => {
  it.each([60, 80, 100])('fits %i columns and names every command', (width) => {
    const help = renderRootHelp(width);
    for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(width);
    for (const c of COMMANDS) expect(help).toContain(`  ${commandUsage(c)}  `);
    expect(help).toMatch(/^Usage: rmprep <command> \[options\]\n/);
    expect(help).toMatch(/Exit codes: 0 ok/);
  });

  it('is what commander prints for rmprep help, and every command it builds is in it', async () => {
    const viaCommander = await runInProcess((a, ctx) => main(a, ctx, { fastPath: false }), ['help'], home);
    expect(viaCommander.out).toBe(renderRootHelp(80));
    let names: string[] = [];
    await runInProcess(async (_argv, ctx) => {
      names = buildProgram(ctx, { setExit: () => undefined }).commands.map((c) => c.name());
      return 0;
    }, [], home);
    expect(names.sort()).toEqual(COMMANDS.map((c) => c.name).sort());
  });
});
