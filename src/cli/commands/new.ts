import { clip } from '../../core/text/sanitize.js';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { makeFolder } from '../../core/fs/make-folder.js';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { writeOutputFile } from '../write-output.js';
import { protectedPaths } from '../../core/protected-paths.js';
import { categorySchema, ID_PATTERN, type Category } from '../../core/questions/schema.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { FailureError, UsageError } from '../errors.js';
import { categoryOption } from '../options.js';

export const newOptionsSchema = z.object({
  id: z.string().trim().optional(),
  category: categoryOption.optional(),
  question: z.string().optional(),
  dir: z.string().trim().min(1, '--dir needs a folder').optional(),
  force: z.boolean().optional(),
});

export interface NewQuestion {
  id: string;
  category: Category;
  question: string;
}

/** Creates `<dir>/<category>/<id>.md` with every field filled by a TODO placeholder that `validate` reports until replaced. */
export const command = defineCommand({ schema: newOptionsSchema, run: newCommand });

async function newCommand(run: Run, opts: z.infer<typeof newOptionsSchema>): Promise<number> {
  const dir = resolve(run.cwd, opts.dir ?? '.');
  if (opts.id !== undefined) checkIdOrThrow(opts.id);
  const question = opts.question === undefined ? undefined : oneLine(opts.question);
  if (question === '') throw new UsageError('--question must not be empty');

  const missing = [opts.category === undefined && '--category', question === undefined && '--question', opts.id === undefined && '--id'].filter(
    (f): f is string => typeof f === 'string',
  );
  let answers: NewQuestion;
  if (missing.length === 0) {
    answers = { id: opts.id as string, category: opts.category as Category, question: question as string };
  } else if (run.stdin.isTTY && run.stdout.isTTY) {
    answers = await askMissing(run, dir, { id: opts.id, category: opts.category, question }, opts.force === true);
  } else {
    throw new UsageError(`missing ${missing.join(', ')}`, 'there is no terminal to ask on; pass them as flags');
  }

  const clash = await run.findQuestion(answers.id);
  if (clash && !opts.force) {
    throw new FailureError(
      clash.source.bundled ? `"${answers.id}" is a bundled question; a file with this id would replace it` : `"${answers.id}" is already used by ${clip(clash.source.file)}`,
      clash.source.bundled ? 'pass --force to create the override, or pick another id' : 'pick another id',
    );
  }
  const file = questionPath(dir, answers.category, answers.id);
  if (existsSync(file) && !opts.force) {
    throw new FailureError(`${clip(displayPath(file, run.cwd))} already exists`, 'pass --force to replace it');
  }
  const content = renderQuestionTemplate(answers);
  // A question folder is the person's project, shared like any other: the umask decides.
  makeFolder(join(dir, answers.category), undefined, { mode: 0o777 });
  if (opts.force) writeOutputFile(file, content, protectedPaths(run.paths));
  else writeNew(file, content, run.cwd);

  const shown = displayPath(file, run.cwd);
  run.stdout.write(`${shown}\n`);
  if (clash?.source.bundled) run.stderr.write(`It overrides the bundled question "${answers.id}" wherever ${shellQuote(shown)} is loaded.\n`);
  run.stderr.write(`Created ${shown}. Replace every TODO placeholder (the file is skipped until then), then check it with: rmprep validate ${shellQuote(shown)}\n`);
  return 0;
}

async function askMissing(run: Run, dir: string, known: Partial<NewQuestion>, force: boolean): Promise<NewQuestion> {
  const prompts = await import('../../ui/prompts-new.js');
  const io = { input: run.stdin, output: run.stdout.stream ?? (run.stdout as unknown as NodeJS.WritableStream) };
  const category = known.category ?? (await prompts.askCategory(io));
  const question = known.question ?? oneLine(await prompts.askQuestionText(io));
  const id =
    known.id ??
    (
      await prompts.askQuestionId(io, suggestId(question), (value) => {
        const problem = idProblem(value);
        if (problem) return problem;
        if (!force && existsSync(questionPath(dir, category, value))) return `${category}/${value}.md already exists; pick another id`;
        return true;
      })
    ).trim();
  return { id, category, question };
}

/** Why an id cannot be used, or undefined when it can. Kebab-case keeps the file inside its folder. */
export function idProblem(id: string): string | undefined {
  if (id === '') return 'the id must not be empty';
  if (id.length > 80) return 'the id must be at most 80 characters';
  if (!ID_PATTERN.test(id)) return `the id "${id.replace(/[^\x20-\x7e]/g, '?').slice(0, 80)}" must be kebab-case: lowercase letters, digits and single hyphens (e.g. rollback-plan)`;
  return undefined;
}

function checkIdOrThrow(id: string): void {
  const problem = idProblem(id);
  if (problem) throw new UsageError(problem);
}

/** The file for a question; refuses any path that would leave `dir`. */
export function questionPath(dir: string, category: Category, id: string): string {
  const file = join(dir, category, `${id}.md`);
  const rel = relative(dir, file);
  if (idProblem(id) || !categorySchema.safeParse(category).success || rel.startsWith('..') || isAbsolute(rel)) {
    throw new UsageError(`refusing to write outside ${clip(dir)}`);
  }
  return file;
}

/** A first guess at an id from the question's main words. */
export function suggestId(question: string): string {
  const skip = new Set(['a', 'an', 'the', 'you', 'your', 'do', 'does', 'how', 'what', 'would', 'to', 'of', 'in', 'on', 'and', 'or', 'is', 'are', 'me', 'about', 'tell', 'when', 'why', 'which', 'for', 'with', 'i', 'we']);
  const words = question
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !skip.has(w));
  return words.slice(0, 5).join('-');
}

/**
 * The new question file. Every field holds a TODO placeholder: the file is skipped, and `validate` names
 * each placeholder, until every one is replaced.
 */
export function renderQuestionTemplate({ id, category, question }: NewQuestion): string {
  const lines = [
    '---',
    `id: ${id}`,
    `category: ${category}`,
    `question: ${yamlScalar(question)}`,
    '# What the interviewer wants to learn from this question.',
    'why: >-',
    '  TODO say what a good answer shows the interviewer about you.',
    '# What a strong answer covers. The coach counts a point as covered when the answer uses one of its terms.',
    'keyPoints:',
    '# Each point has an id (kebab-case) that stays when you reword the point.',
    '  - id: first-point',
    '    point: TODO the first thing a strong answer covers',
    '    terms: [TODO first term, TODO other wording]',
    '  - id: second-point',
    '    point: TODO the second thing a strong answer covers',
    '    terms: [TODO second term]',
  ];
  if (category === 'behavioral') {
    lines.push(
      '# Prompts that help recall a story, one per STAR step.',
      'star:',
      '  situation: TODO which moment or project would you talk about?',
      '  task: TODO what was yours to do, and what was at stake?',
      '  action: TODO what did you do yourself, step by step?',
      '  result: TODO what changed, in numbers, and what did you learn?',
    );
  } else if (category === 'technical') {
    lines.push(
      '# The steps of a well-structured answer, in order.',
      'framework:',
      '  - TODO first, clarify the context and constraints',
      '  - TODO then, describe the approach you would take',
      '  - TODO finally, explain how you would check that it worked',
    );
  } else {
    lines.push('# Optional: "star:" prompts for a story, or "framework:" steps for a structured answer.');
  }
  lines.push(
    'tip: >-',
    '  TODO one piece of advice for answering this well.',
    '# Each follow-up: the question, and a one-line hint on what a good answer covers.',
    'followUps:',
    '  - question: TODO a question the interviewer might ask next?',
    '    hint: TODO what a good answer to it covers',
    'tags: [TODO]',
    '# 1 easy, 2 medium, 3 hard',
    'difficulty: 2',
    '---',
    'TODO write the model answer here, in the first person, the way you would say it in an interview.',
    '',
  );
  return lines.join('\n');
}

function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Creates the file only if it does not exist yet, so a file made meanwhile is never overwritten. */
function writeNew(file: string, content: string, cwd: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'wx', 0o644);
    writeSync(fd, content);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FailureError(`${clip(displayPath(file, cwd))} already exists`, 'pass --force to replace it');
    throw new FailureError(`cannot write ${clip(displayPath(file, cwd))}: ${code ?? String(err)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function shellQuote(s: string): string {
  return /^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
