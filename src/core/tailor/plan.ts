import { stringify } from 'yaml';
import type { Plan } from '../practice/plan-parse.js';
import type { TailorResult } from './rank.js';

/** The timer and answer mode of a tailored plan: the same as a mock interview's. */
const TIME_LIMIT = 180;

/**
 * A study plan that asks the ranked questions in rank order: one item per question, so the drill keeps
 * this order rather than its own. `source` names the posting in the description.
 */
export function buildTailorPlan(result: TailorResult, source: string): Plan {
  return {
    name: 'tailored',
    description: `The ${result.questions.length} questions that best prepare for the posting ${source}, best first.`,
    items: result.questions.map((q) => ({ ids: [q.id], tags: [], count: 1 })),
    timeLimit: TIME_LIMIT,
    answerMode: 'ask',
    order: 'as-listed',
  };
}

/** The plan as the YAML text of a plan file, with a comment on how to run it. */
export function formatPlanYaml(plan: Plan, file: string): string {
  const items = plan.items.map((item) => ({ ids: item.ids, count: item.count }));
  const body = stringify({ ...plan, items }, { lineWidth: 100 });
  return `# Written by 'rmprep tailor'. Run it with: rmprep drill --plan ${file.replace(/[\x00-\x1f\x7f]/g, '?')}\n${body}`;
}
