/** What `rmprep phrasings` shows and removes: each phrasing checked against the bank as it is now. Pure. */
import { type Phrasing, isFor, pointIndexOf } from '../coach/phrasings.js';
import { InputError } from '../errors.js';
import type { QuestionData } from '../questions/schema.js';

export type PhrasingStatus = 'ok' | 'point-gone' | 'question-gone';

export interface PhrasingRow extends Phrasing {
  /** 1-based place in the file: what `forget <n>` takes. */
  n: number;
  status: PhrasingStatus;
  /** The point as the question now words it, and its number as shown; when it still exists. */
  pointNumber?: number;
  pointText?: string;
}

export function describePhrasings(phrasings: readonly Phrasing[], bank: readonly QuestionData[], onlyQuestion?: string): PhrasingRow[] {
  const rows: PhrasingRow[] = [];
  phrasings.forEach((p, k) => {
    const question = bank.find((q) => isFor(q, p));
    if (onlyQuestion !== undefined && p.question !== onlyQuestion && question?.id !== onlyQuestion) return;
    const index = question ? pointIndexOf(question, p.point) : -1;
    const status: PhrasingStatus = !question ? 'question-gone' : index === -1 ? 'point-gone' : 'ok';
    const kp = question?.keyPoints[index];
    rows.push({ n: k + 1, ...p, status, ...(kp ? { pointNumber: index + 1, pointText: kp.point } : {}) });
  });
  return rows;
}

/**
 * The phrasings left after forgetting `target`: a number as listed, or `<question id>:<point>` (the point's id
 * or number as shown), which forgets every phrasing of that point. Refuses what matches nothing.
 */
export function forgetPhrasings(phrasings: readonly Phrasing[], bank: readonly QuestionData[], target: string): { kept: Phrasing[]; forgotten: Phrasing[] } {
  const wanted = target.trim();
  let drop: (p: Phrasing, k: number) => boolean;
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    if (n < 1 || n > phrasings.length) {
      throw new InputError(`no phrasing number ${wanted.slice(0, 12)}: there ${phrasings.length === 1 ? 'is 1' : `are ${phrasings.length}`}`, 'missing', "see 'rmprep phrasings list'");
    }
    drop = (_, k) => k === n - 1;
  } else {
    const colon = wanted.lastIndexOf(':');
    if (colon <= 0 || colon === wanted.length - 1) {
      throw new InputError(`forget takes a number as listed or <question id>:<point>, not "${wanted.slice(0, 60)}"`, 'invalid', 'e.g. rmprep phrasings forget 2');
    }
    const questionId = wanted.slice(0, colon);
    const point = wanted.slice(colon + 1);
    const question = bank.find((q) => q.id === questionId);
    const byNumber = /^\d+$/.test(point) && question ? question.keyPoints.map((_, k) => k + 1).includes(Number(point)) : false;
    drop = (p) => {
      if (p.question !== questionId && !(question && isFor(question, p))) return false;
      if (p.point === point) return true;
      return byNumber && question !== undefined && pointIndexOf(question, p.point) === Number(point) - 1;
    };
  }
  const kept: Phrasing[] = [];
  const forgotten: Phrasing[] = [];
  phrasings.forEach((p, k) => (drop(p, k) ? forgotten : kept).push(p));
  if (forgotten.length === 0) throw new InputError(`no phrasing matches "${wanted.slice(0, 60)}"`, 'missing', "see 'rmprep phrasings list'");
  return { kept, forgotten };
}
