import type { Category } from '../questions/schema.js';
import { RATING_VALUE } from './ratings.js';
import type { HistoryRecord, StoredCard } from './schema.js';
import { oneReading, readingKey, wordsOnlyScore, type ShownScore } from './score-reading.js';

/** How many recent ratings and scores of a question count toward its need. */
export const RECENT = 5;

export interface QuestionSummary {
  category: Category;
  attempts: number;
  lastAt: string;
  /** Ratings as 1 (again) .. 4 (easy), newest last, at most RECENT. */
  recentRatings: number[];
  /** Words-only coach scores 0..100, newest last, at most RECENT (see score-reading.ts). */
  recentScores: number[];
  /** The scores shown and the reading that gave each, newest last, at most RECENT; absent means all were words-only. */
  recentShown?: ShownScore[];
  overTime: number;
  card?: StoredCard;
}

/** Everything the stats, scheduling and selection need, folded from the history one record at a time. */
export interface Summary {
  total: number;
  questions: Record<string, QuestionSummary>;
  /** Attempts per local calendar day, keyed YYYY-MM-DD. */
  days: Record<string, number>;
  firstAt?: string;
  lastAt?: string;
  lastSession?: string;
  /** Follow-ups asked after answers; judged ones were typed, recovered ones made the point they probed. */
  followUps: { asked: number; judged: number; recovered: number };
}

export function emptySummary(): Summary {
  // Keyed by question id and day: no prototype, so that an id such as "constructor" or "__proto__" is
  // just a key, never a property inherited from Object.
  return { total: 0, questions: Object.create(null) as Summary['questions'], days: Object.create(null) as Summary['days'], followUps: { asked: 0, judged: 0, recovered: 0 } };
}

/** Adds one record to the summary in place; O(1) per record. */
export function applyRecord(summary: Summary, record: HistoryRecord): void {
  if (record.type !== 'attempt') return;
  summary.total++;
  const q = Object.hasOwn(summary.questions, record.questionId)
    ? summary.questions[record.questionId]!
    : (summary.questions[record.questionId] = { category: record.category, attempts: 0, lastAt: record.at, recentRatings: [], recentScores: [], overTime: 0 });
  q.category = record.category;
  q.attempts++;
  if (record.at >= q.lastAt) q.lastAt = record.at;
  pushRecent(q.recentRatings, RATING_VALUE[record.rating]);
  const words = wordsOnlyScore(record);
  if (words !== undefined) pushRecent(q.recentScores, words);
  if (record.score !== undefined) pushRecent((q.recentShown ??= []), { score: record.score, reading: readingKey(record) });
  if (record.overTime) q.overTime++;
  if (record.card) q.card = record.card;
  const day = localDay(new Date(record.at));
  summary.days[day] = (Object.hasOwn(summary.days, day) ? summary.days[day]! : 0) + 1;
  if (!summary.firstAt || record.at < summary.firstAt) summary.firstAt = record.at;
  if (!summary.lastAt || record.at >= summary.lastAt) summary.lastAt = record.at;
  if (record.session) summary.lastSession = record.session;
  for (const f of record.followUps ?? []) {
    summary.followUps.asked++;
    if (f.heard !== null) summary.followUps.judged++;
    if (f.heard === true) summary.followUps.recovered++;
  }
}

/** A question's recent shown scores with their readings; a summary without them held words-only scores. */
export function shownOf(q: QuestionSummary): ShownScore[] {
  return q.recentShown ?? q.recentScores.map((score) => ({ score, reading: 'words' }));
}

/**
 * Each question's recent scores, comparable across all of them: the shown ones when every one of them was
 * read the same way, else the words-only ones.
 */
export function comparableRecentScores(questions: readonly QuestionSummary[]): number[][] {
  const shown = questions.map(shownOf);
  return oneReading(shown.flat().map((s) => s.reading)) ? shown.map((list) => list.map((s) => s.score)) : questions.map((q) => q.recentScores);
}

export function summarize(records: Iterable<HistoryRecord>): Summary {
  const summary = emptySummary();
  for (const r of records) applyRecord(summary, r);
  return summary;
}

function pushRecent<T>(list: T[], value: T): void {
  list.push(value);
  if (list.length > RECENT) list.splice(0, list.length - RECENT);
}

/** YYYY-MM-DD of a moment in the local time zone. */
export function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

