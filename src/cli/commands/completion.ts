import { z } from 'zod';
import { listBundledPlans } from '../../core/practice/plan-load.js';
import { renderBash } from '../completion/bash.js';
import { renderFish } from '../completion/fish.js';
import { describeCommands } from '../completion/spec.js';
import { renderZsh } from '../completion/zsh.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { UsageError } from '../errors.js';
import { clip } from '../../core/text/sanitize.js';

const SHELLS = { bash: renderBash, zsh: renderZsh, fish: renderFish } as const;

export const completionOptionsSchema = z.object({});

export const command = defineCommand({ schema: completionOptionsSchema, run: completionCommand });

/** Prints the completion script for a shell, made from the command manifest so it cannot drift from it. */
async function completionCommand(run: Run, _opts: unknown, { shell }: { shell: string }): Promise<number> {
  if (!Object.hasOwn(SHELLS, shell)) throw new UsageError(`unknown shell "${clip(shell)}": expected bash, zsh or fish`);
  run.stdout.write(SHELLS[shell as keyof typeof SHELLS](describeCommands(listBundledPlans(run.packageRoot))));
  return 0;
}
