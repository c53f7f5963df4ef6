import type { PracticeById, QuestionPractice } from '../core/history/practice.js';
import type { Listing } from '../core/questions/cache-shape.js';
import { plural } from '../core/text/plural.js';
import { describeDueShort } from './due-text.js';
import { CATEGORY_LABEL, clean, renderTable, truncate, wrap } from './render.js';
import { RATING_WORD } from './rating-words.js';
import type { Style } from './style.js';
import { columns } from './text.js';

export interface ListOptions {
  width: number;
  style: Style;
  now: Date;
}

/**
 * Where a question stands, in a few columns: "new", or its last rating and when it is due in short
 * calendar words ("now", "today", "in 3d", "in 5w", "in 2y"), narrow enough to leave the question room
 * on an 80-column line.
 */
export function practiceStatus(practice: QuestionPractice | undefined, now: Date): string {
  if (!practice) return 'new';
  const rating = RATING_WORD[practice.lastRating];
  // Attempts saved before scheduling existed have no due date.
  return practice.due ? `${rating} · ${describeDueShort(practice.due, now)}` : rating;
}

/** Past this many columns an id gets a line of its own rather than widening every row. */
const MAX_ID_COLUMN = 40;

/** With fewer columns than this left for the question, it goes on a line of its own. */
const MIN_QUESTION = 20;

const GAP = '  ';
const INDENT = '  ';

interface Column {
  header: string;
  cells: string[];
  width: number;
}

function toColumn(header: string, cells: string[]): Column {
  return { header, cells, width: cells.reduce((w, c) => Math.max(w, columns(c)), columns(header)) };
}

function pad(cell: string, width: number): string {
  return cell + ' '.repeat(Math.max(0, width - columns(cell)));
}

/** How far back a cut question may end at a word instead, so the row reads "a time you…", not "a time you ta…". */
const WORD_BACKTRACK = 10;

function shorten(text: string, width: number): string {
  const cut = truncate(text, width);
  if (cut === text) return cut;
  const kept = cut.slice(0, -1);
  if (/\s/.test(text[kept.length] ?? '')) return `${kept.trimEnd()}…`;
  const space = kept.lastIndexOf(' ');
  return space > 0 && kept.length - space <= WORD_BACKTRACK ? `${kept.slice(0, space).trimEnd()}…` : cut;
}

/**
 * The question table; the LAST · DUE column only once something has been practised (before, every row is
 * "new"). Ids are never cut, as they are what people type. When the row would leave the question too
 * little room, the category becomes a heading over its questions; when even that is too wide, the
 * question goes on an indented line under its row. Either way no line is wider than `width`, bar an
 * id longer than the line itself.
 */
export function renderQuestionList(rows: Listing['rows'], practice: PracticeById | undefined, { width, style, now }: ListOptions): string {
  const withStatus = practice !== undefined && rows.some((q) => practice.has(q.id));
  const ids = toColumn('ID', rows.map((q) => clean(q.id)));
  ids.width = Math.min(MAX_ID_COLUMN, ids.width);
  const category = toColumn('CATEGORY', rows.map((q) => q.category));
  const rest = [toColumn('DIFF', rows.map((q) => String(q.difficulty)))];
  if (withStatus) rest.push(toColumn('LAST · DUE', rows.map((q) => practiceStatus(practice.get(q.id), now))));
  const questions = rows.map((q) => clean(q.question).replace(/\s+/g, ' '));
  const span = (cols: Column[]) => cols.reduce((sum, c) => sum + GAP.length + c.width, 0);

  const lines: string[] = [];
  const header = (cols: Column[], question: string | undefined) => {
    const cells = [pad('ID', ids.width), ...cols.map((c) => pad(c.header, c.width))];
    const text = question === undefined ? cells.join(GAP).trimEnd() : [...cells, question].join(GAP);
    lines.push(style.bold(text));
  };
  // The columns after the id, padded; a row whose id is wider than the id column starts them on a line of its own.
  const row = (i: number, cols: Column[], after: string | undefined) => {
    const id = ids.cells[i] ?? '';
    const cells = cols.map((c) => pad(c.cells[i] ?? '', c.width));
    if (after !== undefined) cells.push(after);
    const tail = cells.join(GAP);
    if (columns(id) <= ids.width) lines.push(`${pad(id, ids.width)}${GAP}${tail}`.trimEnd());
    else lines.push(id, `${' '.repeat(ids.width)}${GAP}${tail}`.trimEnd());
  };

  const room = width - ids.width - span([category, ...rest]) - GAP.length;
  if (room >= MIN_QUESTION) {
    header([category, ...rest], 'QUESTION');
    rows.forEach((_, i) => row(i, [category, ...rest], shorten(questions[i] ?? '', room)));
  } else {
    const headings = categoryHeadings(rows, style);
    const groupedRoom = width - ids.width - span(rest) - GAP.length;
    // Stacked, the id column shrinks to what fits beside the others: a longer id then has a line of its own.
    if (groupedRoom < MIN_QUESTION) ids.width = Math.max(columns('ID'), Math.min(ids.width, width - span(rest)));
    if (groupedRoom >= MIN_QUESTION) header(rest, 'QUESTION');
    else {
      header(rest, undefined);
      lines.push(style.bold(`${INDENT}QUESTION`));
    }
    rows.forEach((_, i) => {
      const heading = headings.get(i);
      if (heading !== undefined) lines.push(heading);
      if (groupedRoom >= MIN_QUESTION) row(i, rest, shorten(questions[i] ?? '', groupedRoom));
      else {
        row(i, rest, undefined);
        lines.push(INDENT + shorten(questions[i] ?? '', Math.max(10, width - INDENT.length)));
      }
    });
  }
  const practised = withStatus ? rows.filter((q) => practice.has(q.id)).length : 0;
  const counts = withStatus ? `${plural(rows.length, 'question')}, ${practised} practised` : plural(rows.length, 'question');
  lines.push(...wrap(`${counts}; 'rmprep show <id>' for one in full`, width).split('\n').map((line) => style.dim(line)));
  return `${lines.join('\n')}\n`;
}

/** A heading ("Behavioral (24)") before the first row of each run of one category, by row index. */
function categoryHeadings(rows: Listing['rows'], style: Style): Map<number, string> {
  const headings = new Map<number, string>();
  let start = 0;
  rows.forEach((q, i) => {
    const next = rows[i + 1];
    if (next && next.category === q.category) return;
    headings.set(start, style.heading(`${CATEGORY_LABEL[q.category]} (${i + 1 - start})`));
    start = i + 1;
  });
  return headings;
}

/** The tags in use and how many questions carry each. */
export function renderTagList(tags: readonly { tag: string; questions: number }[], { width, style }: Omit<ListOptions, 'now'>): string {
  const table = renderTable(['TAG', 'QUESTIONS'], tags.map((t) => [clean(t.tag), String(t.questions)]), width, style);
  return table + style.dim(`${plural(tags.length, 'tag')}; 'rmprep list --tag <tag>' for the questions of one\n`);
}
