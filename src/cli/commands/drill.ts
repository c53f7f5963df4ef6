import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { analyzeAnswer } from '../../core/coach/index.js';
import type { CoachReport } from '../../core/coach/types.js';
import { ratingFromScore } from '../../core/coach-rating.js';
import { RATING_VALUE, type Rating } from '../../core/history/schema.js';
import { loadSummary, readHistory, recordAttempt, recordSession } from '../../core/history/store.js';
import { loadPlan, pickPlanQuestions, type Plan } from '../../core/plan.js';
import type { Question } from '../../core/questions/schema.js';
import { buildSessionReport } from '../../core/report.js';
import { orderQuestions } from '../../core/select.js';
import { renderCoachReport } from '../../ui/render-coach.js';
import { renderQuestionHeader, renderReveal } from '../../ui/render.js';
import { renderReportText } from '../../ui/render-report.js';
import * as prompts from '../../ui/prompts.js';
import type { Run } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import { categoryOption, parseOptions, positiveInt } from '../options.js';
import { warnAboutProblems } from '../run.js';

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
});
type DrillOptions = z.infer<typeof drillOptionsSchema>;

const DEFAULT_COUNT = 5;

interface Outcome {
  question: Question;
  rating: Rating;
  score: number | undefined;
}

export async function drillCommand(run: Run, raw: unknown): Promise<number> {
  const opts = parseOptions(drillOptionsSchema, raw);
  if (opts.due && opts.new) throw new UsageError('--due and --new exclude each other; pick one');
  if (!run.stdin.isTTY || !run.stdout.isTTY) {
    throw new UsageError(
      'drill needs an interactive terminal',
      "for scripts use 'rmprep next', 'rmprep show <id>' and 'rmprep coach <id> --record' (see docs/scripting.md)",
    );
  }
  const plan = opts.plan ? loadPlan(opts.plan, { packageRoot: run.packageRoot, cwd: run.cwd }) : undefined;
  const questions = await chooseQuestions(run, opts, plan);
  if (questions.length === 0) {
    throw new NotFoundError(
      opts.due ? 'nothing is due for review right now' : opts.new ? 'every matching question has been practised already' : 'no questions match',
      opts.due ? "try 'rmprep drill' or 'rmprep drill --new'" : "see 'rmprep list'",
    );
  }
  const timeLimit = opts.timeLimit ?? plan?.timeLimit;
  const mode = opts.answerMode ?? plan?.answerMode ?? 'ask';
  const io = { input: run.stdin, output: run.stdout.stream ?? (run.stdout as unknown as NodeJS.WritableStream) };
  const session = `${run.now().toISOString().slice(0, 10)}-${randomBytes(3).toString('hex')}`;
  let sessionSaved = false;
  const outcomes: Outcome[] = [];
  const { style, width } = run;
  run.stdout.write(style.dim(`${plan ? `Plan: ${plan.name}. ` : ''}${questions.length} question${questions.length === 1 ? '' : 's'}. Ctrl-C quits at any time; every rated answer is already saved.\n`));

  for (const [index, question] of questions.entries()) {
    run.stdout.write(`\n${style.heading(`Question ${index + 1} of ${questions.length}`)}\n${renderQuestionHeader(question, { width, style })}\n`);
    if (question.category === 'behavioral') run.stdout.write(style.dim('Tell it as a story: situation, task, what you did, and the result in numbers.\n'));
    if (question.framework) run.stdout.write(style.dim('Think it through step by step and name the tradeoffs.\n'));
    const choice = mode === 'ask' ? await prompts.chooseAnswerMode(io) : mode === 'type' ? 'type' : mode;
    if (choice === 'quit') break;
    if (choice === 'skip') continue;
    let answer: string | undefined;
    let seconds: number;
    if (choice === 'type') {
      const typed = await prompts.typeAnswer(io, { timeLimit, style });
      answer = typed.text;
      seconds = typed.seconds;
    } else if (choice === 'editor') {
      const started = Date.now();
      answer = (await prompts.editAnswer(io)).trim();
      seconds = (Date.now() - started) / 1000;
    } else {
      seconds = (await prompts.speakAnswer(io, { timeLimit, style })).seconds;
    }
    const overTime = timeLimit !== undefined && seconds > timeLimit;
    if (overTime) run.stdout.write(style.warn(`Over the time limit by ${prompts.clock(seconds - timeLimit)}.\n`));
    let report: CoachReport | undefined;
    if (answer) {
      report = analyzeAnswer(question, answer);
      run.stdout.write(`\n${style.heading('Feedback on your answer')}\n${renderCoachReport(report, { width, style })}\n`);
    } else if (choice === 'spoken') {
      run.stdout.write(style.dim(`You spoke for ${prompts.clock(seconds)}${seconds < 60 ? ' — aim for one to three minutes' : seconds > 180 ? ' — try to land it within three minutes' : ''}.\n`));
    }
    run.stdout.write(`\n${renderReveal(question, { width, style }).join('\n\n')}\n\n`);
    const rating = await prompts.rateAnswer(io, report ? ratingFromScore(report.score) : undefined);
    const now = run.now();
    if (!sessionSaved) {
      recordSession(run.paths.historyFile, { id: session, at: now.toISOString(), ...(plan ? { plan: plan.name } : {}), ...(timeLimit ? { timeLimit } : {}) });
      sessionSaved = true;
    }
    const attempt = recordAttempt(
      run.paths.historyFile,
      {
        questionId: question.id,
        category: question.category,
        at: now.toISOString(),
        rating,
        mode: choice === 'spoken' ? 'spoken' : 'typed',
        seconds: Math.round(seconds * 10) / 10,
        ...(answer ? { answer } : {}),
        ...(report ? { score: report.score } : {}),
        ...(timeLimit ? { timeLimit, overTime } : {}),
        session,
      },
      { now },
    );
    outcomes.push({ question, rating, score: report?.score });
    run.stdout.write(style.dim(`Saved. Next review: ${attempt.card ? describeDue(attempt.card.due, now) : 'soon'}.\n`));
    if (index < questions.length - 1 && (await prompts.nextStep(io)) === 'quit') break;
  }

  run.stdout.write(`\n${renderSummary(outcomes, run)}`);
  if (plan && sessionSaved) {
    const report = buildSessionReport(readHistory(run.paths.historyFile).records, session, await run.loadBank());
    run.stdout.write(`\n${renderReportText(report, { width, style })}\n`);
  }
  if (sessionSaved) run.stdout.write(style.dim(`Review this session any time: rmprep report --session ${session}\n`));
  return 0;
}

async function chooseQuestions(run: Run, opts: DrillOptions, plan: Plan | undefined): Promise<Question[]> {
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  if (opts.id && opts.id.length > 0) {
    return opts.id.map((id) => {
      const q = bank.byId.get(id);
      if (!q) throw new NotFoundError(`no question with id "${id}"`, "see 'rmprep list'");
      return q;
    });
  }
  const tag = opts.tag?.toLowerCase();
  const pool = bank.questions.filter(
    (q) => (!opts.category || opts.category.length === 0 || opts.category.includes(q.category)) && (!tag || q.tags.includes(tag)),
  );
  const summary = loadSummary(run.paths.historyFile);
  const rng = run.makeRng(opts.seed);
  const ordered = orderQuestions(pool, summary, { now: run.now(), rng, only: opts.due ? 'due' : opts.new ? 'new' : undefined });
  if (plan) return pickPlanQuestions(plan, pool, ordered.map((p) => p.question.id), rng);
  return ordered.slice(0, opts.count ?? DEFAULT_COUNT).map((p) => p.question);
}

function describeDue(due: string, now: Date): string {
  const minutes = (Date.parse(due) - now.getTime()) / 60_000;
  if (minutes < 60) return `in ${Math.max(1, Math.round(minutes))} minute${Math.round(minutes) === 1 ? '' : 's'}`;
  if (minutes < 48 * 60) return `in ${Math.round(minutes / 60)} hours`;
  return `in ${Math.round(minutes / 1440)} days (${due.slice(0, 10)})`;
}

function renderSummary(outcomes: Outcome[], run: Run): string {
  const { style } = run;
  if (outcomes.length === 0) return style.dim('No answers rated this time.\n');
  const lines = [style.heading(`Session summary: ${outcomes.length} answered`)];
  const byCategory = new Map<string, Outcome[]>();
  for (const o of outcomes) byCategory.set(o.question.category, [...(byCategory.get(o.question.category) ?? []), o]);
  for (const [category, list] of byCategory) {
    const avg = list.reduce((a, o) => a + RATING_VALUE[o.rating], 0) / list.length;
    const scores = list.map((o) => o.score).filter((s): s is number => s !== undefined);
    const score = scores.length > 0 ? ` · coach score ${Math.round(scores.reduce((a, b) => a + b, 0) / scores.length)}` : '';
    lines.push(`  ${category.padEnd(11)} ${list.length} answered · avg rating ${avg.toFixed(1)}/4${score}`);
  }
  return `${lines.join('\n')}\n`;
}
