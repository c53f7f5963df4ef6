import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome, runCli } from '../helpers/cli.js';

let home: ReturnType<typeof makeHome>;
beforeAll(() => {
  home = makeHome();
});
afterAll(() => home.cleanup());

describe('a mistyped question id', () => {
  it.each([
    ['show', ['show', 'rolback-recovery'], 'rollback-recovery'],
    ['show with a prefix', ['show', 'rollback'], 'rollback-recovery'],
    ['coach', ['coach', 'team-confict'], 'team-conflict'],
    ['drill --id', ['drill', '--id', 'rolback-recovery'], 'rollback-recovery'],
    ['drill --id with a prefix', ['drill', '--id', 'release-proc'], 'release-process'],
    ['history --id', ['history', '--id', 'team-confict'], 'team-conflict'],
  ])('%s: exits 1 (a drill without a terminal 2) and says which id was meant', async (_name, args, meant) => {
    const r = await runCli(args, { env: home.env, input: 'An answer.\n' });
    expect(r.stderr).toMatch(/^rmprep: no question with id ".+" \(did you mean .+\?\)\n$/);
    expect(r.stderr).toContain(meant);
    expect(r.code).toBe(args[0] === 'drill' ? 2 : 1);
    expect(r.stdout).toBe('');
  });

  it('history --id takes an id in any case and says plainly when it has no attempts', async () => {
    const r = await runCli(['history', '--id', 'Team-Conflict'], { env: home.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no attempts at team-conflict yet');
  });
});
