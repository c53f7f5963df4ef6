import { analyzeAnswer } from '../coach/index.js';
import type { CoachReport } from '../coach/types.js';
import type { QuestionData } from '../questions/schema.js';

/** A follow-up as the interviewer asks it: the question and the key point it probes (null: none named). */
export interface ChosenFollowUp {
  question: string;
  probes: string | null;
}

/** A follow-up already asked, and whether its answer made the point it probes (null: not judged, e.g. spoken). */
export interface AskedFollowUp extends ChosenFollowUp {
  heard: boolean | null;
}

/** What the coach heard in an answer to a follow-up: only whether the probed point is made now. */
export interface FollowUpJudgement {
  heard: boolean | null;
  evidence: string[];
}

/**
 * The follow-up to ask next, aimed at the first point (in file order) the answer did not make and no earlier
 * follow-up recovered. A spoken answer (no report) or a question whose follow-ups name no points gets the
 * first one not yet asked. When no follow-up left probes a missing point, one never probes a point already
 * heard while another is left: the last one left that probes no heard point (none, or a point the question no
 * longer has). When every one left probes a heard point, the one whose point was heard least (fewest quotes
 * of the answer for it; a point an earlier follow-up recovered was just asked about and comes last), the
 * first of equals: asked for follow-ups, the person gets one, where the answer was thinnest. Undefined once
 * every follow-up was asked.
 */
export function chooseFollowUp(question: QuestionData, report: CoachReport | undefined, asked: readonly AskedFollowUp[]): ChosenFollowUp | undefined {
  const askedQuestions = new Set(asked.map((a) => a.question));
  const left = question.followUps.filter((f) => !askedQuestions.has(f.question));
  const first = left[0];
  if (!first) return undefined;
  const pick = (f: (typeof left)[number]): ChosenFollowUp => ({ question: f.question, probes: f.probes ?? null });
  if (!report || !left.some((f) => f.probes !== undefined)) return pick(first);
  // How much of the answer was quoted for each point heard; a point a follow-up recovered was just asked about.
  const heard = new Map(report.talkingPoints.filter((p) => p.covered).map((p) => [p.id, p.evidence.length]));
  for (const a of asked) if (a.heard === true && a.probes !== null && !heard.has(a.probes)) heard.set(a.probes, Number.POSITIVE_INFINITY);
  for (const point of question.keyPoints) {
    if (heard.has(point.id)) continue;
    const aimed = left.find((f) => f.probes === point.id);
    if (aimed) return pick(aimed);
  }
  const fresh = left.filter((f) => f.probes === undefined || !heard.has(f.probes));
  const lastFresh = fresh[fresh.length - 1];
  if (lastFresh) return pick(lastFresh);
  const strength = (f: (typeof left)[number]) => heard.get(f.probes ?? '') ?? 0;
  return pick(left.reduce((best, f) => (strength(f) < strength(best) ? f : best), first));
}

/**
 * Judges an answer to a follow-up by the same coach as any answer, on one thing only: whether the point the
 * follow-up probes is now heard. A follow-up answer is short by design, so no length rule applies.
 */
export function judgeFollowUp(
  question: QuestionData,
  followUp: ChosenFollowUp,
  answer: string | undefined,
  bank?: readonly QuestionData[],
): FollowUpJudgement {
  if (answer === undefined || followUp.probes === null) return { heard: null, evidence: [] };
  const report = analyzeAnswer(question, answer, bank);
  const point = report.talkingPoints.find((p) => p.id === followUp.probes);
  if (!point) return { heard: null, evidence: [] };
  return { heard: point.covered, evidence: point.covered ? point.evidence : [] };
}
