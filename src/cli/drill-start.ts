import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReadStream } from 'node:tty';
import { peekSummary } from '../core/history/summary-file.js';
import { drillPool, pickDrillQuestions, type DrillFilter } from '../core/practice/drill-pick.js';
import { locatePlan, readPlanCache } from '../core/practice/plan-cache.js';
import type { Plan } from '../core/practice/plan-parse.js';
import { CATEGORIES, type Category } from '../core/questions/categories.js';
import type { Question } from '../core/questions/schema.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from '../ui/bracketed-paste.js';
import { renderQuestionScreen, renderSessionStart } from '../ui/render-question-screen.js';
import type { DrillStart } from './commands/drill.js';
import type { Run } from './context.js';
import { runCommand } from './define-command.js';
import { warnAboutProblems } from './run.js';

/*
 * The drill's start-up path. Loading the session's modules (the prompts, the schema library, the
 * scheduler, the coach) takes several times as long as starting Node; the first question needs none of
 * them. So the start-up bundle picks the questions from the caches (the bank's listing and the history's
 * summary), exactly as the drill command would, shows the first one at once, and hands the drill over
 * with what it picked. Whenever a cache does not hold or an option is anything but plainly valid, nothing
 * is printed and the drill command runs as it always does.
 */

type RawOptions = Record<string, unknown>;

/** Runs `rmprep drill` with options as the fast path read them (strings, arrays of strings, switches). */
export async function startDrill(run: Run, raw: RawOptions): Promise<number> {
  const start = showFirstQuestion(run, raw);
  // Every prompt turns bracketed paste off when done; this covers a drill that ends before its first prompt.
  if (start) process.once('exit', () => writeQuietly(run, BRACKETED_PASTE_OFF));
  const drill = await import('./commands/drill.js');
  return start ? drill.resumeDrill(run, raw, start) : runCommand(drill.command, run, raw, {});
}

/** Picks the drill's questions from the caches and shows the first; undefined (nothing shown) when it cannot. */
export function showFirstQuestion(run: Run, raw: RawOptions): DrillStart | undefined {
  // Without a terminal the drill command refuses (exit 2) before anything else can go wrong here.
  if (!run.stdout.isTTY || !run.stdin.isTTY) return undefined;
  const filter = readFilter(raw);
  if (!filter) return undefined;
  // A plan is taken as the drill command last parsed it; any other is loaded (and checked) by the command.
  const plan = raw.plan === undefined ? undefined : cachedPlan(run, raw.plan);
  if (plan === null) return undefined;
  // So is a stories folder that is not there, which the command names.
  if (raw.stories !== undefined && (raw.stories === '' || !existsSync(resolve(run.cwd, raw.stories as string)))) return undefined;
  const listing = run.cachedListing();
  if (!listing) return undefined;
  const picked = pickQuestions(run, raw, filter, plan, listing.rows);
  if (!picked || picked.ids.length === 0) return undefined;
  const first = run.cachedQuestion(picked.ids[0] as string);
  if (!first) return undefined;
  // Keys typed from now on wait, unechoed, for the first prompt, which reads them as typed at it: a paste
  // arrives marked (or as a burst) and starts a typed answer, single keys pick from the menu.
  (run.stdin as ReadStream).setRawMode(true);
  warnAboutProblems(run, listing);
  for (const shortfall of picked.shortfalls) run.warn(shortfall);
  run.stdout.write(renderSessionStart(plan?.name, picked.ids.length, run.style, run.width) + renderQuestionScreen(first, 0, picked.ids.length, run) + BRACKETED_PASTE_ON);
  return { ids: picked.ids, plan };
}

/** The plan from the cache the drill command keeps of the plans it parsed; null when it is not there. */
function cachedPlan(run: Run, value: unknown): Plan | null {
  const wanted = typeof value === 'string' ? value.trim() : '';
  const place = wanted === '' ? undefined : locatePlan(wanted, run);
  return (place && readPlanCache({ dir: run.paths.cacheDir, build: run.buildId }, place.path)) ?? null;
}

function pickQuestions(run: Run, raw: RawOptions, filter: DrillFilter, plan: Plan | undefined, rows: readonly Pick<Question, 'id' | 'category' | 'tags'>[]): { ids: string[]; shortfalls: string[] } | undefined {
  const ids = raw.id as string[] | undefined;
  if (ids && ids.length > 0) {
    const known = new Set(rows.map((r) => r.id));
    const wanted = ids.map((id) => id.trim().toLowerCase());
    // An unknown id is reported, with suggestions, by the drill command.
    return wanted.every((id) => known.has(id)) ? { ids: wanted, shortfalls: [] } : undefined;
  }
  const summary = peekSummary(run.paths.historyFile, run.env.TZ ?? '');
  if (!summary) return undefined;
  const pool = drillPool(rows, filter);
  const { questions, shortfalls } = pickDrillQuestions(pool, summary, filter, plan, { now: run.now(), rng: run.makeRng(raw.seed as string | undefined) });
  return { ids: questions.map((q) => q.id), shortfalls };
}

/** The options the drill command's schema would accept, read the same way; undefined for anything else. */
function readFilter(raw: RawOptions): DrillFilter | undefined {
  if (raw.due && raw.new) return undefined;
  const category: Category[] = [];
  for (const value of (raw.category as string[] | undefined) ?? []) {
    const c = value.trim().toLowerCase();
    if (!(CATEGORIES as readonly string[]).includes(c)) return undefined;
    category.push(c as Category);
  }
  const count = raw.count === undefined ? undefined : wholeNumber(raw.count, 500);
  if (count === null || (raw.timeLimit !== undefined && wholeNumber(raw.timeLimit, 3600) === null)) return undefined;
  return { category: raw.category === undefined ? undefined : category, tag: raw.tag as string | undefined, count, due: raw.due === true, new: raw.new === true };
}

/** As options.ts's positiveInt reads a flag's value; null when it would refuse it. */
function wholeNumber(value: unknown, max: number): number | null {
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  return n >= 1 && n <= max ? n : null;
}

function writeQuietly(run: Run, text: string): void {
  try {
    run.stdout.write(text);
  } catch {
    // A terminal that is gone needs no resetting.
  }
}
