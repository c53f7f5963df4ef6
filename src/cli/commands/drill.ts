import { readPhrasingsOrWarn } from '../phrasings-input.js';
import { drillPhrasingSaver } from '../drill-phrasings.js';
import { followAliases } from '../../core/practice/follow-aliases.js';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { loadSummary, readHistory } from '../../core/history/store.js';
import { storeOptions } from '../history-store.js';
import { loadPlan } from '../../core/practice/plan-load.js';
import type { Plan } from '../../core/practice/plan-parse.js';
import { drillPool, pickDrillQuestions } from '../../core/practice/drill-pick.js';
import type { Question } from '../../core/questions/schema.js';
import { requireQuestion } from '../../core/questions/source.js';
import { buildSessionReport } from '../../core/practice/report.js';
import { newSessionId, runPracticeSession, startProgress, type StoryHint } from '../../core/practice/session.js';
import { formatProblem } from '../../core/problems.js';
import { loadStories, resolveStoriesDir } from '../../core/stories/load.js';
import { storiesForQuestion } from '../../core/stories/match.js';
import { createPrompter, isPromptInterruption, waitForKey, type PromptIo } from '../../ui/prompts.js';
import { renderReportText } from '../../ui/render-report.js';
import { createSessionView, renderSessionSummary, renderStopped } from '../../ui/render-session.js';
import type { Run } from '../context.js';
import { defineCommand, runCommand } from '../define-command.js';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import { asUsageError } from '../system-error.js';
import { categoryOption, followUpsOption, positiveInt } from '../options.js';
import { createRecorder } from '../recorder.js';
import { watchUnsavedAnswers, type UnsavedAnswer } from '../unsaved-answer.js';
import { SIGNAL_EXIT, watchEndings, type EndingSignal } from '../drill-endings.js';
import { offerKeptDrafts } from '../draft-resume.js';
import { keepDrafts, type KeptFiles } from '../kept-drafts.js';
import { warnAboutProblems } from '../run.js';
import { resolveGrader } from '../grader-config.js';
import { sessionGrader } from '../model-grader.js';
import { clip } from '../../core/text/sanitize.js';
import { wrapText } from '../../ui/text.js';

export const drillOptionsSchema = z.object({
  category: z.array(categoryOption).optional(),
  tag: z.string().optional(),
  count: positiveInt('--count', 500).optional(),
  seed: z.string().optional(),
  due: z.boolean().optional(),
  new: z.boolean().optional(),
  id: z.array(z.string()).optional(),
  plan: z.string().optional(),
  timeLimit: positiveInt('--time-limit', 3600).optional(),
  answerMode: z.enum(['ask', 'type', 'editor', 'spoken']).optional(),
  stories: z.string().min(1, '--stories needs a folder').optional(),
  offline: z.boolean().optional(),
  followUps: followUpsOption.optional(),
});
type DrillOptions = z.infer<typeof drillOptionsSchema>;

export const command = defineCommand({ schema: drillOptionsSchema, run: (run: Run, opts: DrillOptions) => drillCommand(run, opts, undefined) });

/**
 * What the start-up path (src/cli/drill-start.ts) did before handing the drill over: it picked these
 * questions, in this order, printed any warnings, the opening line and the first question.
 */
export interface DrillStart {
  ids: readonly string[];
  plan: Plan | undefined;
}

/** Goes on with a drill whose first question is on screen already; the options are checked as usual. */
export function resumeDrill(run: Run, raw: unknown, start: DrillStart): Promise<number> {
  return runCommand(defineCommand({ schema: drillOptionsSchema, run: (r: Run, opts: DrillOptions) => drillCommand(r, opts, start) }), run, raw, {});
}

async function drillCommand(run: Run, opts: DrillOptions, start: DrillStart | undefined): Promise<number> {
  const terminal = run.stdin.isTTY === true && run.stdout.isTTY === true;
  let prepared: Awaited<ReturnType<typeof prepareDrill>>;
  try {
    prepared = await prepareDrill(run, opts, start);
  } catch (err) {
    // Without a terminal the drill is a usage mistake (exit 2) whatever else is wrong; the first problem is still named.
    throw terminal ? err : asUsageError(err);
  }
  if (!terminal) {
    throw new UsageError(
      'drill needs an interactive terminal',
      "for scripts use 'rmprep next', 'rmprep show <id>' and 'rmprep coach <id> --record' (see docs/scripting.md)",
    );
  }
  return runDrill(run, opts, start, prepared);
}

/** The questions, plan and stories of a drill, checked before anything is asked. */
async function prepareDrill(run: Run, opts: DrillOptions, start: DrillStart | undefined) {
  if (opts.due && opts.new) throw new UsageError('--due and --new exclude each other; pick one');
  const plan = start ? start.plan : opts.plan ? loadPlan(opts.plan, { packageRoot: run.packageRoot, cwd: run.cwd, cache: { dir: run.paths.cacheDir, build: run.buildId } }) : undefined;
  const questions = start ? await questionsById(run, start.ids) : await chooseQuestions(run, opts, plan);
  if (questions.length === 0) {
    throw new NotFoundError(
      opts.due ? 'nothing is due for review right now' : opts.new ? 'every matching question has been practised already' : 'no questions match',
      opts.due ? "try 'rmprep drill' or 'rmprep drill --new'" : "see 'rmprep list'",
    );
  }
  const bank = (await run.loadBank()).questions;
  const storiesFor = loadStoryHints(run, opts.stories, bank);
  return { plan, questions, bank, storiesFor };
}

async function runDrill(run: Run, opts: DrillOptions, start: DrillStart | undefined, { plan, questions, bank, storiesFor }: Awaited<ReturnType<typeof prepareDrill>>): Promise<number> {
  const timeLimit = opts.timeLimit ?? plan?.timeLimit;
  const mode = opts.answerMode ?? plan?.answerMode ?? 'ask';
  const followUps = opts.followUps ?? plan?.followUps ?? 0;
  const io = { input: run.stdin, output: run.stdout.stream ?? (run.stdout as unknown as NodeJS.WritableStream) } as PromptIo;
  const screen = { width: run.width, style: run.style };
  const view = createSessionView(run.stdout, { ...screen, rows: () => io.output.rows ?? 24, waitKey: (message) => waitForKey(io, message) });
  const historyFile = run.paths.historyFile;
  const recorder = createRecorder(run);
  const progress = startProgress(newSessionId(run.now(), run.makeRng()));
  const withDrafts = offerKeptDrafts(createPrompter(io, run.style), view, join(dirname(historyFile), 'drafts'), start ? questions[0] : undefined);
  const watched = watchUnsavedAnswers(withDrafts.prompter, withDrafts.view, start ? questions[0] : undefined);
  // Beside the history first: the temp folder may be cleared at the next start.
  const keep = (unsaved: UnsavedAnswer | undefined) => unsaved && keepDrafts(unsaved, { dirs: [join(dirname(historyFile), 'drafts'), tmpdir()], sessionId: progress.id, questionId: unsaved.questionId });
  const stopped = (unsaved: UnsavedAnswer | undefined, files: KeptFiles | undefined) =>
    renderStopped({ saved: progress.outcomes.length, sessionId: progress.saved ? progress.id : undefined, unsaved: unsaved && { ...unsaved, file: files?.answer, followUpFile: files?.followUps } }, screen);
  let keptAtEnd = '';
  // A signal or a closed terminal does what Ctrl-C does; the answer is kept before anything else happens.
  const endings = watchEndings(process, run.stdin, () => {
    const unsaved = watched.unsavedNow();
    const file = keep(unsaved);
    watched.discardOpen();
    keptAtEnd = stopped(unsaved, file);
  });
  const endedBy = (signal: EndingSignal) => {
    // After a hang-up there is no terminal left to tell.
    if (signal !== 'SIGHUP') writeIfAble(run, keptAtEnd);
    return SIGNAL_EXIT[signal];
  };
  try {
    const phrasings = readPhrasingsOrWarn(run);
    const grade = sessionGrader(resolveGrader(run.env, run.home, opts.offline === true), bank, timeLimit, phrasings);
    const deps = { prompter: watched.prompter, view: watched.view, recorder, now: run.now, storiesFor, savePhrasing: drillPhrasingSaver(run, bank, phrasings), ...(grade ? { grade } : {}) };
    const signal = await Promise.race([
      runPracticeSession(questions, { mode, timeLimit, plan: plan?.name, bank, phrasings, firstShown: start !== undefined, followUps }, deps, progress).then(() => undefined),
      endings.ended,
    ]);
    if (signal) return endedBy(signal);
  } catch (err) {
    const signal = endings.signal();
    if (signal) return endedBy(signal);
    if (!isPromptInterruption(err)) throw err;
    const unsaved = watched.unsaved(err);
    run.stdout.write(stopped(unsaved, keep(unsaved)));
    return EXIT.interrupted;
  } finally {
    endings.stop();
  }
  run.stdout.write(`\n${renderSessionSummary(progress.outcomes, screen)}`);
  if (plan && progress.saved) {
    const report = buildSessionReport(readHistory(historyFile, storeOptions(run)).records, progress.id, await run.loadBank());
    run.stdout.write(`\n${renderReportText(report, screen)}\n`);
  }
  // Wrapped at words: a command cut mid-id by the terminal would not paste back whole.
  if (progress.saved) run.stdout.write(run.style.dim(`${wrapText(`Review this session any time: rmprep report --session ${progress.id}`, run.width).join('\n')}\n`));
  return 0;
}

/** The questions a drill asks, in order: by --id, else picked from the bank with the history. */
export async function chooseQuestions(run: Run, opts: DrillOptions, plan: Plan | undefined): Promise<Question[]> {
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  if (opts.id && opts.id.length > 0) return questionsById(run, opts.id);
  const pool = drillPool(bank.questions, opts);
  const summary = followAliases(loadSummary(run.paths.historyFile, storeOptions(run)), bank.questions);
  const picked = pickDrillQuestions(pool, summary, opts, plan, { now: run.now(), rng: run.makeRng(opts.seed) });
  for (const shortfall of picked.shortfalls) run.warn(shortfall);
  return picked.questions;
}

async function questionsById(run: Run, ids: readonly string[]): Promise<Question[]> {
  const picked: Question[] = [];
  for (const id of ids) picked.push(await requireQuestion(run, id));
  return picked;
}

/** The user's stories, offered for the questions they fit; a broken story file is a warning, not a stop. */
function loadStoryHints(run: Run, option: string | undefined, bank: readonly Question[]): (question: Question) => StoryHint[] {
  const dir = resolveStoriesDir({ option, env: run.env, home: run.home, cwd: run.cwd });
  // A folder named on the command line that is not there is a typo, not "no stories yet".
  if (option !== undefined && !existsSync(dir)) throw new NotFoundError(`no stories folder ${clip(option)}`, "write a story with 'rmprep story new <slug> --stories <dir>'");
  const { stories, problems } = loadStories(dir);
  if (problems[0]) run.warn(`skipped a broken story: ${formatProblem(problems[0])}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`);
  const titles = new Map(stories.map((s) => [s.slug, s.title]));
  return (question) => storiesForQuestion(stories, question, bank).map((f) => ({ slug: f.slug, title: titles.get(f.slug) ?? f.slug, fit: f.fit }));
}

/** Output that may find its terminal gone: a write that fails changes nothing about how the drill ends. */
function writeIfAble(run: Run, text: string): void {
  try {
    run.stdout.write(text);
  } catch {
    // The answer is kept already; only the message is lost.
  }
}
