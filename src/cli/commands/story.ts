import { z } from 'zod';
import { analyzeAnswer } from '../../core/coach/index.js';
import { countWords } from '../../core/coach/text.js';
import { formatProblem } from '../../core/problems.js';
import type { Question } from '../../core/questions/schema.js';
import { formatStory } from '../../core/stories/format.js';
import { storyEdit } from '../story-edit.js';
import { loadStories, loadStory, resolveStoriesDir, writeStoryFile, type StoryBank } from '../../core/stories/load.js';
import { matchStories } from '../../core/stories/match.js';
import { findTells } from '../../core/stories/must-tell.js';
import { parseStoryFile, STAR_PARTS, type Story } from '../../core/stories/parse.js';
import { toJsonText } from '../../core/text/json-text.js';
import { sanitizeText } from '../../core/text/sanitize.js';
import { renderCoachReport } from '../../ui/render-coach.js';
import { renderCheckHeading, renderEmptyMatrix, renderStory, renderStoryList, renderStoryMatrix, renderTells } from '../../ui/render-stories.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { NotFoundError, UsageError } from '../errors.js';
import { categoryOption } from '../options.js';
import { warnAboutProblems } from '../run.js';
import { resolveGrader } from '../grader-config.js';
import { gradeAnswer, tellsWithModel } from '../model-grader.js';

const textFlag = z.string().trim().min(1).max(5000).optional();
const ACTIONS = ['new', 'list', 'show', 'edit', 'check', 'match'] as const;
type Action = (typeof ACTIONS)[number];

export const storyOptionsSchema = z.object({
  stories: z.string().optional(),
  title: z.string().trim().min(1, '--title must not be empty').max(200, '--title must be at most 200 characters').optional(),
  tag: z.array(z.string()).optional(),
  question: z.array(z.string()).optional(),
  situation: textFlag,
  task: textFlag,
  action: textFlag,
  result: textFlag,
  force: z.boolean().optional(),
  json: z.boolean().optional(),
  category: categoryOption.optional(),
  offline: z.boolean().optional(),
});
type StoryOptions = z.infer<typeof storyOptionsSchema>;

/** Which options each action takes; any other given is a usage error rather than silently ignored. */
const TAKES: Record<Action, readonly (keyof StoryOptions)[]> = {
  new: ['stories', 'title', 'tag', 'question', 'situation', 'task', 'action', 'result', 'force'],
  list: ['stories', 'json'],
  show: ['stories', 'json'],
  edit: ['stories'],
  check: ['stories', 'json', 'offline'],
  match: ['stories', 'json', 'category'],
};
const FLAG: Partial<Record<keyof StoryOptions, string>> = { tag: '--tag', question: '--question', offline: '--offline' };

export const command = defineCommand({ schema: storyOptionsSchema, run: storyCommand });

async function storyCommand(run: Run, opts: StoryOptions, { action, slug }: { action: string; slug?: string }): Promise<number> {
  const what = action as Action;
  for (const key of Object.keys(opts) as (keyof StoryOptions)[]) {
    if (opts[key] !== undefined && !TAKES[what].includes(key)) throw new UsageError(`story ${what} does not take ${FLAG[key] ?? `--${key}`}`, "see 'rmprep story --help'");
  }
  const needsSlug = what !== 'list' && what !== 'match';
  if (needsSlug && !slug) throw new UsageError(`story ${what} needs the story's name`, `e.g. rmprep story ${what} flaky-build-fight`);
  if (!needsSlug && slug) throw new UsageError(`story ${what} takes no story name, not "${sanitizeText(slug).slice(0, 40)}"`);
  if (what === 'new') return storyNew(run, slug as string, opts);
  if (what === 'list') return storyList(run, opts);
  if (what === 'show') return storyShow(run, slug as string, opts);
  if (what === 'edit') return storyEdit(run, dirOf(run, opts.stories), slug as string);
  if (what === 'check') return storyCheck(run, slug as string, opts);
  return storyMatch(run, opts);
}

const dirOf = (run: Run, option: string | undefined) => resolveStoriesDir({ option, env: run.env, home: run.home, cwd: run.cwd });

function loadAll(run: Run, option: string | undefined): StoryBank {
  const bank = loadStories(dirOf(run, option));
  for (const p of bank.problems.slice(0, 3)) run.warn(`skipped a broken story: ${formatProblem(p)}`);
  if (bank.problems.length > 3) run.warn(`${bank.problems.length - 3} more problems in story files`);
  return bank;
}

/** The bank's questions by id, or a not-found error naming the first unknown one. */
async function questionsById(run: Run, ids: readonly string[]): Promise<Question[]> {
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  return ids.map((id) => {
    const q = bank.byId.get(id);
    if (!q) throw new NotFoundError(`no question with id "${sanitizeText(id).slice(0, 80)}"`, "see 'rmprep list'");
    return q;
  });
}

async function storyNew(run: Run, slug: string, opts: StoryOptions): Promise<number> {
  let questions = opts.question ?? [];
  let tags = opts.tag ?? [];
  await questionsById(run, questions);
  const star: Partial<Record<(typeof STAR_PARTS)[number], string>> = { situation: opts.situation, task: opts.task, action: opts.action, result: opts.result };
  let title = opts.title;
  const given = STAR_PARTS.some((p) => star[p]);
  // Any STAR part given as a flag makes this a scripted call: nothing is asked, the title comes from the slug.
  if (run.stdin.isTTY && run.stdout.isTTY && !given) {
    const prompts = await import('../../ui/prompts-story.js');
    const io = { input: run.stdin, output: run.stdout.stream ?? (run.stdout as unknown as NodeJS.WritableStream) };
    title ??= (await prompts.askStoryTitle(io, titleFromSlug(slug))).trim();
    for (const part of STAR_PARTS) star[part] = (await prompts.askStarPart(io, part)).trim();
    if (opts.tag === undefined) tags = await prompts.askStoryTags(io);
    if (opts.question === undefined) {
      const bank = await run.loadBank();
      questions = await prompts.askPinnedQuestions(io, (id) => bank.byId.has(id));
    }
  }
  const text = formatStory({ title: title ?? titleFromSlug(slug), tags: tags.map((t: string) => t.toLowerCase()), questions, star });
  // Checked with the loader's own rules before it is written: a story that would be skipped is refused.
  const [problem] = parseStoryFile(text, `${slug.trim()}.md`, slug.trim()).problems;
  if (problem) throw new UsageError(`the story would not load: ${problem.message}`, 'tags are kebab-case, e.g. --tag release-train');
  const file = writeStoryFile(dirOf(run, opts.stories), slug.trim(), text, { force: opts.force });
  run.stdout.write(`${sanitizeText(file)}\n`);
  run.stderr.write(run.style.dim(`Story saved. Edit it in any editor; 'rmprep story check ${slug.trim()}' reads it like an answer.\n`));
  return 0;
}

/** The slug's words as typed: capitals cannot be guessed ("friday-cve" is not "Friday Cve"), so none are added. */
function titleFromSlug(slug: string): string {
  return slug.trim().replace(/-/g, ' ');
}

function storyJson(s: Story) {
  return { slug: s.slug, title: s.title, tags: s.tags, questions: s.questions, star: STAR_PARTS.filter((p) => s.star[p]), words: countWords(s.body), file: s.file };
}

async function storyList(run: Run, opts: StoryOptions): Promise<number> {
  const bank = loadAll(run, opts.stories);
  if (opts.json) {
    run.stdout.write(`${toJsonText(bank.stories.map(storyJson))}\n`);
    return 0;
  }
  if (bank.stories.length === 0) {
    run.stderr.write(`rmprep: no stories yet in ${sanitizeText(bank.dir)}; write one with 'rmprep story new <slug>'\n`);
    return 0;
  }
  run.stdout.write(renderStoryList(bank.stories, { width: run.width, style: run.style }));
  return 0;
}

async function storyShow(run: Run, slug: string, opts: StoryOptions): Promise<number> {
  const story = loadStory(dirOf(run, opts.stories), slug);
  if (opts.json) run.stdout.write(`${toJsonText({ ...storyJson(story), body: story.body, parts: story.star })}\n`);
  else run.stdout.write(renderStory(story, { width: run.width, style: run.style }));
  return 0;
}

async function storyCheck(run: Run, slug: string, opts: StoryOptions): Promise<number> {
  const story = loadStory(dirOf(run, opts.stories), slug);
  const [pinned] = await questionsById(run, story.questions.slice(0, 1));
  // Without a pinned question the story is read as an answer to an open behavioral question.
  const question = pinned ?? { id: story.slug, category: 'behavioral' as const, question: story.title, answer: '-', keyPoints: [], followUps: [], tags: story.tags, difficulty: 2 as const };
  const setup = resolveGrader(run.env, run.home, opts.offline === true);
  const graded = await gradeAnswer(setup, question, story.body, undefined, { words: analyzeAnswer(question, story.body) });
  const { report } = graded;
  const byWords = pinned ? findTells(pinned, story.body) : undefined;
  // The model hears the element only where the words did not, and only when it answered for the points too.
  const byModel = pinned && byWords && graded.grader.used ? await tellsWithModel(setup, pinned, story.body, byWords) : undefined;
  const tells = byModel?.tells ?? byWords;
  const notice = graded.grader.notice ?? byModel?.notice;
  if (notice) run.stderr.write(`${sanitizeText(notice)}\n`);
  if (opts.json) {
    run.stdout.write(`${toJsonText({ slug: story.slug, against: pinned?.id ?? null, ...report, grader: graded.grader, ...(tells ? { tells } : {}) })}\n`);
    return 0;
  }
  const screen = { width: run.width, style: run.style };
  run.stdout.write(renderCheckHeading(story, pinned?.id, screen));
  if (tells) run.stdout.write(renderTells(tells, screen));
  run.stdout.write(`${renderCoachReport(report, screen)}\n`);
  return 0;
}

async function storyMatch(run: Run, opts: StoryOptions): Promise<number> {
  const stories = loadAll(run, opts.stories);
  if (stories.stories.length === 0) {
    throw new NotFoundError(`no stories yet in ${sanitizeText(stories.dir)}`, "write one with 'rmprep story new <slug>'");
  }
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  const matrix = matchStories(stories.stories, bank.questions, { category: opts.category });
  if (opts.json) {
    const questions = matrix.questions.map((q) => ({ ...q, stories: q.stories.map(({ slug, fit, tells }) => (tells ? { slug, fit, tells } : { slug, fit })) }));
    run.stdout.write(`${toJsonText({ questions, gaps: matrix.gaps })}\n`);
    return 0;
  }
  if (matrix.questions.length === 0) {
    run.stdout.write(renderEmptyMatrix(opts.category, { width: run.width, style: run.style }));
    return 0;
  }
  run.stdout.write(renderStoryMatrix(matrix, stories.stories.map((s) => s.slug), { width: run.width, style: run.style }));
  return 0;
}
