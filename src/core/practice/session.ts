import { analyzeAnswer } from '../coach/index.js';
import type { CoachReport } from '../coach/types.js';
import type { AttemptDraft, AttemptRecord, Rating, SessionRecord } from '../history/schema.js';
import type { Question } from '../questions/schema.js';
import type { Rng } from '../random.js';
import { ratingFromScore } from './coach-rating.js';

/** How the user answers one question, or leaves it. */
export type AnswerChoice = 'type' | 'editor' | 'spoken' | 'skip' | 'quit';
/** The answer mode of a whole session; 'ask' asks before each question. */
export type SessionMode = 'ask' | 'type' | 'editor' | 'spoken';

/** Everything the session asks the user. The terminal implementation lives in src/ui/prompts.ts. */
export interface Prompter {
  chooseAnswerMode(): Promise<AnswerChoice>;
  typeAnswer(opts: { timeLimit: number | undefined }): Promise<{ text: string; seconds: number }>;
  editAnswer(opts: { question: Question }): Promise<{ text: string; seconds: number }>;
  speakAnswer(opts: { timeLimit: number | undefined }): Promise<{ seconds: number }>;
  rateAnswer(suggested: Rating | undefined): Promise<Rating>;
  nextStep(): Promise<'next' | 'quit'>;
}

/** Everything the session shows. Implemented in src/ui; may wait for the user (a paged reveal). */
export interface SessionView {
  start(info: { plan: string | undefined; count: number }): void;
  question(question: Question, index: number, total: number): void;
  overTime(seconds: number, limit: number): void;
  feedback(report: CoachReport): void;
  spokenLength(seconds: number): void;
  reveal(question: Question): void | Promise<void>;
  saved(attempt: AttemptRecord, now: Date): void;
}

/** Saves one attempt. `session` is the session's marker, handed over with its first attempt only. */
export interface Recorder {
  record(draft: AttemptDraft, session: SessionRecord | undefined, now: Date): AttemptRecord;
}

export interface Outcome {
  question: Question;
  rating: Rating;
  score: number | undefined;
}

/** What a session has done so far; readable when a prompt is interrupted. */
export interface SessionProgress {
  id: string;
  outcomes: Outcome[];
  /** True once the session's marker is in the history. */
  saved: boolean;
}

export interface SessionOptions {
  mode: SessionMode;
  timeLimit: number | undefined;
  plan: string | undefined;
  /** The whole bank, so the coach can tell common words from specific ones. */
  bank?: readonly Question[];
}

export interface SessionDeps {
  prompter: Prompter;
  view: SessionView;
  recorder: Recorder;
  now(): Date;
}

/** A session id: the UTC day and six hex digits from `rng`, e.g. "2026-11-29-3fa9c1". */
export function newSessionId(now: Date, rng: Rng): string {
  const hex = Math.floor(rng() * 0x1000000)
    .toString(16)
    .padStart(6, '0');
  return `${now.toISOString().slice(0, 10)}-${hex}`;
}

export function startProgress(id: string): SessionProgress {
  return { id, outcomes: [], saved: false };
}

/** Asks each question in turn, gives feedback, reveals the model answer and records the rating. */
export async function runPracticeSession(questions: readonly Question[], opts: SessionOptions, deps: SessionDeps, progress: SessionProgress): Promise<SessionProgress> {
  const { prompter, view, recorder } = deps;
  view.start({ plan: opts.plan, count: questions.length });
  for (const [index, question] of questions.entries()) {
    view.question(question, index, questions.length);
    const choice = opts.mode === 'ask' ? await prompter.chooseAnswerMode() : opts.mode;
    if (choice === 'quit') break;
    if (choice === 'skip') continue;
    const { answer, seconds } = await takeAnswer(choice, question, opts.timeLimit, prompter);
    const overTime = opts.timeLimit !== undefined && seconds > opts.timeLimit;
    if (overTime && opts.timeLimit !== undefined) view.overTime(seconds, opts.timeLimit);
    let report: CoachReport | undefined;
    if (answer) {
      report = analyzeAnswer(question, answer, opts.bank);
      view.feedback(report);
    } else if (choice === 'spoken') {
      view.spokenLength(seconds);
    }
    await view.reveal(question);
    const rating = await prompter.rateAnswer(report ? ratingFromScore(report.score) : undefined);
    const now = deps.now();
    const marker: SessionRecord | undefined = progress.saved
      ? undefined
      : { type: 'session', id: progress.id, at: now.toISOString(), ...(opts.plan ? { plan: opts.plan } : {}), ...(opts.timeLimit ? { timeLimit: opts.timeLimit } : {}) };
    const draft: AttemptDraft = {
      questionId: question.id,
      category: question.category,
      at: now.toISOString(),
      rating,
      mode: choice === 'spoken' ? 'spoken' : 'typed',
      seconds: Math.round(seconds * 10) / 10,
      ...(answer ? { answer } : {}),
      ...(report ? { score: report.score } : {}),
      ...(opts.timeLimit ? { timeLimit: opts.timeLimit, overTime } : {}),
      session: progress.id,
    };
    const attempt = recorder.record(draft, marker, now);
    progress.saved = true;
    progress.outcomes.push({ question, rating, score: report?.score });
    view.saved(attempt, now);
    if (index < questions.length - 1 && (await prompter.nextStep()) === 'quit') break;
  }
  return progress;
}

async function takeAnswer(
  choice: 'type' | 'editor' | 'spoken',
  question: Question,
  timeLimit: number | undefined,
  prompter: Prompter,
): Promise<{ answer: string | undefined; seconds: number }> {
  if (choice === 'type') {
    const typed = await prompter.typeAnswer({ timeLimit });
    return { answer: typed.text, seconds: typed.seconds };
  }
  if (choice === 'editor') {
    const edited = await prompter.editAnswer({ question });
    return { answer: edited.text.trim(), seconds: edited.seconds };
  }
  return { answer: undefined, seconds: (await prompter.speakAnswer({ timeLimit })).seconds };
}
