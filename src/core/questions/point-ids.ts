import type { KeyPoint, QuestionData, RawQuestionData } from './schema.js';

type Path = (string | number)[];
export interface IdReport {
  problem(path: Path, message: string): void;
  warning(path: Path, message: string): void;
}

// Words that say nothing about which point is meant; left out of ids derived from a point's wording.
const FILLER = new Set(['a', 'an', 'and', 'the', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'or', 'it', 'its', 'is', 'are', 'be', 'that', 'this', 'what', 'who', 'how', 'not', 'only', 'as', 'from', 'into', 'each', 'their', 'them', 'they', 'your', 'you']);

/** A kebab-case id from a point's wording: its first few meaningful words ("Admits the mistake quickly" → "admits-mistake-quickly"). */
export function derivePointId(point: string): string {
  const words = point.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9\s-]/g, ' ').split(/[\s-]+/).filter((w) => w !== '');
  const meaningful = words.filter((w) => !FILLER.has(w));
  const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, 4);
  return chosen.length > 0 ? chosen.join('-') : 'point';
}

/**
 * Gives every key point an id (its own, or one derived from its wording, with a warning), and checks that
 * ids are unique within the question and that each follow-up probes a point that exists.
 */
export function finishQuestion(raw: RawQuestionData, report: IdReport): QuestionData | undefined {
  const used = new Set<string>();
  let ok = true;
  raw.keyPoints.forEach((k, i) => {
    if (k.id === undefined) return;
    if (used.has(k.id)) {
      report.problem(['keyPoints', i, 'id'], `duplicate point id "${k.id}": each point of a question needs its own id`);
      ok = false;
    }
    used.add(k.id);
  });
  let derived = 0;
  const keyPoints: KeyPoint[] = raw.keyPoints.map((k) => {
    if (k.id !== undefined) return { id: k.id, point: k.point, terms: k.terms };
    derived++;
    const base = derivePointId(k.point);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { id, point: k.point, terms: k.terms };
  });
  if (derived > 0) {
    report.warning(['keyPoints'], `${derived === keyPoints.length ? 'key points have' : `${derived} key points have`} no id: ids were derived from the wording (add "id:" to each point so that links to it survive a rewording)`);
  }
  raw.followUps.forEach((f, i) => {
    if (f.probes !== undefined && !used.has(f.probes)) {
      report.problem(['followUps', i, 'probes'], `follow-up probes "${f.probes}", which is not a point id of this question (ids: ${[...used].join(', ') || 'none'})`);
      ok = false;
    }
  });
  (raw.aliases ?? []).forEach((alias, i) => {
    if (alias === raw.id) {
      report.problem(['aliases', i], `alias "${alias}" is the question's own id`);
      ok = false;
    }
  });
  return ok ? { ...raw, keyPoints } : undefined;
}

/** A question the schema read, with ids given to points that lack one; throws on a broken link. */
export function withPointIds(raw: RawQuestionData): QuestionData {
  const problems: string[] = [];
  const data = finishQuestion(raw, { problem: (_path, message) => problems.push(message), warning: () => undefined });
  if (!data) throw new Error(problems.join('; '));
  return data;
}
