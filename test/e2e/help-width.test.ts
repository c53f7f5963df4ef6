import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { runCli } from '../helpers/cli.js';

describe('every command\'s help on a 60-column terminal', () => {
  it.each(COMMANDS.map((c) => c.name))('rmprep %s --help wraps within 60 columns, but for a word longer than its column', async (name) => {
    const r = await runCli([name, '--help'], { env: { COLUMNS: '60' } });
    expect(r.code).toBe(0);
    const long = r.stdout.split('\n').filter((line) => line.length > 60 && !line.trim().split(/\s+/).some((word) => word.length > 24));
    expect(long).toEqual([]);
  });
});
