import { z } from 'zod';
import type { Problem } from '../problems.js';
import { categorySchema, ID_PATTERN } from '../questions/schema.js';
import { clip } from '../text/sanitize.js';
import { readYaml, yamlToPlain } from '../text/yaml.js';
import { ANSWER_MODES } from './answer-modes.js';

// A plan file's schema and its parsing: text in, a plan or every problem with its position out.

export const PLAN_ORDERS = ['as-listed', 'shuffled'] as const;


const text = z.string().trim().min(1, 'must not be empty');
const kebab = (what: string) => z.string().regex(ID_PATTERN, `${what} must be kebab-case: lowercase letters, digits and single hyphens`);

/**
 * One step of a plan: `count` questions that match every filter given. A question matches `tags` when it
 * has at least one of them, and `ids` when its id is listed.
 */
export const planItemSchema = z.strictObject({
  category: categorySchema.optional(),
  tags: z.array(kebab('tags')).default([]),
  ids: z.array(kebab('ids')).default([]),
  count: z.number().int('must be a whole number').min(1, 'must be at least 1').max(50, 'must be at most 50'),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const planSchema = z.strictObject({
  name: text,
  description: text.optional(),
  items: z.array(planItemSchema).min(1, 'needs at least one item'),
  /** Seconds allowed for each answer. */
  timeLimit: z.number().int('must be a whole number of seconds').min(10, 'must be at least 10 seconds').max(3600, 'must be at most 3600 seconds').optional(),
  answerMode: z.enum(ANSWER_MODES).optional(),
  order: z.enum(PLAN_ORDERS).default('as-listed'),
  /** Follow-up questions asked after each answer, before the model answer. */
  followUps: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(3, 'must be at most 3').optional(),
});
export type Plan = z.infer<typeof planSchema>;

export interface ParsedPlan {
  plan: Plan | undefined;
  problems: Problem[];
}

/** Parses the text of a plan file and collects every problem with its position. Pure. */
export function parsePlan(source: string, file: string): ParsedPlan {
  const textBody = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const yaml = readYaml(textBody, file);
  const { doc, problems } = yaml;
  if (!doc) return { plan: undefined, problems };
  const data = yamlToPlain(doc, file, 0, problems);
  if (data === undefined) return { plan: undefined, problems };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({ file, line: 1, col: 1, message: 'a plan must be a mapping of fields: name, items, and optionally description, timeLimit, answerMode, order, followUps' });
    return { plan: undefined, problems };
  }
  const result = planSchema.safeParse(data);
  if (result.success) return { plan: result.data, problems };
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const field = path.join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        // Quoted as JSON: a key may hold line breaks or control characters, which must not shape the report.
        problems.push({ file, ...yaml.locate([...path, key], true), message: `unknown field ${JSON.stringify(clip([...path, key].join('.'), 60))}` });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
    let message: string;
    if (missing) message = `missing required field "${field}"`;
    else if (issue.code === 'invalid_value') message = `"${field}" must be one of: ${issue.values.map(String).join(', ')}`;
    else message = `${field ? `"${field}" ` : ''}${issue.message.replace(/^Invalid input: /, '')}`;
    problems.push({ file, ...yaml.locate(path), message });
  }
  return { plan: undefined, problems };
}
