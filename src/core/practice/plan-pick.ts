import { shuffle, type Rng } from '../random.js';
import { clip } from '../text/sanitize.js';
import { plural } from '../text/plural.js';
import type { Plan, PlanItem } from './plan-parse.js';
import type { QuestionKey } from '../questions/categories.js';

/** How many questions the plan asks for in all. */
export function planSize(plan: Plan): number {
  return plan.items.reduce((sum, item) => sum + item.count, 0);
}

export function matchesItem(question: QuestionKey, item: PlanItem): boolean {
  if (item.category && question.category !== item.category) return false;
  if (item.ids.length > 0 && !item.ids.includes(question.id)) return false;
  if (item.tags.length > 0 && !item.tags.some((t) => question.tags.includes(t))) return false;
  return true;
}

/**
 * The questions a plan asks: each item in turn takes its `count` from `orderedIds` (the caller's priority order),
 * keeping only questions that match it and were not taken by an earlier item; then `order` is applied.
 * An item with too few matches gets fewer questions. Pure: randomness is passed in.
 */
export function pickPlanQuestions<Q extends QuestionKey>(plan: Plan, questions: readonly Q[], orderedIds: readonly string[], rng: Rng): Q[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const used = new Set<string>();
  const picked: Q[] = [];
  for (const item of plan.items) {
    let taken = 0;
    for (const id of orderedIds) {
      if (taken >= item.count) break;
      if (used.has(id)) continue;
      const question = byId.get(id);
      if (!question || !matchesItem(question, item)) continue;
      used.add(id);
      picked.push(question);
      taken++;
    }
  }
  return plan.order === 'shuffled' ? shuffle(picked, rng) : picked;
}

/** Plan items that the bank cannot fill completely, as sentences for a warning. */
export function describePlanShortfalls(plan: Plan, questions: readonly QuestionKey[]): string[] {
  const out: string[] = [];
  plan.items.forEach((item, index) => {
    const available = questions.filter((q) => matchesItem(q, item)).length;
    if (available < item.count) {
      out.push(`item ${index + 1} of plan "${clip(plan.name)}" asks for ${plural(item.count, 'question')} but only ${available} match`);
    }
  });
  return out;
}
