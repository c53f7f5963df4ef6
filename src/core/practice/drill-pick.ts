import type { Summary } from '../history/summary.js';
import type { Category, QuestionKey } from '../questions/categories.js';
import type { Rng } from '../random.js';
import { describePlanShortfalls, pickPlanQuestions, planSize } from './plan-pick.js';
import type { Plan } from './plan-parse.js';
import { orderQuestions } from './select.js';

/** How many questions a drill asks when neither --count nor a plan says. */
export const DEFAULT_DRILL_COUNT = 5;

/** The drill's filters, as its options give them (categories already read, tag as typed). */
export interface DrillFilter {
  category?: readonly Category[] | undefined;
  tag?: string | undefined;
  count?: number | undefined;
  due?: boolean | undefined;
  new?: boolean | undefined;
}

/** The questions a drill filters on: only these need the history's summary. */
export function drillPool<Q extends QuestionKey>(bank: readonly Q[], filter: DrillFilter): Q[] {
  const tag = filter.tag?.toLowerCase();
  return bank.filter((q) => (!filter.category || filter.category.length === 0 || filter.category.includes(q.category)) && (!tag || q.tags.includes(tag)));
}

/**
 * Which questions a drill asks (without --id), in order, and the plan items the bank could not fill. Pure:
 * the start-up path runs it on the cached listing, the drill command on the loaded bank, and both pick
 * the same questions for the same history, time and random source.
 */
export function pickDrillQuestions<Q extends QuestionKey>(
  pool: readonly Q[],
  summary: Summary,
  filter: DrillFilter,
  plan: Plan | undefined,
  { now, rng }: { now: Date; rng: Rng },
): { questions: Q[]; shortfalls: string[] } {
  const ordered = orderQuestions(pool, summary, { now, rng, only: filter.due ? 'due' : filter.new ? 'new' : undefined });
  if (!plan) return { questions: ordered.slice(0, filter.count ?? DEFAULT_DRILL_COUNT).map((p) => p.question), shortfalls: [] };
  // --count takes the first N of the plan, in the plan's order.
  const questions = pickPlanQuestions(plan, pool, ordered.map((p) => p.question.id), rng).slice(0, filter.count);
  const short = questions.length < Math.min(planSize(plan), filter.count ?? Infinity);
  return { questions, shortfalls: short ? describePlanShortfalls(plan, pool) : [] };
}
