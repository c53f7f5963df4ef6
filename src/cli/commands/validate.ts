import { toJsonText } from '../../core/text/json-text.js';
import { resolve } from 'node:path';
import { z } from 'zod';
import { loadBank } from '../../core/questions/load.js';
import { formatProblem } from '../../core/problems.js';
import { sanitizeText } from '../../core/text/sanitize.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';

export const validateOptionsSchema = z.object({ json: z.boolean().optional() });

/** Lints question files: the given paths, or the bundled bank plus the user's folders. Exit 1 on any problem. */
export const command = defineCommand({ schema: validateOptionsSchema, run: validateCommand });

async function validateCommand(run: Run, opts: z.infer<typeof validateOptionsSchema>, { paths }: { paths: string[] }): Promise<number> {
  const bank =
    paths.length > 0
      ? await loadBank(paths.map((p) => ({ path: resolve(run.cwd, p), bundled: false })), { cwd: run.cwd })
      : await run.loadBank();
  if (opts.json) {
    run.stdout.write(`${toJsonText({ files: bank.fileCount, questions: bank.questions.length, problems: bank.problems })}\n`);
    return bank.problems.length > 0 ? 1 : 0;
  }
  for (const p of bank.problems) run.stdout.write(`${sanitizeText(formatProblem(p))}\n`);
  const files = `${bank.fileCount} file${bank.fileCount === 1 ? '' : 's'}`;
  const questions = `${bank.questions.length} valid question${bank.questions.length === 1 ? '' : 's'}`;
  if (bank.problems.length === 0) {
    run.stderr.write(`${run.style.good('✓')} ${questions} in ${files}, no problems\n`);
    return 0;
  }
  run.stderr.write(`${run.style.bad('✗')} ${bank.problems.length} problem${bank.problems.length === 1 ? '' : 's'} in ${files} (${questions})\n`);
  return 1;
}
