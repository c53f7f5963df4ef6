import type { CoachReport } from '../coach/types.js';
import type { AttemptRecord } from '../history/schema.js';
import type { QuestionData } from '../questions/schema.js';

/** A follow-up as a session report gives it: what it probed, and whether the second answer recovered it. */
export interface ReportFollowUp {
  question: string;
  probes: string | null;
  /** The probed point's wording in the bank now; null when it names none or the point is gone. */
  point: string | null;
  answer: string | null;
  heard: boolean | null;
}

/** How many things to practise next a report gives for each question. */
const PRACTISE = 3;

export function reportFollowUps(a: AttemptRecord, question: QuestionData | undefined): ReportFollowUp[] {
  return (a.followUps ?? []).map((f) => ({
    question: f.question,
    probes: f.probes,
    point: (f.probes !== null && question?.keyPoints.find((k) => k.id === f.probes)?.point) || null,
    answer: f.answer ?? null,
    heard: f.heard,
  }));
}

/**
 * Three things to practise next for one answer: the points neither the answer nor a follow-up made, first
 * in file order, then the coach's suggestions. A spoken answer has only what its follow-ups missed.
 */
export function practiseNext(coach: CoachReport | null, followUps: readonly ReportFollowUp[]): string[] {
  const recovered = new Set(followUps.filter((f) => f.heard === true && f.probes !== null).map((f) => f.probes));
  const points = coach
    ? coach.talkingPoints.filter((p) => !p.covered && !recovered.has(p.id)).map((p) => p.point)
    : followUps.filter((f) => f.heard === false && f.point !== null).map((f) => f.point as string);
  const items = points.map((p) => `Make the point: ${p}`);
  for (const s of coach?.suggestions ?? []) if (!s.startsWith('You missed') && !s.startsWith('Also missing')) items.push(s);
  return items.slice(0, PRACTISE);
}
