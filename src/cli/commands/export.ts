import { clip } from '../../core/text/sanitize.js';
import { resolve } from 'node:path';
import { z } from 'zod';
import { exportAnki } from '../../core/export/anki.js';
import { exportJson } from '../../core/export/json.js';
import { exportMarkdown } from '../../core/export/markdown.js';
import { writeOutputFile } from '../write-output.js';
import { protectedPaths } from '../../core/protected-paths.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { NotFoundError } from '../errors.js';
import { categoryOption } from '../options.js';
import { warnAboutProblems } from '../run.js';
import { plural } from '../../core/text/plural.js';

export const exportOptionsSchema = z.object({
  format: z.enum(['anki', 'markdown', 'json'], { error: (issue) => `--format must be anki, markdown or json, not "${clip(issue.input)}"` }),
  category: categoryOption.optional(),
  out: z.string().trim().min(1, '--out needs a file name').optional(),
});

const EXPORTERS = { anki: exportAnki, markdown: exportMarkdown, json: exportJson } as const;

export const command = defineCommand({ schema: exportOptionsSchema, run: exportCommand });

async function exportCommand(run: Run, opts: z.infer<typeof exportOptionsSchema>): Promise<number> {
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  const questions = bank.questions.filter((q) => !opts.category || q.category === opts.category);
  if (questions.length === 0) {
    throw new NotFoundError(opts.category ? `no ${opts.category} questions to export` : 'the question bank is empty; nothing to export');
  }
  const text = EXPORTERS[opts.format](questions);
  // `--out -` is standard output, as for most tools.
  if (opts.out && opts.out !== '-') {
    const file = resolve(run.cwd, opts.out);
    writeOutputFile(file, text, protectedPaths(run.paths));
    run.stderr.write(`Exported ${plural(questions.length, 'question')} to ${clip(file, 200)}\n`);
    return 0;
  }
  run.stdout.write(text);
  return 0;
}
