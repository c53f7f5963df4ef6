import { z } from 'zod';
import { CATEGORIES, ID_PATTERN } from './categories.js';

export { CATEGORIES, ID_PATTERN, type Category } from './categories.js';
export const categorySchema = z.enum(CATEGORIES);
const text = z.string().trim().min(1, 'must not be empty');

const idText = z.string().regex(ID_PATTERN, 'must be kebab-case: lowercase letters, digits and single hyphens');

/** A point a strong answer makes; `id` names it for phrasings, follow-ups and story fits (derived from the wording when absent). */
export const keyPointSchema = z.strictObject({
  id: idText.optional(),
  point: text,
  terms: z.array(text).min(1, 'needs at least one term'),
});
export interface KeyPoint {
  id: string;
  point: string;
  terms: string[];
}

/** What a story must contain to answer a behavioral question at all, and the words that show it. */
export const mustTellSchema = z.strictObject({
  what: text,
  terms: z.array(text).min(1, 'needs at least one term'),
});

export const starSchema = z.strictObject({
  situation: text,
  task: text,
  action: text,
  result: text,
});
export type StarPrompts = z.infer<typeof starSchema>;

/**
 * A likely next question, with an optional one-line hint on what a good answer covers. A file may write
 * it as plain text; loading always gives the object, so callers handle one shape.
 */
const followUpObjectSchema = z.strictObject({ question: text, hint: text.optional(), probes: idText.optional() });
export type FollowUp = z.infer<typeof followUpObjectSchema>;
export const followUpSchema = z.union([text.transform((question): FollowUp => ({ question })), followUpObjectSchema], {
  error: 'must be a question, or a map with "question" and an optional "hint"',
});

/** A question as written in a file; `id`, `category` and `answer` may come from the file itself. */
export const questionSchema = z.strictObject({
  id: idText,
  /** Ids this question was known by before a merge or rename; history, plans and stories follow them. */
  aliases: z.array(idText).optional(),
  category: categorySchema,
  /** A case exercise's scenario, shown before the question. */
  brief: text.optional(),
  question: text,
  why: text.optional(),
  keyPoints: z.array(keyPointSchema).default([]),
  answer: text,
  tip: text.optional(),
  star: starSchema.optional(),
  framework: z.array(text).optional(),
  followUps: z.array(followUpSchema).default([]),
  mustTell: mustTellSchema.optional(),
  /** How job postings ask for what this question probes, as duty lines: `tailor` reads them, the coach does not. */
  duties: z.array(text.max(160, 'a duty is one line of at most 160 characters')).max(8, 'at most 8 duties').optional(),
  tags: z.array(z.string().regex(ID_PATTERN, 'tags must be kebab-case')).default([]),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }).default(2),
});

/** A question as the schema reads it: key points may still lack ids. */
export type RawQuestionData = z.infer<typeof questionSchema>;
/** A question once parsed: every key point has an id. */
export type QuestionData = Omit<RawQuestionData, 'keyPoints'> & { keyPoints: KeyPoint[] };

/** A loaded question: the data plus where it came from. */
export interface Question extends QuestionData {
  /** `replacesBundled`: a question of the user's that replaces the bundled one with its id. */
  source: { file: string; line: number; bundled: boolean; replacesBundled?: boolean };
}
