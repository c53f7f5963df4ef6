import { toJsonText } from '../../core/text/json-text.js';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { loadBank } from '../../core/questions/load.js';
import { formatProblem } from '../../core/problems.js';
import { sanitizeText } from '../../core/text/sanitize.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { NotFoundError } from '../errors.js';
import { clip } from '../../core/text/sanitize.js';
import { plural } from '../../core/text/plural.js';

export const validateOptionsSchema = z.object({ json: z.boolean().optional() });

/** Lints question files: the given paths, or the bundled bank plus the user's folders. Exit 1 on any problem. */
export const command = defineCommand({ schema: validateOptionsSchema, run: validateCommand });

async function validateCommand(run: Run, opts: z.infer<typeof validateOptionsSchema>, { paths }: { paths: string[] }): Promise<number> {
  // A path that is not there is a mistake in the command line, not a problem inside a question file.
  const missing = paths.find((p) => statSync(resolve(run.cwd, p), { throwIfNoEntry: false }) === undefined);
  if (missing !== undefined) throw new NotFoundError(`validate: no such file or folder: ${clip(missing, 200)}`);
  const bank =
    paths.length > 0
      ? await loadBank(paths.map((p) => ({ path: resolve(run.cwd, p), bundled: false })), { cwd: run.cwd })
      : await run.loadBank();
  if (opts.json) {
    run.stdout.write(`${toJsonText({ files: bank.fileCount, questions: bank.questions.length, problems: bank.problems, warnings: bank.warnings ?? [] })}\n`);
    return bank.problems.length > 0 ? 1 : 0;
  }
  for (const p of bank.problems) run.stdout.write(`${sanitizeText(formatProblem(p))}\n`);
  // Warnings never fail validation: a file that loads is usable, it just has something worth fixing.
  for (const w of bank.warnings ?? []) run.stdout.write(`${sanitizeText(formatProblem({ ...w, message: `warning: ${w.message}` }))}\n`);
  const files = `${plural(bank.fileCount, 'file')}`;
  const questions = plural(bank.questions.length, 'valid question');
  if (bank.problems.length === 0) {
    run.stderr.write(`${run.style.good('✓')} ${questions} in ${files}, no problems\n`);
    return 0;
  }
  run.stderr.write(`${run.style.bad('✗')} ${plural(bank.problems.length, 'problem')} in ${files} (${questions})\n`);
  return 1;
}
