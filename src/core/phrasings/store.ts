/**
 * phrasings.yaml in the data folder: the sentences a person taught the coach, as plain YAML they can edit by
 * hand. Read bounded and validated (every problem at file:line:col); written whole, 0600, in a 0700 folder.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-write.js';
import type { Phrasing } from '../coach/phrasings.js';
import { InputError } from '../errors.js';
import { makeFolder } from '../fs/make-folder.js';
import { formatProblem, type Problem } from '../problems.js';
import { readTextFileSync } from '../text-input.js';
import { readYaml, yamlToPlain } from '../text/yaml.js';

/** Far more than anyone teaches by hand; a larger file is not one rmprep wrote. */
export const MAX_PHRASINGS_BYTES = 1_000_000;
const MAX_PHRASINGS = 2000;
export const MAX_SENTENCE_CHARS = 600;

const idText = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const phrasingSchema = z
  .object({
    question: idText,
    point: idText,
    sentence: z.string().trim().min(1, 'must not be empty').max(MAX_SENTENCE_CHARS, `must be at most ${MAX_SENTENCE_CHARS} characters`),
  })
  .strict();
const fileSchema = z.object({ phrasings: z.array(phrasingSchema).max(MAX_PHRASINGS, `holds at most ${MAX_PHRASINGS}`) }).strict();

const HEADER = `# Sentences you taught the rmprep coach: each makes one talking point of one question.
# Edit or delete entries freely; 'rmprep phrasings' lists them and 'rmprep phrasings forget' removes one.
`;

/** $XDG_DATA_HOME/rmprep/phrasings.yaml (default ~/.local/share/rmprep/phrasings.yaml). */
export function resolvePhrasingsFile({ env, home }: { env: Record<string, string | undefined>; home: string }): string {
  const xdg = env.XDG_DATA_HOME;
  const dataHome = xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(dataHome, 'rmprep', 'phrasings.yaml');
}

/** Parses the text of phrasings.yaml; every problem placed in the file. Pure. */
export function parsePhrasings(source: string, file: string): { phrasings: Phrasing[]; problems: Problem[] } {
  const body = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const yaml = readYaml(body, file);
  const { doc, problems } = yaml;
  if (!doc) return { phrasings: [], problems };
  const data = yamlToPlain(doc, file, 0, problems);
  // An empty file (or one holding only comments) has no phrasings yet.
  if (data === undefined || data === null) return { phrasings: [], problems };
  const result = fileSchema.safeParse(data);
  if (result.success) return { phrasings: result.data.phrasings, problems };
  for (const issue of result.error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ file, ...yaml.locate([...path, key], true), message: `unknown field ${JSON.stringify(key.slice(0, 40))}: a phrasing has question, point and sentence` });
      continue;
    }
    const field = path.filter((p) => typeof p === 'string').at(-1);
    const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
    const message =
      path.length === 0
        ? 'phrasings.yaml must be a mapping with a list "phrasings"'
        : missing
          ? `missing required field "${String(field)}"`
          : `"${String(field)}" ${issue.message.replace(/^Invalid input: /, '')}`;
    problems.push({ file, ...yaml.locate(path), message });
  }
  return { phrasings: [], problems };
}

/** The phrasings taught so far; none when the file is not there. A broken file is one error naming file:line:col. */
export function readPhrasings(file: string): Phrasing[] {
  if (!existsSync(file)) return [];
  const text = readTextFileSync(file, file, MAX_PHRASINGS_BYTES);
  const { phrasings, problems } = parsePhrasings(text, file);
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new InputError(`${formatProblem(first)}${more}`, 'invalid', 'fix the file by hand, or move it aside to start again');
  }
  return phrasings;
}

/** Writes the whole list, creating the data folder (0700) and the file (0600) when needed. */
export function writePhrasings(file: string, phrasings: readonly Phrasing[]): void {
  const dir = dirname(file);
  if (!existsSync(dir)) {
    makeFolder(dirname(dir));
    mkdirSync(dir, { mode: 0o700 });
  }
  const body = stringify({ phrasings: phrasings.map(({ question, point, sentence }) => ({ question, point, sentence })) }, { lineWidth: 0 });
  writeFileAtomic(file, HEADER + body, undefined, { mode: 0o600 });
}
