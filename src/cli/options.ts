import { clip } from '../core/text/sanitize.js';
import { z } from 'zod';
import { CATEGORIES, type Category } from '../core/questions/schema.js';
import { categoryMessage } from './category-flag.js';
import { UsageError } from './errors.js';

/** Validates command options with a schema; the first problem becomes a one-line usage error. */
export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UsageError(issue?.message ?? 'invalid options');
}

export const categoryOption = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s): s is Category => (CATEGORIES as readonly string[]).includes(s), {
    error: (issue) => categoryMessage(issue.input),
  })
  .transform((s) => s as Category);

export const positiveInt = (flag: string, max = 100_000) =>
  z
    .string()
    .refine((s) => /^\d+$/.test(s.trim()) && Number(s) >= 1 && Number(s) <= max, {
      error: (issue) => `${flag} must be a whole number from 1 to ${max}, not "${clip(issue.input)}"`,
    })
    .transform(Number);
