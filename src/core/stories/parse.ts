import { z } from 'zod';
import type { Problem } from '../problems.js';
import { ID_PATTERN } from '../questions/categories.js';
import { splitFrontMatter } from '../questions/parse.js';
import { readYaml, yamlToPlain } from '../text/yaml.js';

/** A story's slug is its file name without `.md`: kebab-case, like a question id. */
export const SLUG_PATTERN = ID_PATTERN;
export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPart = (typeof STAR_PARTS)[number];

const kebab = (what: string) => z.string().regex(ID_PATTERN, `${what} must be kebab-case: lowercase letters, digits and single hyphens`);

export const storyFrontSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  tags: z.array(kebab('tags')).default([]),
  /** Question ids the user says this story answers. */
  questions: z.array(kebab('question ids')).default([]),
});

export interface Story {
  slug: string;
  title: string;
  tags: string[];
  questions: string[];
  /** The story as written, labels and all: what the coach reads. */
  body: string;
  /** The parts the user labelled (`Situation:` or `## Situation`); empty for free text. */
  star: Partial<Record<StarPart, string>>;
  file: string;
}

export interface ParsedStory {
  story: Story | undefined;
  problems: Problem[];
}

// "Situation:" at the start of a line, or a Markdown heading "## Situation"; bold labels too.
const LABEL = /^(?:#{1,6}\s*|\*\*)?(situation|task|action|result)s?(?:\*\*)?\s*(?::|$)(?:\*\*)?/i;

/** Splits a body into its labelled STAR parts; text before the first label belongs to none. */
export function splitStar(body: string): Partial<Record<StarPart, string>> {
  const parts: Partial<Record<StarPart, string[]>> = {};
  let current: StarPart | undefined;
  for (const line of body.split('\n')) {
    const m = LABEL.exec(line.trim());
    if (m) {
      current = (m[1] as string).toLowerCase() as StarPart;
      parts[current] ??= [];
      const rest = line.trim().slice(m[0].length).trim();
      if (rest) parts[current]?.push(rest);
    } else if (current) {
      parts[current]?.push(line);
    }
  }
  const out: Partial<Record<StarPart, string>> = {};
  for (const part of STAR_PARTS) {
    const text = parts[part]?.join('\n').trim();
    if (text) out[part] = text;
  }
  return out;
}

/** Parses one story file: front matter (title, tags, questions) and the body. Pure; every problem located. */
export function parseStoryFile(text: string, file: string, slug: string): ParsedStory {
  const split = splitFrontMatter(text, file);
  if ('message' in split) return { story: undefined, problems: [split] };
  const yaml = readYaml(split.yaml, file, split.lineOffset);
  const { doc, problems } = yaml;
  if (!doc) return { story: undefined, problems };
  const data = split.yaml.trim() === '' ? {} : yamlToPlain(doc, file, split.lineOffset, problems);
  if (data === undefined) return { story: undefined, problems };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({ file, line: split.lineOffset + 1, col: 1, message: 'front matter must be a mapping of fields: title, and optionally tags and questions' });
    return { story: undefined, problems };
  }
  const result = storyFrontSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) problems.push({ file, ...yaml.locate([key], true), message: `unknown field ${JSON.stringify(key)}: a story has title, tags and questions` });
        continue;
      }
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      const field = path.join('.');
      problems.push({ file, ...yaml.locate(path), message: missing ? `missing required field "${field}"` : `"${field}" ${issue.message.replace(/^Invalid input: /, '')}` });
    }
    return { story: undefined, problems };
  }
  const body = split.body.trim();
  if (body === '') {
    problems.push({ file, line: split.bodyLine, col: 1, message: 'the story is empty: write it below the front matter' });
    return { story: undefined, problems };
  }
  return { story: { slug, ...result.data, body, star: splitStar(body), file }, problems };
}
