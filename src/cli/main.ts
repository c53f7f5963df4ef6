import { listCommand } from './commands/list.js';
import { showCommand } from './commands/show.js';
import type { Context } from './context.js';
import { isInputError } from '../core/errors.js';
import { EXIT, isCliError } from './errors.js';
import { parseFastPath, type FastCommand } from './fast-path.js';
import { helpWidth, renderRootHelp } from './help.js';
import { createRun } from './run.js';

/**
 * Runs rmprep with `argv` (without node and script) and returns the exit code. The one place that decides
 * it. `fastPath: false` sends every command line through commander (tests compare the two).
 */
export async function main(argv: string[], ctx: Context, { fastPath = true } = {}): Promise<number> {
  try {
    const fast = fastPath ? parseFastPath(argv) : undefined;
    if (fast) return await runFast(fast, ctx);
    // Commander, and the command tree built with it, load only for command lines the fast path leaves.
    const { runProgram } = await import('./program.js');
    return await runProgram(argv, ctx);
  } catch (err) {
    return reportError(err, ctx);
  }
}

async function runFast(command: FastCommand, ctx: Context): Promise<number> {
  switch (command.name) {
    case 'help':
      ctx.stdout.write(renderRootHelp(helpWidth(ctx.stdout)));
      return EXIT.ok;
    case 'version':
      ctx.stdout.write(`${ctx.version}\n`);
      return EXIT.ok;
    case 'list':
      return listCommand(createRun(ctx, command.globals), command.options);
    case 'show':
      return showCommand(createRun(ctx, command.globals), command.id, command.options);
  }
}

function reportError(err: unknown, ctx: Context): number {
  const code = userErrorCode(err);
  if (code !== undefined) {
    const { message, hint } = err as Error & { hint?: string };
    ctx.stderr.write(`rmprep: ${message}${hint ? ` (${hint})` : ''}\n`);
    return code;
  }
  if (isPromptExit(err)) return EXIT.interrupted;
  const e = err instanceof Error ? err : new Error(String(err));
  ctx.stderr.write(`rmprep: internal error: ${e.message}\n${e.stack ?? ''}\nThis is a bug in rmprep; please report it with the command you ran.\n`);
  return EXIT.failure;
}

/** The exit code of an error the user can act on, printed as one line; undefined for anything else. */
function userErrorCode(err: unknown): number | undefined {
  if (isCliError(err)) return err.exitCode;
  if (isInputError(err)) return err.kind === 'invalid' ? EXIT.usage : EXIT.failure;
  if (isHistoryError(err)) return EXIT.failure;
  return undefined;
}

function isHistoryError(err: unknown): err is Error & { hint?: string } {
  return err instanceof Error && err.name === 'HistoryError';
}

function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}
