import { createEmptyCard, fsrs, generatorParameters, Rating as FsrsRating, type Card, type Grade } from 'ts-fsrs';
import type { Rating, StoredCard } from '../history/schema.js';

// Fuzz off: the same history must always give the same schedule. One learning step: Again (1 min) and Hard
// (2 min) bring a question back within the session, while Good and Easy on a new question graduate it at
// once, so it is not due again the same day.
const scheduler = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: true, learning_steps: ['1m'] }));

const GRADES: Record<Rating, Grade> = {
  again: FsrsRating.Again,
  hard: FsrsRating.Hard,
  good: FsrsRating.Good,
  easy: FsrsRating.Easy,
};

/** The card state after rating a question at `now`, starting from its previous state (or a new card). */
export function scheduleReview(previous: StoredCard | undefined, rating: Rating, now: Date): StoredCard {
  const card = previous ? toCard(previous) : createEmptyCard(now);
  const next = scheduler.next(card, now, GRADES[rating]).card;
  return fromCard(next);
}

function toCard(c: StoredCard): Card {
  return {
    ...c,
    due: new Date(c.due),
    last_review: c.last_review ? new Date(c.last_review) : undefined,
    state: c.state,
  } as Card;
}

function fromCard(c: Card): StoredCard {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    ...(c.last_review ? { last_review: c.last_review.toISOString() } : {}),
  };
}
