import { statSync } from 'node:fs';
import type { Bank } from '../core/questions/bank.js';
import { bankSources, openQuestionSource } from '../core/questions/source.js';
import { resolvePaths } from '../core/paths.js';
import { formatProblem } from '../core/problems.js';
import { createStyle } from '../ui/style.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Context, GlobalOptions, Run } from './context.js';
import { outputColumns } from './output.js';

/** Resolves the global options against the context: paths, colors, width, and a lazily loaded bank. */
export function createRun(ctx: Context, globals: GlobalOptions): Run {
  const paths = resolvePaths({ env: ctx.env, home: ctx.home, cwd: ctx.cwd, historyOption: globals.history, questionsOption: globals.questions, folderExists });
  const color = wantsColor(ctx, globals);
  const width = Math.max(40, Math.min(outputColumns(ctx.stdout, ctx.env), 100));
  const questions = openQuestionSource(bankSources(ctx.packageRoot, paths.userQuestionPaths), { cwd: ctx.cwd, cacheDir: paths.cacheDir, buildId: ctx.buildId });
  // Copied by descriptor, not spread, so that stdin's getter stays lazy: opening stdin costs start-up time.
  const base = Object.defineProperties({}, Object.getOwnPropertyDescriptors(ctx)) as Context;
  const run: Run = Object.assign(base, {
    paths,
    color,
    width,
    style: createStyle(color),
    warn: (message: string) => void ctx.stderr.write(`rmprep: warning: ${sanitizeText(message)}\n`),
    loadBank: questions.loadBank,
    listQuestions: questions.listQuestions,
    findQuestion: questions.findQuestion,
    cachedListing: questions.cachedListing,
    cachedQuestion: questions.cachedQuestion,
  });
  return run;
}

/** A one-line warning when some question files are broken; the commands go on with the rest. */
export function warnAboutProblems(run: Run, bank: Pick<Bank, 'problems'>): void {
  const first = bank.problems[0];
  if (!first) return;
  const files = new Set(bank.problems.map((p) => p.file)).size;
  const problems = bank.problems.length;
  if (files === 1) {
    const more = problems > 1 ? ` (+${problems - 1} more in it; run 'rmprep validate')` : '';
    run.warn(`skipped a broken question file: ${formatProblem(first)}${more}`);
    return;
  }
  run.warn(`skipped ${files} broken question files: ${formatProblem(first)} (+${problems - 1} more; run 'rmprep validate')`);
}

function folderExists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function wantsColor(ctx: Context, globals: GlobalOptions): boolean {
  if (globals.color === false) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '0') return ctx.env.FORCE_COLOR !== '0';
  return ctx.stdout.isTTY === true && ctx.env.TERM !== 'dumb';
}
