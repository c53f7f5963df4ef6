import { isCategory, ID_PATTERN } from './categories.js';
import type { FollowUp, RawQuestionData } from './schema.js';

// The schema's answer for the common case, a question with nothing wrong, computed directly: a large pack
// spends much of its first load in the schema otherwise. Anything unusual returns undefined and goes to
// the schema, which also words every problem; a test holds the two to the same results.

const FIELDS = new Set(['id', 'aliases', 'category', 'brief', 'question', 'why', 'keyPoints', 'answer', 'tip', 'star', 'framework', 'followUps', 'mustTell', 'duties', 'tags', 'difficulty']);
/** The schema's bounds on duties: a longer list or line goes to the schema, which words the problem. */
const DUTIES = { lines: 8, chars: 160 };
const STAR = ['situation', 'task', 'action', 'result'] as const;

/** The text trimmed, when it is a string with something in it. */
function text(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
}

function texts(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const item of v) {
    const t = text(item);
    if (t === undefined) return undefined;
    out.push(t);
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const isId = (v: unknown): v is string => typeof v === 'string' && ID_PATTERN.test(v);

function ids(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every(isId) ? [...(v as string[])] : undefined;
}

function keysWithin(v: Record<string, unknown>, allowed: readonly string[]): boolean {
  for (const key of Object.keys(v)) if (!allowed.includes(key)) return false;
  return true;
}

export function quickCheckQuestion(raw: Record<string, unknown>): RawQuestionData | undefined {
  for (const key of Object.keys(raw)) if (!FIELDS.has(key)) return undefined;
  const { id, category } = raw;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || typeof category !== 'string' || !isCategory(category)) return undefined;
  const question = text(raw.question);
  const answer = text(raw.answer);
  if (question === undefined || answer === undefined) return undefined;
  // Built in the schema's field order, so that JSON output reads the same whichever way a question came.
  const why = raw.why === undefined ? undefined : text(raw.why);
  const tip = raw.tip === undefined ? undefined : text(raw.tip);
  if ((raw.why !== undefined && why === undefined) || (raw.tip !== undefined && tip === undefined)) return undefined;
  const keyPoints: RawQuestionData['keyPoints'] = [];
  const followUps: FollowUp[] = [];
  let star: RawQuestionData['star'];
  let framework: string[] | undefined;
  let tags: string[] = [];
  let difficulty: RawQuestionData['difficulty'] = 2;
  if (raw.keyPoints !== undefined) {
    if (!Array.isArray(raw.keyPoints)) return undefined;
    for (const k of raw.keyPoints) {
      if (!isPlainObject(k) || !keysWithin(k, ['id', 'point', 'terms'])) return undefined;
      const point = text(k.point);
      const terms = texts(k.terms);
      if (point === undefined || terms === undefined || terms.length === 0) return undefined;
      if (k.id === undefined) keyPoints.push({ point, terms });
      else if (isId(k.id)) keyPoints.push({ id: k.id, point, terms });
      else return undefined;
    }
  }
  if (raw.star !== undefined) {
    const s = raw.star;
    if (!isPlainObject(s) || !keysWithin(s, STAR)) return undefined;
    const [situation, task, action, result] = STAR.map((part) => text(s[part]));
    if (situation === undefined || task === undefined || action === undefined || result === undefined) return undefined;
    star = { situation, task, action, result };
  }
  if (raw.framework !== undefined) {
    framework = texts(raw.framework);
    if (framework === undefined) return undefined;
  }
  if (raw.followUps !== undefined) {
    if (!Array.isArray(raw.followUps)) return undefined;
    for (const f of raw.followUps) {
      const followUp = quickFollowUp(f);
      if (!followUp) return undefined;
      followUps.push(followUp);
    }
  }
  if (raw.tags !== undefined) {
    if (!Array.isArray(raw.tags) || !raw.tags.every((t) => typeof t === 'string' && ID_PATTERN.test(t))) return undefined;
    tags = [...(raw.tags as string[])];
  }
  const aliases = raw.aliases === undefined ? undefined : ids(raw.aliases);
  if (raw.aliases !== undefined && aliases === undefined) return undefined;
  const brief = raw.brief === undefined ? undefined : text(raw.brief);
  if (raw.brief !== undefined && brief === undefined) return undefined;
  let mustTell: RawQuestionData['mustTell'];
  if (raw.mustTell !== undefined) {
    const m = raw.mustTell;
    if (!isPlainObject(m) || !keysWithin(m, ['what', 'terms'])) return undefined;
    const what = text(m.what);
    const terms = texts(m.terms);
    if (what === undefined || terms === undefined || terms.length === 0) return undefined;
    mustTell = { what, terms };
  }
  const duties = raw.duties === undefined ? undefined : texts(raw.duties);
  if (raw.duties !== undefined && (duties === undefined || duties.length > DUTIES.lines || duties.some((d) => d.length > DUTIES.chars))) return undefined;
  if (raw.difficulty !== undefined) {
    if (raw.difficulty !== 1 && raw.difficulty !== 2 && raw.difficulty !== 3) return undefined;
    difficulty = raw.difficulty;
  }
  return {
    id,
    ...(aliases === undefined ? {} : { aliases }),
    category,
    ...(brief === undefined ? {} : { brief }),
    question,
    ...(why === undefined ? {} : { why }),
    keyPoints,
    answer,
    ...(tip === undefined ? {} : { tip }),
    ...(star === undefined ? {} : { star }),
    ...(framework === undefined ? {} : { framework }),
    followUps,
    ...(mustTell === undefined ? {} : { mustTell }),
    ...(duties === undefined ? {} : { duties }),
    tags,
    difficulty,
  };
}

function quickFollowUp(f: unknown): FollowUp | undefined {
  if (typeof f === 'string') {
    const question = text(f);
    return question === undefined ? undefined : { question };
  }
  if (!isPlainObject(f) || !keysWithin(f, ['question', 'hint', 'probes'])) return undefined;
  const question = text(f.question);
  if (question === undefined) return undefined;
  const hint = f.hint === undefined ? undefined : text(f.hint);
  if (f.hint !== undefined && hint === undefined) return undefined;
  if (f.probes !== undefined && !isId(f.probes)) return undefined;
  return { question, ...(hint === undefined ? {} : { hint }), ...(f.probes === undefined ? {} : { probes: f.probes as string }) };
}
