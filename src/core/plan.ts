import { existsSync, readdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from './errors.js';
import { clip } from './text/sanitize.js';
import { describeReadError, readFileBoundedSync } from './fs/read-bounded.js';
import { formatProblem, type Problem } from './problems.js';
import { categorySchema, ID_PATTERN, type Question } from './questions/schema.js';
import { ANSWER_MODES } from './practice/answer-modes.js';
import { shuffle, type Rng } from './random.js';
import { readYaml, yamlToPlain } from './text/yaml.js';
import { plural } from './text/plural.js';

export const PLAN_ORDERS = ['as-listed', 'shuffled'] as const;

/** Plan files are small; anything larger is refused before parsing. */
export const MAX_PLAN_FILE_BYTES = 100_000;
const PLAN_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
    problems.push({ file, line: 1, col: 1, message: 'a plan must be a mapping of fields: name, items, and optionally description, timeLimit, answerMode, order' });
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

/** Names of the plans shipped in `<packageRoot>/plans`, sorted. */
export function listBundledPlans(packageRoot: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(packageRoot, 'plans'));
  } catch {
    return [];
  }
  return names
    .filter((n) => extname(n) === '.yaml')
    .map((n) => basename(n, '.yaml'))
    .filter((n) => PLAN_NAME.test(n))
    .sort();
}

/**
 * Loads a plan: a bundled one by name (`plans/<name>.yaml` in the package), else a YAML file relative to `cwd`.
 * A broken plan is an 'invalid' InputError listing every problem as file:line:col; an unknown name is 'missing'.
 */
export function loadPlan(nameOrFile: string, { packageRoot, cwd }: { packageRoot: string; cwd: string }): Plan {
  const wanted = nameOrFile.trim();
  if (wanted === '') throw new InputError('--plan needs a plan name or a YAML file', 'invalid');
  const bundled = listBundledPlans(packageRoot);
  let path: string;
  let display: string;
  if (bundled.includes(wanted)) {
    path = join(packageRoot, 'plans', `${wanted}.yaml`);
    display = `plans/${wanted}.yaml`;
  } else {
    path = resolve(cwd, wanted);
    display = wanted;
    if (!existsSync(path)) {
      const looksLikeFile = /[/\\]/.test(wanted) || /\.ya?ml$/i.test(wanted);
      throw new InputError(
        looksLikeFile ? `plan file not found: ${wanted}` : `no plan named "${wanted}"`,
        'missing',
        bundled.length > 0 ? `bundled plans: ${bundled.join(', ')}; or give the path of a YAML plan file` : 'give the path of a YAML plan file',
      );
    }
  }
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(readFileBoundedSync(path, MAX_PLAN_FILE_BYTES));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EFBIG') throw new InputError(`${display}:1:1: a plan file may be at most 100 kB`, 'invalid');
    if (code === 'ENOTREG' || code === 'EISDIR') throw new InputError(`${display} is not a file`, 'invalid');
    if (err instanceof TypeError) throw new InputError(`${display}:1:1: not a UTF-8 text file`, 'invalid');
    throw new InputError(`cannot read the plan ${display}: ${describeReadError(err)}`, 'missing');
  }
  const { plan, problems } = parsePlan(source, display);
  if (!plan) {
    const [first, ...rest] = problems;
    const more = rest.length > 0 ? `\n${rest.map((p) => `  ${formatProblem(p)}`).join('\n')}` : '';
    throw new InputError(`invalid plan: ${first ? formatProblem(first) : display}${more}`, 'invalid');
  }
  return plan;
}

/** How many questions the plan asks for in all. */
export function planSize(plan: Plan): number {
  return plan.items.reduce((sum, item) => sum + item.count, 0);
}

export function matchesItem(question: Question, item: PlanItem): boolean {
  if (item.category && question.category !== item.category) return false;
  if (item.ids.length > 0 && !item.ids.includes(question.id)) return false;
  if (item.tags.length > 0 && !item.tags.some((t) => question.tags.includes(t))) return false;
  return true;
}

/**
 * The questions a plan asks: each item in turn takes its `count` from `orderedIds` (the caller's priority order),
 * keeping only questions that match it and were not taken by an earlier item; then `order` is applied.
 * An item with too few matches gets fewer questions. Pure: randomness is passed in.
 */
export function pickPlanQuestions(plan: Plan, questions: readonly Question[], orderedIds: readonly string[], rng: Rng): Question[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const used = new Set<string>();
  const picked: Question[] = [];
  for (const item of plan.items) {
    let taken = 0;
    for (const id of orderedIds) {
      if (taken >= item.count) break;
      if (used.has(id)) continue;
      const question = byId.get(id);
      if (!question || !matchesItem(question, item)) continue;
      used.add(id);
      picked.push(question);
      taken++;
    }
  }
  return plan.order === 'shuffled' ? shuffle(picked, rng) : picked;
}

/** Plan items that the bank cannot fill completely, as sentences for a warning. */
export function describePlanShortfalls(plan: Plan, questions: readonly Question[]): string[] {
  const out: string[] = [];
  plan.items.forEach((item, index) => {
    const available = questions.filter((q) => matchesItem(q, item)).length;
    if (available < item.count) {
      out.push(`item ${index + 1} of plan "${clip(plan.name)}" asks for ${plural(item.count, 'question')} but only ${available} match`);
    }
  });
  return out;
}
