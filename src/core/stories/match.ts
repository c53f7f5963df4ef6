import { analyzeAnswer } from '../coach/index.js';
import type { Category, Question } from '../questions/schema.js';
import type { Story } from './parse.js';
import { findTells, type Tells } from './must-tell.js';
import { topicSimilarity } from './topic.js';

/** A story whose fit reaches this answers the question; below it, the question is a gap. */
export const GOOD_FIT = 0.25;
const TAG_BONUS = 0.1;
/**
 * The coach hears a talking point in many a story that is about something else (a hotfix story "gives
 * feedback" in its postmortem), so the coverage counts in full only for a story on the question's subject
 * (a topic similarity of 0.15 or more) and a quarter of it for a story on another subject. Calibrated on
 * stories of one subject each (test/unit/stories.test.ts): on-subject fits 0.28 and up, others 0.10 and under.
 */
const TOPIC_FLOOR = 0.25;
const TOPIC_FULL = 0.2;
const MAX_HINTS = 3;
/**
 * A story that lacks what the question asks for (its `mustTell`) does not answer it, however many talking
 * points it touches: its fit is halved and kept under GOOD_FIT, so it shows as near rather than as a fit.
 */
const LACKS_CAP = 0.24;

export interface StoryFit {
  slug: string;
  /** 0..1: mostly the share of the question's talking points the coach hears in the story; 1 when pinned. */
  fit: number;
  pinned: boolean;
  /** What the question needs the story to tell, and the story's words for it (null: missing). */
  tells?: Tells;
}

export interface QuestionMatch {
  id: string;
  category: Category;
  question: string;
  stories: StoryFit[];
}

export interface StoryMatrix {
  questions: QuestionMatch[];
  /** Questions no story fits well. */
  gaps: string[];
}

// Common questions that want a story rather than an opinion.
const ASKS_FOR_EXAMPLE = /\b(tell me about a time|give me an example|describe a (?:time|situation)|walk me through a time|an example of|a time when|a time you)\b/i;

/** Behavioral questions, and any other that asks for an example from the candidate's past. */
export function wantsStory(q: Pick<Question, 'category' | 'question'>): boolean {
  return q.category === 'behavioral' || ASKS_FOR_EXAMPLE.test(q.question);
}

/**
 * How well one story answers one question: the coach's reading of the story against the talking points,
 * with `bank` telling words every question shares from specific ones, and the story's closeness to what the
 * question asks.
 */
export function fitStory(story: Story, question: Question, bank: readonly Question[]): StoryFit {
  const tells = findTells(question, story.body);
  const element = tells ? { tells } : {};
  if (story.questions.includes(question.id)) return { slug: story.slug, fit: 1, pinned: true, ...element };
  const { coverage } = analyzeAnswer(question, story.body, bank);
  const onSubject = Math.min(1, TOPIC_FLOOR + topicSimilarity(question, story.body, bank) / TOPIC_FULL);
  const shared = story.tags.filter((t) => question.tags.includes(t)).length;
  const heard = Math.min(1, coverage * onSubject + TAG_BONUS * shared);
  const fit = tells && tells.found === null ? Math.min(heard / 2, LACKS_CAP) : heard;
  return { slug: story.slug, fit: Math.round(fit * 100) / 100, pinned: false, ...element };
}

function ranked(stories: readonly Story[], question: Question, bank: readonly Question[]): StoryFit[] {
  return stories.map((s) => fitStory(s, question, bank)).sort((a, b) => b.fit - a.fit || (a.slug < b.slug ? -1 : 1));
}

/** For each question of the bank that wants a story, every story best first; and the questions no story fits. Pure. */
export function matchStories(stories: readonly Story[], bank: readonly Question[], { category }: { category?: Category | undefined } = {}): StoryMatrix {
  const rows = bank
    .filter((q) => wantsStory(q) && (!category || q.category === category))
    .map((q): QuestionMatch => ({ id: q.id, category: q.category, question: q.question, stories: ranked(stories, q, bank) }));
  const gaps = rows.filter((r) => (r.stories[0]?.fit ?? 0) < GOOD_FIT).map((r) => r.id);
  return { questions: rows, gaps };
}

/** The few stories worth suggesting for a question in the drill: those that fit, best first. */
export function storiesForQuestion(stories: readonly Story[], question: Question, bank: readonly Question[]): StoryFit[] {
  if (stories.length === 0 || !wantsStory(question)) return [];
  return ranked(stories, question, bank)
    .filter((f) => f.fit >= GOOD_FIT)
    .slice(0, MAX_HINTS);
}
