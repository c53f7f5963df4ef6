import { GOOD_FIT, type StoryFit, type StoryMatrix } from '../core/stories/match.js';
import type { Tells } from '../core/stories/must-tell.js';
import type { Category } from '../core/questions/schema.js';
import { STAR_PARTS, type Story } from '../core/stories/parse.js';
import { clean, truncate, wrap } from './render.js';
import type { Style } from './style.js';
import { wrapText } from './text.js';
import { countWords } from '../core/coach/text.js';
import { plural } from '../core/text/plural.js';

export interface StoryScreen {
  width: number;
  style: Style;
}

const oneLine = (s: string) => clean(s).replace(/\s+/g, ' ');

/** The labelled STAR parts of a story, or "free text". */
export function starSummary(story: Story): string {
  const parts = STAR_PARTS.filter((p) => story.star[p]);
  return parts.length === 0 ? 'free text' : parts.map((p) => p[0]?.toUpperCase()).join('');
}

export function renderStoryList(stories: readonly Story[], { width, style }: StoryScreen): string {
  const out: string[] = [];
  for (const s of stories) {
    out.push(`${style.bold(s.slug)}  ${truncate(oneLine(s.title), Math.max(10, width - s.slug.length - 2))}`);
    const details = [plural(countWords(s.body), 'word'), starSummary(s)];
    if (s.tags.length > 0) details.push(`tags: ${s.tags.join(', ')}`);
    if (s.questions.length > 0) details.push(`pinned to: ${s.questions.join(', ')}`);
    out.push(...wrapText(details.join('; '), width, '  ').map((l) => style.dim(l)));
  }
  out.push(style.dim(`${stories.length} stor${stories.length === 1 ? 'y' : 'ies'}; 'rmprep story show <slug>' for one in full`));
  return `${out.join('\n')}\n`;
}

export function renderStory(story: Story, { width, style }: StoryScreen): string {
  const out = [style.heading(oneLine(story.title)), style.dim(story.slug)];
  if (story.tags.length > 0) out.push(style.dim(`tags: ${story.tags.join(', ')}`));
  if (story.questions.length > 0) out.push(style.dim(`pinned to: ${story.questions.join(', ')}`));
  out.push('', wrap(clean(story.body), width));
  return `${out.join('\n')}\n`;
}

/** The heading above `story check`: what the story was read against. */
export function renderCheckHeading(story: Story, against: string | undefined, { width, style }: StoryScreen): string {
  const what = against ? `as an answer to ${against}` : 'as an answer to a behavioral question (pin it to a question for talking points)';
  return `${wrapText(`${style.heading(oneLine(story.title))} ${style.dim(what)}`, width).join('\n')}\n\n`;
}


/**
 * The fit of every story to every question as a grid: one row a question, one column a story (numbered,
 * with a key below). Too many stories for the width: each row lists its best three instead.
 */
export function renderStoryMatrix(matrix: StoryMatrix, slugs: readonly string[], { width, style }: StoryScreen): string {
  const cell = 5;
  const idWidth = Math.min(34, Math.max(...matrix.questions.map((q) => q.id.length), 8));
  const mark = (fit: number, pinned: boolean, lacks: boolean) => {
    const text = pinned ? 'pin' : fit === 0 ? '·' : `${Math.round(fit * 100)}${lacks ? '×' : ''}`;
    const padded = text.padStart(cell - 1);
    return pinned || fit >= 0.6 ? style.good(padded) : fit >= GOOD_FIT ? style.warn(padded) : style.dim(padded);
  };
  const out: string[] = [];
  const grid = idWidth + 2 + slugs.length * cell <= width;
  if (grid) {
    out.push(`${'QUESTION'.padEnd(idWidth)}  ${slugs.map((_, i) => `S${i + 1}`.padStart(cell - 1)).join(' ')}`);
    for (const q of matrix.questions) {
      const bySlug = new Map(q.stories.map((s) => [s.slug, s]));
      const cells = slugs.map((slug) => mark(bySlug.get(slug)?.fit ?? 0, bySlug.get(slug)?.pinned ?? false, lacks(bySlug.get(slug))));
      out.push(`${truncate(q.id, idWidth).padEnd(idWidth)}  ${cells.join(' ')}`);
    }
    out.push('', ...slugs.map((slug, i) => style.dim(`S${i + 1} ${slug}`)));
  } else {
    for (const q of matrix.questions) {
      const best = q.stories.slice(0, 3).map((s) => `${s.slug} ${s.pinned ? 'pin' : Math.round(s.fit * 100)}${lacks(s) ? '×' : ''}`);
      out.push(...wrapText(`${style.bold(q.id)}: ${best.join(', ')}`, width, '', '  '));
    }
  }
  const legend = `Fit: the talking points the coach hears in the story, in full when it is on the question's subject (${Math.round(GOOD_FIT * 100)}+ fits; pin = you pinned it).`;
  out.push(...wrapText(legend, width).map((line) => style.dim(line)));
  out.push(...wrapText("× the story does not tell what the question asks for (a mistake of your own, a no to someone senior...): it cannot answer it. 'rmprep story check <slug>' shows what is missing.", width).map((line) => style.dim(line)));
  if (matrix.gaps.length > 0) {
    out.push('', style.heading(`No story fits these ${matrix.gaps.length} yet:`));
    out.push(...wrapText(matrix.gaps.join(', '), width, '  '));
  }
  return `${out.join('\n')}\n`;
}

const lacks = (fit: StoryFit | undefined) => fit?.tells !== undefined && fit.tells.found === null;

/** What the pinned question needs the story to tell, and whether it does, above `story check`'s report. */
export function renderTells(tells: Tells, { width, style }: StoryScreen): string {
  const line = tells.found === null
    ? `${style.warn('Missing:')} ${oneLine(tells.what)}. Without it the story does not answer this question; add it, or pin the story to another.`
    : `${style.good('Tells:')} ${oneLine(tells.what)}: "${oneLine(tells.found)}"${tells.heardBy === 'model' ? ' (heard by the model grader)' : ''}`;
  return `${wrapText(line, width).join('\n')}\n\n`;
}

/** `story match` with no question to match: why, and what to run instead. */
export function renderEmptyMatrix(category: Category | undefined, { width }: StoryScreen): string {
  const why = category
    ? `No ${category} question asks for a story from your past, so there is nothing to match. Stories answer behavioral questions: run 'rmprep story match --category behavioral', or leave out --category.`
    : "No question in the bank asks for a story from your past, so there is nothing to match. Add behavioral questions with 'rmprep new', or load a bank that has some.";
  return `${wrapText(why, width).join('\n')}\n`;
}
