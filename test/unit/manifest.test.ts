import { describe, expect, it } from 'vitest';
import { COMMANDS, optionKey, type CommandSpec } from '../../src/cli/commands.js';
import { buildProgram } from '../../src/cli/program.js';
import { runInProcess } from '../helpers/context.js';

describe('the command manifest', () => {
  it.each((COMMANDS as readonly CommandSpec[]).map((c) => [c.name, c] as const))('%s: every option is a field of its schema, and every field an option', async (_name, spec) => {
    const { command } = await spec.load();
    const shape = (command.schema as { shape?: Record<string, unknown> }).shape;
    // list and show check their options by hand (they run at start-up, without a schema library).
    if (!shape) return expect(spec.fast).toBe(true);
    expect(Object.keys(shape).sort()).toEqual(spec.options.map((o) => optionKey(o.flags)).sort());
  });

  it('builds every option and argument into the command tree, as the command help shows', async () => {
    await runInProcess(async (_argv, ctx) => {
      const program = buildProgram(ctx, { setExit: () => undefined });
      for (const spec of COMMANDS) {
        const command = program.commands.find((c) => c.name() === spec.name);
        expect(command, spec.name).toBeDefined();
        const help = command!.helpInformation();
        for (const o of spec.options) expect(help, `${spec.name} ${o.flags}`).toContain(o.flags);
        for (const a of spec.args) expect(help, `${spec.name} ${a.name}`).toContain(a.name);
        expect(command!.registeredArguments.map((a) => a.name())).toEqual(spec.args.map((a) => a.name));
      }
      return 0;
    }, [], '/nonexistent');
  });

  it.each([
    ['--answer-mode', 'answerMode'],
    ['-c, --category <category>', 'category'],
    ['--no-color', 'color'],
    ['--time-limit <seconds>', 'timeLimit'],
  ])('keys %s as %s, as commander does', (flags, key) => {
    expect(optionKey(flags)).toBe(key);
  });
});
