/**
 * Points made = points the words heard, plus points credited another way (a model grader's checked quote,
 * or the person's own taught phrasing). The words' verdict always stands; a credit only adds a point.
 */
import type { HeardBy, TalkingPoint } from './types.js';

export interface PointCredit {
  /** 0-based index of the key point. */
  point: number;
  by: 'model' | 'phrasing';
  /** The answer's words that make the point, as written. */
  quote: string;
}

const HEARD: Record<PointCredit['by'], HeardBy> = { model: 'model', phrasing: 'your phrasing' };
// When both credit a point not heard by words, the person's own phrasing is named: it is theirs to trust.
const RANK: Record<PointCredit['by'], number> = { phrasing: 0, model: 1 };

/** The talking points and per-point credit with the extra credits added; every covered point says how it was heard. */
export function mergeCredits(
  points: readonly TalkingPoint[],
  credit: readonly number[],
  extra: readonly PointCredit[],
): { points: TalkingPoint[]; credit: number[] } {
  const best = new Map<number, PointCredit>();
  for (const c of extra) {
    const prev = best.get(c.point);
    if (!prev || RANK[c.by] < RANK[prev.by]) best.set(c.point, c);
  }
  const outCredit = [...credit];
  const outPoints = points.map((p, k): TalkingPoint => {
    if (p.covered) return { ...p, heardBy: p.heardBy ?? 'words' };
    const c = best.get(k);
    if (!c) return { ...p };
    outCredit[k] = 1;
    return { ...p, covered: true, evidence: [c.quote], heardBy: HEARD[c.by] };
  });
  return { points: outPoints, credit: outCredit };
}
