import type { Context } from './context.js';
import { runCommand } from './define-command.js';
import { isUserError } from '../core/errors.js';
import { clip } from '../core/text/sanitize.js';
import { EXIT } from './errors.js';
import { startDrill } from './drill-start.js';
import { parseFastPath, type FastCommand } from './fast-path.js';
import { helpWidth, renderRootHelp } from './help.js';
import { createRun } from './run.js';
import { describeSystemError } from './system-error.js';

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
  if (!('spec' in command)) {
    ctx.stdout.write(command.name === 'help' ? renderRootHelp(helpWidth(ctx.stdout, ctx.env)) : `${ctx.version}\n`);
    return EXIT.ok;
  }
  const run = createRun(ctx, command.globals);
  if (command.name === 'drill') return startDrill(run, command.options);
  const { command: module } = await command.spec.load();
  return runCommand(module, run, command.options, command.args);
}

/**
 * The longest message and hint printed for an error the user can act on: a safety net, as outside values
 * are cut where they are put in a message (clip). A hint may name a rescue file, so it may be longer.
 */
const MAX_MESSAGE = 200;
const MAX_HINT = 400;

/** Prints an error (one line, or for a bug its stack) and returns the exit code it gives. */
export function reportError(err: unknown, ctx: Pick<Context, 'stderr'>): number {
  if (isUserError(err)) {
    const hint = err.hint ? ` (${clip(err.hint, MAX_HINT)})` : '';
    ctx.stderr.write(`rmprep: ${clip(err.message, MAX_MESSAGE)}${hint}\n`);
    return err.exitCode ?? (err.kind === 'invalid' ? EXIT.usage : EXIT.failure);
  }
  if (isPromptExit(err)) return EXIT.interrupted;
  // An errno from the outside world (a history that cannot be read, a read-only disk): one line, exit 1.
  const system = describeSystemError(err);
  if (system !== undefined) {
    ctx.stderr.write(`rmprep: ${system}\n`);
    return EXIT.failure;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  ctx.stderr.write(`rmprep: internal error: ${e.message}\n${e.stack ?? ''}\nThis is a bug in rmprep; please report it with the command you ran.\n`);
  return EXIT.failure;
}

function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}
