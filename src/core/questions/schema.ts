import { z } from 'zod';
import { CATEGORIES, ID_PATTERN } from './categories.js';

export { CATEGORIES, ID_PATTERN, type Category } from './categories.js';
export const categorySchema = z.enum(CATEGORIES);
const text = z.string().trim().min(1, 'must not be empty');

export const keyPointSchema = z.strictObject({
  point: text,
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
const followUpObjectSchema = z.strictObject({ question: text, hint: text.optional() });
export type FollowUp = z.infer<typeof followUpObjectSchema>;
export const followUpSchema = z.union([text.transform((question): FollowUp => ({ question })), followUpObjectSchema], {
  error: 'must be a question, or a map with "question" and an optional "hint"',
});

/** A question as written in a file; `id`, `category` and `answer` may come from the file itself. */
export const questionSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, 'must be kebab-case: lowercase letters, digits and single hyphens'),
  category: categorySchema,
  question: text,
  why: text.optional(),
  keyPoints: z.array(keyPointSchema).default([]),
  answer: text,
  tip: text.optional(),
  star: starSchema.optional(),
  framework: z.array(text).optional(),
  followUps: z.array(followUpSchema).default([]),
  tags: z.array(z.string().regex(ID_PATTERN, 'tags must be kebab-case')).default([]),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }).default(2),
});

export type QuestionData = z.infer<typeof questionSchema>;

/** A loaded question: the data plus where it came from. */
export interface Question extends QuestionData {
  source: { file: string; line: number; bundled: boolean };
}
