/**
 * Whether each idea of a question (a talking point, a framework step) was said, from one reading of the
 * answer; a step and a point that say the same thing share one verdict.
 */
import type { BankModel, QuestionModel } from './bank-model.js';
import { type IdeaVerdict, assessIdea } from './judge.js';
import type { Reading } from './reading.js';
import { TUNING } from './tuning.js';
import type { StructurePart, TalkingPoint } from './types.js';

export interface IdeasResult {
  points: TalkingPoint[];
  credit: number[];
  /** Per point, 0..1: how much was said for it, from the words of the clauses where it was heard. */
  depth: number[];
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
      const id = ids[k] ?? `point-${k + 1}`;
      return v.covered ? { id, point: idea.text, covered: true, evidence: v.evidence, heardBy: 'words' as const } : { id, point: idea.text, covered: false, evidence: [] };
    }),
    credit: pointVerdicts.map((v) => v.credit),
    depth: pointDepth(reading, pointVerdicts),
    steps: qm.steps.map((idea, k) => ({ name: idea.text, present: stepVerdicts[k]?.covered ?? false })),
    topic: topicShare(reading, qm.topic, model),
  };
}

/**
 * A clause's words go to the points heard in it, shared when it makes several: "I agree the triggers and run a
 * postmortem" says two points in ten words, five each. A point made in three words is touched, not developed.
 */
function pointDepth(reading: Reading, verdicts: readonly IdeaVerdict[]): number[] {
  const sharers = new Map<number, number>();
  for (const v of verdicts) if (v.covered) for (const c of v.clauses) sharers.set(c, (sharers.get(c) ?? 0) + 1);
  const words = new Map<number, number>();
  reading.doc.tokens.forEach((t, p) => {
    if (!reading.skip[p] && sharers.has(t.clause)) words.set(t.clause, (words.get(t.clause) ?? 0) + 1);
  });
  return verdicts.map((v) => {
    if (!v.covered) return 0;
    const said = v.clauses.reduce((acc, c) => acc + (words.get(c) ?? 0) / (sharers.get(c) ?? 1), 0);
    return Math.min(1, said / TUNING.depthFullWords);
  });
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
