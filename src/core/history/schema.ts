import { z } from 'zod';
import { categorySchema } from '../questions/schema.js';
import { RATINGS } from './ratings.js';
import { isIsoInstant } from './iso-instant.js';
export { isIsoInstant } from './iso-instant.js';

/**
 * The newest history format this build reads and writes. 1 had no scheduling state; 2 named a session by
 * the person's own name; 3 gives sessions generated ids (the name is a label) and adds undo and rerate.
 */
export const HISTORY_VERSION = 3;
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
  card: cardSchema.optional(),
  /** The words-only coach score, beside `score` (the score shown, from the reading used). */
  wordsScore: z.number().min(0).max(100).optional(),
  /** How the answer was read: by the words alone, or by a model (its name and the server's origin). */
  reading: z.union([z.literal('words'), z.object({ model: z.string().min(1).max(200), origin: z.string().min(1).max(500) })]).optional(),
  /** Talking points credited to the answer, and what credited each. */
  credits: z.array(z.object({ point: z.string().min(1).max(200), by: z.enum(['model', 'phrasing']), quote: z.string().max(2000) })).max(200).optional(),
  /** Follow-up questions asked after the answer; `heard` is null for a spoken answer. */
  followUps: z
    .array(
      z.object({
        question: z.string().max(2000),
        probes: z.string().min(1).max(200).nullable(),
        answer: z.string().optional(),
        heard: z.boolean().nullable(),
      }),
    )
    .max(50)
    .optional(),
});
export type AttemptRecord = z.infer<typeof attemptSchema>;

export const sessionSchema = z.object({
  type: z.literal('session'),
  id: z.string().min(1),
  /** The person's own name for it (`--session <name>`); several sessions may share one. */
  label: z.string().min(1).max(200).optional(),
  at: isoDate,
  plan: z.string().optional(),
  timeLimit: z.number().positive().optional(),
  /** Attempts recorded outside a drill (coach --record), gathered into one session. */
  scripted: z.boolean().optional(),
});
export type SessionRecord = z.infer<typeof sessionSchema>;

/** Takes an attempt back: it counts nowhere from then on. */
export const undoSchema = z.object({
  type: z.literal('undo'),
  id: z.string().min(1),
  at: isoDate,
  attempt: z.string().min(1),
});
export type UndoRecord = z.infer<typeof undoSchema>;

/** Changes an attempt's rating: it counts with this one from then on. */
export const rerateSchema = z.object({
  type: z.literal('rerate'),
  id: z.string().min(1),
  at: isoDate,
  attempt: z.string().min(1),
  rating: ratingSchema,
});
export type RerateRecord = z.infer<typeof rerateSchema>;

export const recordSchema = z.discriminatedUnion('type', [attemptSchema, sessionSchema, undoSchema, rerateSchema]);
/** The record types this build knows; a line of another type is skipped, so newer files still read. */
export const RECORD_TYPES: ReadonlySet<string> = new Set(['attempt', 'session', 'undo', 'rerate']);
export type HistoryRecord = z.infer<typeof recordSchema>;

/** What a caller supplies to record an attempt; the store adds the id and scheduling state. */
export type AttemptDraft = Omit<AttemptRecord, 'type' | 'id' | 'card'>;
