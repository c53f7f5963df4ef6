import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../../core/errors.js';
import { toJsonText } from '../../core/text/json-text.js';
import { buildTailorPlan, formatPlanYaml } from '../../core/tailor/plan.js';
import { createRanker } from '../../core/tailor/rank.js';
import { readTextFile, readTextStream } from '../../core/text-input.js';
import { renderTailor } from '../../ui/render-tailor.js';
import { clip, sanitizeText } from '../../core/text/sanitize.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { FailureError, UsageError } from '../errors.js';
import { positiveInt } from '../options.js';
import { warnAboutProblems } from '../run.js';
import { writeOutputFile } from '../write-output.js';
import { protectedPaths } from '../../core/protected-paths.js';
import { resolveGrader } from '../grader-config.js';
import { askModelForPicks } from '../model-tailor.js';

export const tailorOptionsSchema = z.object({
  json: z.boolean().optional(),
  count: positiveInt('--count', 50).optional(),
  out: z.string().min(1, '--out needs a file name').optional(),
  force: z.boolean().optional(),
  offline: z.boolean().optional(),
});

/** A job posting is a page or two; anything far larger is not one. */
export const MAX_POSTING_BYTES = 200_000;
const DEFAULT_COUNT = 10;

export const command = defineCommand({ schema: tailorOptionsSchema, run: tailorCommand });

async function tailorCommand(run: Run, opts: z.infer<typeof tailorOptionsSchema>, { file }: { file: string }): Promise<number> {
  if (opts.out === '-' && opts.json) throw new UsageError('--out - and --json both write to standard output', 'pick one, or give --out a file name');
  if (opts.force && opts.out === undefined) throw new UsageError('--force only applies with --out <file>');
  // Sanitized before it is read for topics: a terminal never shows an escape sequence's payload (a window
  // title), so neither may the ranking.
  const posting = sanitizeText(
    file === '-' ? await readTextStream(run.stdin, 'the posting on standard input', MAX_POSTING_BYTES) : await readTextFile(resolve(run.cwd, file), file, MAX_POSTING_BYTES),
  );
  if (posting.trim() === '') {
    throw new InputError(`${file === '-' ? 'the posting on standard input' : file} is empty`, 'invalid', 'paste the job posting as plain text or Markdown');
  }
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  const ranker = createRanker(bank.questions);
  // Nothing is sent anywhere unless a model grader is configured (and not turned off with --offline).
  const model = await askModelForPicks(resolveGrader(run.env, run.home, opts.offline === true), ranker.linesToAsk(posting), bank.questions);
  if (model.notice !== null) run.warn(model.notice);
  const result = ranker.rank(posting, opts.count ?? DEFAULT_COUNT, model.picks);
  if (result.questions.length === 0) {
    throw new InputError('nothing in the posting matches a question in the bank', 'missing', 'is it a release-management job posting?');
  }
  const source = file === '-' ? 'from standard input' : basename(file);
  // `--out -` is standard output, as for export and report: the plan alone, ready for a pipe.
  if (opts.out === '-') {
    run.stdout.write(formatPlanYaml(buildTailorPlan(result, source), 'plan.yaml', result.gapDetails));
    return 0;
  }
  if (opts.out !== undefined) {
    const target = resolve(run.cwd, opts.out);
    if (!opts.force && isRegularFile(target)) {
      throw new FailureError(`${clip(opts.out)} already exists`, 'pass --force to replace it, or pick another --out');
    }
    writeOutputFile(target, formatPlanYaml(buildTailorPlan(result, source), opts.out, result.gapDetails), protectedPaths(run.paths));
  }
  if (opts.json) {
    const { themes, questions, gaps, gapDetails, bullets } = result;
    run.stdout.write(`${toJsonText({ themes, questions, gaps, gapDetails, bullets, reading: model.reading })}\n`);
  } else {
    run.stdout.write(renderTailor(result, { width: run.width, style: run.style, reading: model.reading }));
    if (opts.out !== undefined) run.stdout.write(run.style.dim(`Plan written to ${sanitizeText(opts.out)}; practise it with: rmprep drill --plan ${sanitizeText(opts.out)}\n`));
  }
  return 0;
}

/** A file (or a link to one) that --out would replace; FIFOs and devices are written to as streams. */
function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
