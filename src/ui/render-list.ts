import type { PracticeById, QuestionPractice } from '../core/history/practice.js';
import type { Listing } from '../core/questions/cache-shape.js';
import { plural } from '../core/text/plural.js';
import { dayNumber, localDate } from './due-text.js';
import { clean, renderTable } from './render.js';
import { RATING_WORD } from './rating-words.js';
import type { Style } from './style.js';

export interface ListOptions {
  width: number;
  style: Style;
  now: Date;
}

/**
 * Where a question stands, in a few columns: "new", or its last rating and when it is due ("now",
 * "today", "tomorrow" or the local date).
 */
export function practiceStatus(practice: QuestionPractice | undefined, now: Date): string {
  if (!practice) return 'new';
  const rating = RATING_WORD[practice.lastRating];
  // Attempts saved before scheduling existed have no due date.
  return practice.due ? `${rating} · ${dueShort(practice.due, now)}` : rating;
}

function dueShort(due: string, now: Date): string {
  const at = new Date(due);
  if (at.getTime() <= now.getTime()) return 'now';
  const days = dayNumber(at) - dayNumber(now);
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : localDate(at);
}

/** The question table; the LAST · DUE column only once something has been practised (before, every row is "new"). */
export function renderQuestionList(rows: Listing['rows'], practice: PracticeById | undefined, { width, style, now }: ListOptions): string {
  const withStatus = practice !== undefined && rows.some((q) => practice.has(q.id));
  const headers = ['ID', 'CATEGORY', 'DIFF', ...(withStatus ? ['LAST · DUE'] : []), 'QUESTION'];
  const cells = rows.map((q) => [
    q.id,
    q.category,
    String(q.difficulty),
    ...(withStatus ? [practiceStatus(practice.get(q.id), now)] : []),
    clean(q.question).replace(/\s+/g, ' '),
  ]);
  const practised = withStatus ? rows.filter((q) => practice.has(q.id)).length : 0;
  const counts = withStatus ? `${plural(rows.length, 'question')}, ${practised} practised` : plural(rows.length, 'question');
  return renderTable(headers, cells, width, style) + style.dim(`${counts}; 'rmprep show <id>' for one in full\n`);
}

/** The tags in use and how many questions carry each. */
export function renderTagList(tags: readonly { tag: string; questions: number }[], { width, style }: Omit<ListOptions, 'now'>): string {
  const table = renderTable(['TAG', 'QUESTIONS'], tags.map((t) => [clean(t.tag), String(t.questions)]), width, style);
  return table + style.dim(`${plural(tags.length, 'tag')}; 'rmprep list --tag <tag>' for the questions of one\n`);
}
