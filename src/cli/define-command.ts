import type { Run } from './context.js';
import { UsageError } from './errors.js';

/** What a command's options are checked with: a zod schema, or for list and show a check by hand (checkedBy). */
export interface OptionsSchema<O> {
  safeParse(raw: unknown): { success: true; data: O } | { success: false; error: { issues: readonly { message: string }[] } };
}

/** A command's positional arguments by name, as the manifest declares them. */
export type CommandArgs = Record<string, string | string[] | undefined>;

/** What every command module exports as `command`: its options schema, and what it does. */
export interface CommandModule<O = unknown, A extends CommandArgs = CommandArgs> {
  schema: OptionsSchema<O>;
  run(run: Run, options: O, args: A): Promise<number>;
}

export function defineCommand<O, A extends CommandArgs = Record<never, never>>(command: CommandModule<O, A>): CommandModule<O, A> {
  return command;
}

/** Checks the raw options with the command's schema and runs it; the first problem is a usage error. */
export function runCommand<O, A extends CommandArgs>(command: CommandModule<O, A>, run: Run, raw: unknown, args: A): Promise<number> {
  const result = command.schema.safeParse(raw);
  if (!result.success) throw new UsageError(result.error.issues[0]?.message ?? 'invalid options');
  return command.run(run, result.data, args);
}

/** An options schema written by hand: `check` returns the options or throws a UsageError. */
export function checkedBy<O>(check: (raw: unknown) => O): OptionsSchema<O> {
  return { safeParse: (raw) => ({ success: true, data: check(raw) }) };
}
