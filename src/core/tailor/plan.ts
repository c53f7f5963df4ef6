import { stringify } from 'yaml';
import type { Plan } from '../practice/plan-parse.js';
import type { GapDetail } from './bullet-picks.js';
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

/** The plan as the YAML text of a plan file, with a comment on how to run it and the posting's gaps as comments. */
export function formatPlanYaml(plan: Plan, file: string, gaps: readonly GapDetail[] = []): string {
  const items = plan.items.map((item) => ({ ids: item.ids, count: item.count }));
  const body = stringify({ ...plan, items }, { lineWidth: 100 });
  const notes = gaps.length === 0 ? '' : `# Gaps: the bank has no question that answers these parts of the posting; prepare them on your own.\n${gaps.map(gapComment).join('')}`;
  return `# Written by 'rmprep tailor'. Run it with: rmprep drill --plan ${oneLine(file, '?')}\n${notes}${body}`;
}

function gapComment(gap: GapDetail): string {
  const nearest = gap.nearest ? ` (nearest question: ${oneLine(gap.nearest.id)}, fit ${gap.nearest.fit.toFixed(2)})` : '';
  return `#   - ${oneLine(gap.text)}${nearest}${gap.byModel ? '; the model grader names no question for it' : ''}\n`;
}

/** Text made safe for one comment line: no line breaks or other control characters can end the comment. */
function oneLine(text: string, by = ' '): string {
  return text.replace(/[\x00-\x1f\x7f\u0085\u2028\u2029]/g, by);
}
