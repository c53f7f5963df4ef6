import { localDay, type Summary } from '../history/summary.js';
import { mean, rankCategories } from './need.js';
import type { Category, Question } from '../questions/schema.js';

const DAY_MS = 86_400_000;
export const ACTIVITY_DAYS = 14;

export interface CategoryStats {
  category: Category;
  questions: number;
  practiced: number;
  attempts: number;
  averageRating: number | null;
  averageScore: number | null;
  lastPracticed: string | null;
  /** 0..100, higher means more practice needed. */
  need: number;
  /** 0..100: share of its questions last rated good or easy and not yet due again. */
  mastery: number;
  due: number;
  weakest: { id: string; question: string; averageRating: number; lapses: number }[];
}

export interface Stats {
  totalAttempts: number;
  questions: number;
  practiced: number;
  categories: CategoryStats[];
  /** Due at this moment: what `drill --due` would ask. */
  dueNow: number;
  dueToday: number;
  dueThisWeek: number;
  streak: { current: number; longest: number; practicedToday: boolean };
  activity: { date: string; attempts: number }[];
  next: { category: Category; command: string } | null;
  /** Follow-ups asked, judged (typed answers) and how many of those recovered the point the first answer missed. */
  followUps: { asked: number; judged: number; recovered: number };
}

/** Figures for `rmprep stats`, from the bank, the history summary and the current time. Pure. */
export function computeStats(questions: readonly Question[], summary: Summary, now: Date): Stats {
  const endOfToday = new Date(now);
  endOfToday.setHours(23, 59, 59, 999);
  const weekAhead = now.getTime() + 7 * DAY_MS;
  let dueNow = 0;
  let dueToday = 0;
  let dueThisWeek = 0;
  const dueBy = new Map<Category, number>();
  const masteredBy = new Map<Category, number>();
  for (const q of questions) {
    const card = summary.questions[q.id]?.card;
    if (!card) continue;
    const due = Date.parse(card.due);
    if (due <= now.getTime()) dueNow++;
    if (due <= endOfToday.getTime()) {
      dueToday++;
      dueBy.set(q.category, (dueBy.get(q.category) ?? 0) + 1);
    }
    if (due <= weekAhead) dueThisWeek++;
    const last = summary.questions[q.id]?.recentRatings.at(-1) ?? 0;
    if (last >= 3 && due > now.getTime()) masteredBy.set(q.category, (masteredBy.get(q.category) ?? 0) + 1);
  }
  const categories = rankCategories(questions, summary, now).map((n): CategoryStats => ({
    category: n.category,
    questions: n.questions,
    practiced: n.practiced,
    attempts: n.attempts,
    averageRating: n.averageRating === undefined ? null : round(n.averageRating, 2),
    averageScore: n.averageScore === undefined ? null : Math.round(n.averageScore),
    lastPracticed: n.lastPracticed ?? null,
    need: Math.round(n.need * 100),
    mastery: Math.round(((masteredBy.get(n.category) ?? 0) / n.questions) * 100),
    due: dueBy.get(n.category) ?? 0,
    weakest: weakestIn(n.category, questions, summary),
  }));
  const top = categories[0];
  return {
    totalAttempts: summary.total,
    questions: questions.length,
    practiced: questions.filter((q) => summary.questions[q.id]).length,
    categories,
    dueNow,
    dueToday,
    dueThisWeek,
    streak: streakOf(summary.days, now),
    activity: activityOf(summary.days, now),
    next: top ? { category: top.category, command: dueNow > 0 ? 'rmprep drill --due' : `rmprep drill --category ${top.category}` } : null,
    followUps: { ...summary.followUps },
  };
}

function weakestIn(category: Category, questions: readonly Question[], summary: Summary): CategoryStats['weakest'] {
  return questions
    .filter((q) => q.category === category && summary.questions[q.id])
    .map((q) => {
      const s = summary.questions[q.id]!;
      return { id: q.id, question: q.question, averageRating: round(mean(s.recentRatings) ?? 0, 2), lapses: s.card?.lapses ?? 0 };
    })
    .filter((w) => w.averageRating < 3)
    .sort((a, b) => a.averageRating - b.averageRating || b.lapses - a.lapses || (a.id < b.id ? -1 : 1))
    .slice(0, 3);
}

/** Consecutive days with practice, ending today (or yesterday, when today has none yet). */
export function streakOf(days: Record<string, number>, now: Date): Stats['streak'] {
  const practicedToday = (days[localDay(now)] ?? 0) > 0;
  let current = 0;
  const cursor = new Date(now);
  if (!practicedToday) cursor.setDate(cursor.getDate() - 1);
  while ((days[localDay(cursor)] ?? 0) > 0) {
    current++;
    cursor.setDate(cursor.getDate() - 1);
  }
  let longest = 0;
  let run = 0;
  let previous: number | undefined;
  for (const key of Object.keys(days).sort()) {
    if ((days[key] ?? 0) === 0) continue;
    const day = Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / DAY_MS;
    run = previous !== undefined && day - previous === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return { current, longest: Math.max(longest, current), practicedToday };
}

export function activityOf(days: Record<string, number>, now: Date): Stats['activity'] {
  const out: Stats['activity'] = [];
  const cursor = new Date(now);
  cursor.setDate(cursor.getDate() - (ACTIVITY_DAYS - 1));
  for (let i = 0; i < ACTIVITY_DAYS; i++) {
    const date = localDay(cursor);
    out.push({ date, attempts: days[date] ?? 0 });
    cursor.setDate(cursor.getDate() + 1);
  }
  return out;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
