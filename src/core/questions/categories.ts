// Kept apart from schema.ts so that fast paths can use them without loading the schema library.
export const CATEGORIES = ['common', 'behavioral', 'technical'] as const;
export type Category = (typeof CATEGORIES)[number];

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** What picking questions looks at: a row of the cached listing serves as well as a whole question. */
export interface QuestionKey {
  id: string;
  category: Category;
  tags: readonly string[];
}
