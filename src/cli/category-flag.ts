import { clip } from '../core/text/sanitize.js';
import { CATEGORIES, type Category } from '../core/questions/categories.js';
import { UsageError } from './errors.js';

/** Checks a --category value by hand for `list`; the other commands use categoryOption (options.ts), the same rule. */
export function parseCategoryFlag(value: unknown): Category | undefined {
  if (value === undefined) return undefined;
  const category = String(value).trim().toLowerCase();
  if ((CATEGORIES as readonly string[]).includes(category)) return category as Category;
  throw new UsageError(categoryMessage(value));
}

export function categoryMessage(value: unknown): string {
  return `unknown category "${clip(value)}": expected ${CATEGORIES.join(', ')}`;
}
