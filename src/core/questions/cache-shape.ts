import { isCategory } from './categories.js';
import type { Problem } from '../problems.js';
import type { ParsedQuestion } from './parse.js';
import type { Question } from './schema.js';

/** What `rmprep list` shows, kept in the index so that listing reads neither the bank nor its cache. */
export interface Listing {
  /** `replacesBundled`: the user's question that replaces the bundled one with its id. */
  rows: { id: string; category: Question['category']; question: string; tags: string[]; difficulty: Question['difficulty']; replacesBundled?: true }[];
  problems: Problem[];
}

type ListRow = Listing['rows'][number];

/** One question as `list` shows it (and `list --json` prints it), whatever else the question holds. */
export function listRow(q: ListRow & { source?: { replacesBundled?: boolean } }): ListRow {
  const replaces = q.replacesBundled === true || q.source?.replacesBundled === true;
  return { id: q.id, category: q.category, question: q.question, tags: q.tags, difficulty: q.difficulty, ...(replaces ? { replacesBundled: true as const } : {}) };
}

// Caches are files like any other: anything may have changed them. `list` and `show` read them, so the
// checks are written out by hand (npm run lint keeps zod out of their bundle).

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDifficulty = (v: unknown) => v === 1 || v === 2 || v === 3;
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);

function isProblem(v: unknown): boolean {
  return isRecord(v) && isText(v.file) && isCount(v.line) && isCount(v.col) && isText(v.message);
}

/** A question as the parser made it, with every field the renderers read. */
export function isParsedQuestion(v: unknown): v is ParsedQuestion {
  if (!isRecord(v)) return false;
  return (
    isText(v.id) &&
    isText(v.category) && isCategory(v.category) &&
    isText(v.question) &&
    isText(v.answer) &&
    isCount(v.line) &&
    isDifficulty(v.difficulty) &&
    isTextList(v.tags) &&
    optional(v.why, isText) &&
    optional(v.tip, isText) &&
    optional(v.framework, isTextList) &&
    optional(v.star, (s) => isRecord(s) && isText(s.situation) && isText(s.task) && isText(s.action) && isText(s.result)) &&
    optional(v.aliases, isTextList) &&
    optional(v.brief, isText) &&
    optional(v.mustTell, (m) => isRecord(m) && isText(m.what) && isTextList(m.terms)) &&
    optional(v.duties, isTextList) &&
    Array.isArray(v.keyPoints) &&
    v.keyPoints.every((k) => isRecord(k) && isText(k.id) && isText(k.point) && isTextList(k.terms)) &&
    Array.isArray(v.followUps) &&
    v.followUps.every((f) => isRecord(f) && isText(f.question) && optional(f.hint, isText) && optional(f.probes, isText))
  );
}

/** One line of the bank cache: a file's stamp and what parsing it gave. */
export function isCachedFileShape(v: unknown): boolean {
  if (!isRecord(v) || !isText(v.file) || !isText(v.display) || typeof v.bundled !== 'boolean') return false;
  if (typeof v.size !== 'number' || typeof v.mtimeMs !== 'number' || !isRecord(v.parsed)) return false;
  const { questions, problems, warnings } = v.parsed;
  return Array.isArray(questions) && questions.every(isParsedQuestion) && Array.isArray(problems) && problems.every(isProblem) && optional(warnings, (w) => Array.isArray(w) && w.every(isProblem));
}

export function isListing(v: unknown): v is Listing {
  if (!isRecord(v) || !Array.isArray(v.rows) || !Array.isArray(v.problems) || !v.problems.every(isProblem)) return false;
  return v.rows.every((r) => isRecord(r) && isText(r.id) && isText(r.category) && isCategory(r.category) && isText(r.question) && isTextList(r.tags) && isDifficulty(r.difficulty));
}

/** `{ path: number }`, as the cache keeps folder and file stamps. */
export function isStampMap(v: unknown, width: 1 | 2): boolean {
  if (!isRecord(v)) return false;
  return Object.values(v).every((s) => (width === 1 ? typeof s === 'number' : Array.isArray(s) && s.length === 2 && s.every((n) => typeof n === 'number')));
}

/** Where an id's question sits in the bank cache: byte offset, byte length, index in its file. */
export function isSpot(v: unknown): v is [number, number, number] {
  return Array.isArray(v) && v.length === 3 && v.every(isCount);
}
