import type { Summary } from '../history/summary.js';
import { rankCategories, type CategoryNeed } from './need.js';
import type { Category, QuestionKey } from '../questions/categories.js';
import type { Question } from '../questions/schema.js';
import { shuffle, type Rng } from '../random.js';

export type PickReason = 'due' | 'new' | 'review';


export interface Pick<Q extends QuestionKey = Question> {
  question: Q;
  reason: PickReason;
  /** When the question is due again, for practiced ones. */
  due: string | undefined;
  /** A sentence saying why it was picked. */
  why: string;
}

export interface OrderOptions {
  now: Date;
  rng: Rng;
  /** Only questions that are due, or only ones never practiced. */
  only?: 'due' | 'new' | undefined;
  /**
   * 'weighted' mixes categories at random in proportion to their need (a drill);
   * 'strict' takes the neediest category first (what to study next).
   */
  mode?: 'weighted' | 'strict';
}

/**
 * Orders questions for practice: due ones first (longest overdue first), then the categories that need
 * practice most, new questions before ones already seen. Pure: time and randomness are passed in.
 */
export function orderQuestions<Q extends QuestionKey>(questions: readonly Q[], summary: Summary, opts: OrderOptions): Pick<Q>[] {
  const now = opts.now.getTime();
  const needs = new Map(rankCategories(questions, summary, opts.now).map((n) => [n.category, n]));
  const due: Pick<Q>[] = [];
  const fresh = new Map<Category, Pick<Q>[]>();
  const seen = new Map<Category, Pick<Q>[]>();
  for (const question of shuffle(questions, opts.rng)) {
    const s = summary.questions[question.id];
    const dueAt = s?.card?.due;
    if (!s) {
      push(fresh, question.category, { question, reason: 'new', due: undefined, why: whyNew(needs.get(question.category)) });
    } else if (dueAt !== undefined && Date.parse(dueAt) <= now) {
      due.push({ question, reason: 'due', due: dueAt, why: whyDue(dueAt, s.recentRatings) });
    } else {
      push(seen, question.category, { question, reason: 'review', due: dueAt, why: whyReview(dueAt, needs.get(question.category)) });
    }
  }
  due.sort((a, b) => Date.parse(a.due as string) - Date.parse(b.due as string));
  if (opts.only === 'due') return due;
  for (const list of seen.values()) list.sort((a, b) => Date.parse(a.due ?? '') - Date.parse(b.due ?? ''));
  const queues = new Map<Category, Pick<Q>[]>();
  for (const category of needs.keys()) {
    const list = [...(fresh.get(category) ?? []), ...(opts.only === 'new' ? [] : (seen.get(category) ?? []))];
    if (list.length > 0) queues.set(category, list);
  }
  const rest = interleave(queues, needs, opts.rng, opts.mode ?? 'weighted');
  return opts.only === 'new' ? rest : [...due, ...rest];
}

function interleave<P>(queues: Map<Category, P[]>, needs: Map<Category, CategoryNeed>, rng: Rng, mode: 'weighted' | 'strict'): P[] {
  const out: P[] = [];
  const live = new Map([...queues].map(([c, q]) => [c, [...q]]));
  while (live.size > 0) {
    const categories = [...live.keys()];
    const category = mode === 'strict' ? neediest(categories, needs) : weightedChoice(categories, needs, rng);
    const queue = live.get(category) as P[];
    out.push(queue.shift() as P);
    if (queue.length === 0) live.delete(category);
  }
  return out;
}

/** The neediest category; a tie goes to the one ranked first, so `next` and `stats` recommend the same. */
function neediest(categories: Category[], needs: Map<Category, CategoryNeed>): Category {
  const top = Math.max(...categories.map((c) => needs.get(c)?.need ?? 0));
  const ranked = [...needs.keys()];
  const tied = categories.filter((c) => Math.abs((needs.get(c)?.need ?? 0) - top) < 1e-9);
  return tied.sort((a, b) => ranked.indexOf(a) - ranked.indexOf(b))[0] as Category;
}

/** Picks a category with probability growing with the square of its need; every category keeps some chance. */
function weightedChoice(categories: Category[], needs: Map<Category, CategoryNeed>, rng: Rng): Category {
  const weights = categories.map((c) => (needs.get(c)?.need ?? 0) ** 2 + 0.05);
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < categories.length; i++) {
    r -= weights[i] as number;
    if (r < 0) return categories[i] as Category;
  }
  return categories[categories.length - 1] as Category;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const RATING_WORDS = ['', 'again', 'hard', 'good', 'easy'];

function whyDue(due: string, ratings: number[]): string {
  const last = ratings[ratings.length - 1];
  return `due for review since ${due.slice(0, 10)}${last ? ` (last rated ${RATING_WORDS[last]})` : ''}`;
}

function whyNew(need: CategoryNeed | undefined): string {
  return need ? `new question; ${need.category} needs practice (need ${Math.round(need.need * 100)}/100)` : 'new question';
}

function whyReview(due: string | undefined, need: CategoryNeed | undefined): string {
  const when = due ? `not due until ${due.slice(0, 10)}` : 'practiced before';
  return need ? `${when}; extra practice for ${need.category} (need ${Math.round(need.need * 100)}/100)` : when;
}
