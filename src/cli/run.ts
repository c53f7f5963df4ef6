import { resolve } from 'node:path';
import { lookupCachedQuestion, readCachedListing, type Listing } from '../core/questions/cache.js';
import { loadBank as loadQuestionBank, type Bank, type BankSource } from '../core/questions/load.js';
import { resolvePaths } from '../core/paths.js';
import { formatProblem } from '../core/problems.js';
import { createStyle } from '../ui/style.js';
import { sanitizeText } from '../ui/sanitize.js';
import type { Context, GlobalOptions, Run } from './context.js';

/** Resolves the global options against the context: paths, colors, width, and a lazily loaded bank. */
export function createRun(ctx: Context, globals: GlobalOptions): Run {
  const paths = resolvePaths({ env: ctx.env, home: ctx.home, cwd: ctx.cwd, historyOption: globals.history, questionsOption: globals.questions });
  const color = wantsColor(ctx, globals);
  const width = Math.max(40, Math.min(ctx.stdout.columns ?? 80, 100));
  let bank: Promise<Bank> | undefined;
  const sources: BankSource[] = [
    { path: resolve(ctx.packageRoot, 'questions'), bundled: true },
    ...paths.userQuestionPaths.map((p) => ({ path: p, bundled: false })),
  ];
  const loadOptions = { cwd: ctx.cwd, cacheDir: paths.cacheDir, buildId: ctx.buildId };
  // Copied by descriptor, not spread, so that stdin's getter stays lazy: opening stdin costs start-up time.
  const base = Object.defineProperties({}, Object.getOwnPropertyDescriptors(ctx)) as Context;
  const run: Run = Object.assign(base, {
    paths,
    color,
    width,
    style: createStyle(color),
    warn: (message: string) => void ctx.stderr.write(`rmprep: warning: ${sanitizeText(message)}\n`),
    loadBank() {
      bank ??= loadQuestionBank(sources, loadOptions);
      return bank;
    },
    async listQuestions(): Promise<Listing> {
      const cached = readCachedListing(paths.cacheDir, sources, loadOptions);
      if (cached) return cached;
      const loaded = await run.loadBank();
      return {
        rows: loaded.questions.map((q) => ({ id: q.id, category: q.category, question: q.question, tags: q.tags, difficulty: q.difficulty })),
        problems: loaded.problems,
      };
    },
    async findQuestion(id: string) {
      return lookupCachedQuestion(paths.cacheDir, sources, loadOptions, id) ?? (await run.loadBank()).byId.get(id);
    },
  });
  return run;
}

/** A one-line warning when some question files are broken; the commands go on with the rest. */
export function warnAboutProblems(run: Run, bank: Pick<Bank, 'problems'>): void {
  const first = bank.problems[0];
  if (!first) return;
  const more = bank.problems.length > 1 ? ` (+${bank.problems.length - 1} more; run 'rmprep validate')` : '';
  run.warn(`skipped a broken question file: ${formatProblem(first)}${more}`);
}

function wantsColor(ctx: Context, globals: GlobalOptions): boolean {
  if (globals.color === false) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '0') return ctx.env.FORCE_COLOR !== '0';
  return ctx.stdout.isTTY === true && ctx.env.TERM !== 'dumb';
}
