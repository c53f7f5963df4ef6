import { analyzeAnswer } from '../coach/index.js';
import type { Category, Question } from '../questions/schema.js';
import type { Story } from './parse.js';

/** A story that covers at least this share of a question's talking points fits it. */
export const GOOD_FIT = 0.34;
const TAG_BONUS = 0.1;
const MAX_HINTS = 3;

export interface StoryFit {
  slug: string;
  /** 0..1: the share of the question's talking points the coach hears in the story; 1 when pinned. */
  fit: number;
  pinned: boolean;
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

/** How well one story answers one question, by the coach's reading of the story against the talking points. */
export function fitStory(story: Story, question: Question): StoryFit {
  if (story.questions.includes(question.id)) return { slug: story.slug, fit: 1, pinned: true };
  const report = analyzeAnswer(question, story.body);
  const shared = story.tags.filter((t) => question.tags.includes(t)).length;
  const fit = Math.min(1, report.coverage + TAG_BONUS * shared);
  return { slug: story.slug, fit: Math.round(fit * 100) / 100, pinned: false };
}

function ranked(stories: readonly Story[], question: Question): StoryFit[] {
  return stories.map((s) => fitStory(s, question)).sort((a, b) => b.fit - a.fit || (a.slug < b.slug ? -1 : 1));
}

/** For each question that wants a story, every story best first; and the questions no story fits. Pure. */
export function matchStories(stories: readonly Story[], questions: readonly Question[], { category }: { category?: Category | undefined } = {}): StoryMatrix {
  const rows = questions
    .filter((q) => wantsStory(q) && (!category || q.category === category))
    .map((q): QuestionMatch => ({ id: q.id, category: q.category, question: q.question, stories: ranked(stories, q) }));
  const gaps = rows.filter((r) => (r.stories[0]?.fit ?? 0) < GOOD_FIT).map((r) => r.id);
  return { questions: rows, gaps };
}

/** The few stories worth suggesting for a question in the drill: those that fit, best first. */
export function storiesForQuestion(stories: readonly Story[], question: Question): StoryFit[] {
  if (stories.length === 0 || !wantsStory(question)) return [];
  return ranked(stories, question)
    .filter((f) => f.fit >= GOOD_FIT)
    .slice(0, MAX_HINTS);
}
