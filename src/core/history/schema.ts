import { z } from 'zod';
import { categorySchema } from '../questions/schema.js';
import { RATINGS } from './ratings.js';
import { isIsoInstant } from './iso-instant.js';
export { isIsoInstant } from './iso-instant.js';

/** The newest history format this build reads and writes. 1 had no scheduling state. */
export const HISTORY_VERSION = 2;
export { RATINGS, type Rating } from './ratings.js';
export const ratingSchema = z.enum(RATINGS);


const isoDate = z.string().refine(isIsoInstant, 'must be an ISO-8601 date and time');

export const headerSchema = z.object({
  rmprep: z.literal('history'),
  version: z.number().int().min(1),
});
export type Header = z.infer<typeof headerSchema>;

/** FSRS card state after a review, as ts-fsrs computes it (dates as ISO strings). */
export const cardSchema = z.object({
  due: isoDate,
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsed_days: z.number().nonnegative(),
  scheduled_days: z.number().nonnegative(),
  learning_steps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  state: z.number().int().min(0).max(3),
  last_review: isoDate.optional(),
});
export type StoredCard = z.infer<typeof cardSchema>;

export const attemptSchema = z.object({
  type: z.literal('attempt'),
  id: z.string().min(1),
  questionId: z.string().min(1),
  category: categorySchema,
  at: isoDate,
  rating: ratingSchema,
  mode: z.enum(['typed', 'editor', 'spoken']),
  seconds: z.number().nonnegative(),
  answer: z.string().optional(),
  score: z.number().min(0).max(100).optional(),
  timeLimit: z.number().positive().optional(),
  overTime: z.boolean().optional(),
  session: z.string().optional(),
  /** The slug of the user's story the answer told, when they picked one. */
  story: z.string().max(200).optional(),
  /** The words-only coach score when a model grader or a taught phrasing raised `score`. */
  wordsScore: z.number().min(0).max(100).optional(),
  /** How the answer was read: by its words alone, or with a model grader (its name and the URL's origin only). */
  reading: z.union([z.literal('words'), z.object({ model: z.string().max(200), origin: z.string().max(300) })]).optional(),
  /** Points credited other than by words, each with the answer's words that made it. */
  credits: z.array(z.object({ point: z.string().max(200), by: z.enum(['model', 'phrasing']), quote: z.string().max(2000) })).max(100).optional(),
  card: cardSchema.optional(),
});
export type AttemptRecord = z.infer<typeof attemptSchema>;

export const sessionSchema = z.object({
  type: z.literal('session'),
  id: z.string().min(1),
  at: isoDate,
  plan: z.string().optional(),
  timeLimit: z.number().positive().optional(),
  /** Attempts recorded outside a drill (coach --record), gathered into one session. */
  scripted: z.boolean().optional(),
});
export type SessionRecord = z.infer<typeof sessionSchema>;

export const recordSchema = z.discriminatedUnion('type', [attemptSchema, sessionSchema]);
export type HistoryRecord = z.infer<typeof recordSchema>;

/** What a caller supplies to record an attempt; the store adds the id and scheduling state. */
export type AttemptDraft = Omit<AttemptRecord, 'type' | 'id' | 'card'>;
