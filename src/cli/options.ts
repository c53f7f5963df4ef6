import { clip } from '../core/text/sanitize.js';
import { z } from 'zod';
import { CATEGORIES, type Category } from '../core/questions/schema.js';
import { categoryMessage } from './category-flag.js';

export const categoryOption = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .refine((s): s is Category => (CATEGORIES as readonly string[]).includes(s), {
    error: (issue) => categoryMessage(issue.input),
  })
  .transform((s) => s as Category);

/** `--follow-ups [n]`: the flag alone asks one; 0 turns them off, even in a plan that asks some. */
export const followUpsOption = z.union([z.literal(true).transform(() => 1), z.string().refine((s) => /^[0-3]$/.test(s.trim()), {
  error: (issue) => `--follow-ups must be a whole number from 0 to 3, not "${clip(issue.input)}"`,
}).transform(Number)]);

export const positiveInt = (flag: string, max = 100_000) =>
  z
    .string()
    .refine((s) => /^\d+$/.test(s.trim()) && Number(s) >= 1 && Number(s) <= max, {
      error: (issue) => `${flag} must be a whole number from 1 to ${max}, not "${clip(issue.input)}"`,
    })
    .transform(Number);
