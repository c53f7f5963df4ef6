import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keepingOf, writeFileAtomic } from '../atomic-write.js';
import { makeFolder } from '../fs/make-folder.js';
import { InputError, isUserError, UserError } from '../errors.js';
import type { Problem } from '../problems.js';
import { suggest } from '../suggest.js';
import { readTextFileSync } from '../text-input.js';
import { parseStoryFile, SLUG_PATTERN, type Story } from './parse.js';

/** A story is told in two or three minutes; a file far larger than that is not a story. */
export const MAX_STORY_BYTES = 100_000;
/** More files than anyone writes stories; a folder beyond it is read only this far. */
const MAX_STORY_FILES = 500;

export interface StoryBank {
  dir: string;
  stories: Story[];
  problems: Problem[];
}

/** Where stories live: --stories, then $RMPREP_STORIES, then `rmprep/stories` beside the history. */
export function resolveStoriesDir({ option, env, home, cwd }: { option?: string | undefined; env: Record<string, string | undefined>; home: string; cwd: string }): string {
  const fromEnv = env.RMPREP_STORIES?.trim() ? env.RMPREP_STORIES : undefined;
  const dataHome = env.XDG_DATA_HOME?.trim() ? env.XDG_DATA_HOME : join(home, '.local', 'share');
  return resolve(cwd, option ?? fromEnv ?? join(dataHome, 'rmprep', 'stories'));
}

/** The `.md` files of the folder whose names are valid slugs, sorted; none when the folder is not there yet. */
function listStoryFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw new InputError(`cannot read the stories folder ${dir}: ${code === 'ENOTDIR' ? 'it is not a folder' : (code ?? String(err))}`, 'missing');
  }
  return names
    .filter((n) => n.endsWith('.md') && SLUG_PATTERN.test(n.slice(0, -3)))
    .sort()
    .slice(0, MAX_STORY_FILES);
}

function readStory(dir: string, name: string): { story: Story | undefined; problems: Problem[] } {
  const file = join(dir, name);
  try {
    const text = readTextFileSync(file, file, MAX_STORY_BYTES);
    return parseStoryFile(text, file, name.slice(0, -3));
  } catch (err) {
    if (!isUserError(err)) throw err;
    const located = /^(.*):(\d+):(\d+): (.*)$/.exec(err.message);
    return { story: undefined, problems: [located ? { file, line: 1, col: 1, message: located[4] as string } : { file, line: 1, col: 1, message: err.message }] };
  }
}

/** Every story in the folder, and every problem with the ones that could not be read. */
export function loadStories(dir: string): StoryBank {
  const stories: Story[] = [];
  const problems: Problem[] = [];
  for (const name of listStoryFiles(dir)) {
    const parsed = readStory(dir, name);
    if (parsed.story) stories.push(parsed.story);
    problems.push(...parsed.problems);
  }
  return { dir, stories, problems };
}

/** One story by slug; a broken one is an 'invalid' error naming file:line:col, an unknown one 'missing'. */
export function loadStory(dir: string, slug: string): Story {
  const wanted = slug.trim();
  const names = listStoryFiles(dir);
  if (!SLUG_PATTERN.test(wanted) || !names.includes(`${wanted}.md`)) {
    const close = suggest(wanted, names.map((n) => n.slice(0, -3)));
    throw new InputError(
      `no story "${wanted.slice(0, 80)}" in ${dir}`,
      'missing',
      close.length > 0 ? `did you mean ${close.join(', ')}?` : "see 'rmprep story list', or write one with 'rmprep story new <slug>'",
    );
  }
  const { story, problems } = readStory(dir, `${wanted}.md`);
  if (!story) {
    const [first, ...rest] = problems;
    const more = rest.length > 0 ? ` (+${rest.length} more)` : '';
    throw new InputError(first ? `${first.file}:${first.line}:${first.col}: ${first.message}${more}` : `cannot read story ${wanted}`, 'invalid');
  }
  return story;
}

/** Writes a new story file whole or not at all; never replaces one unless `force`. Returns its path. */
export function writeStoryFile(dir: string, slug: string, text: string, { force = false } = {}): string {
  if (!SLUG_PATTERN.test(slug)) throw new InputError(`story name "${slug.slice(0, 80)}" must be kebab-case: lowercase letters, digits and single hyphens`, 'invalid');
  const file = join(dir, `${slug}.md`);
  if (!force && listStoryFiles(dir).includes(`${slug}.md`)) {
    throw new UserError(`a story named "${slug}" already exists: ${file}`, 'exists', 'pick another name, or pass --force to replace it');
  }
  makeFolder(dir);
  writeFileAtomic(file, text, undefined, keepingOf(file, 0o600));
  return file;
}
