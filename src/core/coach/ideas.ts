/**
 * Whether each idea of a question (a talking point, a framework step) was said, from one reading of the
 * answer; a step and a point that say the same thing share one verdict.
 */
import type { BankModel, QuestionModel } from './bank-model.js';
import { type IdeaVerdict, assessIdea } from './judge.js';
import type { Reading } from './reading.js';
import type { StructurePart, TalkingPoint } from './types.js';

export interface IdeasResult {
  points: TalkingPoint[];
  credit: number[];
  steps: StructurePart[];
  /** Share of the question's own words the answer uses in its sentences, weighted by specificity, 0..1. */
  topic: number;
}

export function assessIdeas(reading: Reading, qm: QuestionModel, model: BankModel, ids: readonly string[]): IdeasResult {
  const pointVerdicts = qm.points.map((idea) => assessIdea(reading, idea));
  const stepVerdicts = qm.steps.map((idea) => assessIdea(reading, idea));
  // A step and a point that say the same thing get one verdict: either finding it is enough.
  qm.stepToPoint.forEach((k, s) => {
    const step = stepVerdicts[s];
    const point = k === undefined ? undefined : pointVerdicts[k];
    if (!step || !point || step.covered === point.covered) return;
    const found = step.covered ? step : point;
    for (const v of [step, point]) Object.assign(v, { covered: true, credit: 1, evidence: found.evidence });
  });
  return {
    points: qm.points.map((idea, k) => {
      const v = pointVerdicts[k] as IdeaVerdict;
      return { id: ids[k] ?? `point-${k + 1}`, point: idea.text, covered: v.covered, evidence: v.evidence };
    }),
    credit: pointVerdicts.map((v) => v.credit),
    steps: qm.steps.map((idea, k) => ({ name: idea.text, present: stepVerdicts[k]?.covered ?? false })),
    topic: topicShare(reading, qm.topic, model),
  };
}

function topicShare(reading: Reading, topic: Map<string, number>, model: BankModel): number {
  let said = 0;
  let total = 0;
  for (const [stem, weight] of topic) {
    const w = Math.max(weight, model.specificity(stem));
    total += w;
    if ((reading.doc.index.get(stem) ?? []).some((p) => !reading.skip[p] && !reading.doc.tokens[p]?.stop)) said += w;
  }
  return total === 0 ? 0 : said / total;
}
