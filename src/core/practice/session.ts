import type { Phrasing } from '../coach/phrasings.js';
import { type GradeAnswer, type ModelGrading, type WaitForModel, listenToModel } from './listen-model.js';
import { analyzeAnswer } from '../coach/index.js';
import { estimateSeconds } from '../coach/delivery.js';
import { countWords } from '../coach/text.js';
import type { CoachReport } from '../coach/types.js';
import type { AttemptDraft, AttemptRecord, Rating, SessionRecord } from '../history/schema.js';
import type { Question } from '../questions/schema.js';
import type { Rng } from '../random.js';
import type { AnswerMode } from './answer-modes.js';
import { preselectedRating } from './coach-rating.js';
import { type DrillFollowUp, askFollowUps } from './follow-up-round.js';
import { type SavePhrasing, type TeachLine, modelCredits, waitOrTeach } from './teach-round.js';
import type { ChosenFollowUp } from './follow-up.js';

/** How the user answers one question, or leaves it. */
export type AnswerChoice = 'type' | 'editor' | 'spoken' | 'skip' | 'quit';
/** The answer mode of a whole session; 'ask' asks before each question. */
export type SessionMode = AnswerMode;

/** An answer as the user gave it (text exactly as typed), or a skip from inside the answer prompt. */
export type TakenAnswer = { kind: 'answer'; text: string; seconds: number } | { kind: 'skip'; seconds: number };

/** Everything the session asks the user. The terminal implementation lives in src/ui/prompts.ts. */
/** One of the user's stories that fits a question, offered before the answer. */
export interface StoryHint {
  slug: string;
  title: string;
  /** 0..1, see src/core/stories/match.ts. */
  fit: number;
}

export interface Prompter {
  chooseAnswerMode(): Promise<AnswerChoice>;
  /** Which of the offered stories the answer told; undefined for none of them. */
  pickStory?(hints: readonly StoryHint[]): Promise<string | undefined>;
  /** `initial`: text the answer box starts with (a kept draft being continued). */
  typeAnswer(opts: { timeLimit: number | undefined; initial?: string }): Promise<TakenAnswer>;
  /** A kept draft for the question: true to continue it, false to start afresh. */
  offerDraft?(draft: { at: string; words: number }): Promise<boolean>;
  editAnswer(opts: { question: Question }): Promise<TakenAnswer>;
  speakAnswer(opts: { timeLimit: number | undefined }): Promise<TakenAnswer>;
  /** After a skip: whether to see the model answer of `question` before moving on. */
  showAnswerAfterSkip(question: Question): Promise<boolean>;
  /** Between the feedback and the reveal, so the score stays on screen until the user moves on; with `teach`, a key may ask to teach a phrasing. */
  waitBeforeReveal(opts?: { teach?: boolean }): Promise<void | 'teach'>;
  /** Which of the points the coach did not hear the person will teach; undefined to cancel. */
  pickUnheardPoint?(points: readonly { number: number; text: string }[]): Promise<number | undefined>;
  /** Which words of the answer make point `number` (closest first); undefined to cancel. */
  pickTaughtSentence?(number: number, sentences: readonly string[]): Promise<string | undefined>;
  /** While a model grader reads the answer: a key goes on without it; true when one was pressed. */
  waitForModel?: WaitForModel;
  rateAnswer(suggested: Rating | undefined): Promise<Rating>;
  /** Between questions; with `undo`, also offers to take back the rating just saved. */
  nextStep(opts?: { undo?: boolean }): Promise<NextStep>;
  /** After the last question's rating: finish, or take that rating back. Without it the session just ends. */
  finishStep?(): Promise<'finish' | 'undo'>;
}

/** Everything the session shows. Implemented in src/ui; may wait for the user (a paged reveal). */
export interface SessionView {
  start(info: { plan: string | undefined; count: number }): void;
  question(question: Question, index: number, total: number): void;
  /** "Your stories that fit", shown before the answer prompt. */
  stories?(hints: readonly StoryHint[]): void;
  /** Shown once when an answer runs over the limit; `spoken` is false when the length is estimated from words. */
  overTime(info: { seconds: number; limit: number; spoken: boolean }): void;
  feedback(report: CoachReport): void | Promise<void>;
  /** The model grader's points, added to the feedback on screen, or the line saying it could not be used. */
  modelFeedback?(graded: ModelGrading): void | Promise<void>;
  /** Said about an answer given aloud that was within the limit, or had none. */
  spokenLength(seconds: number, limit: number | undefined): void;
  reveal(question: Question): void | Promise<void>;
  /** The interviewer's follow-up, asked before its answer is taken. */
  followUp?(question: Question, followUp: ChosenFollowUp): void;
  /** Whether each follow-up's answer made the point it probed, shown with the main answer's feedback. */
  followUpFeedback?(question: Question, followUps: readonly DrillFollowUp[]): void;
  saved(attempt: AttemptRecord, now: Date): void;
  /** After teaching a phrasing at the feedback: what was taught, or why nothing was. */
  taught?(line: TeachLine): void;
  /** A saved attempt was taken back to be rated again: its answer is unsaved once more. */
  undone?(attempt: AttemptRecord): void;
}

export type NextStep = 'next' | 'quit' | 'undo';

/** Saves one attempt. `session` is the session's marker, handed over with its first attempt only. */
export interface Recorder {
  record(draft: AttemptDraft, session: SessionRecord | undefined, now: Date): AttemptRecord;
  /** Takes a saved attempt back: it then counts nowhere. */
  undo?(attemptId: string, now: Date): void;
}

export interface Outcome {
  question: Question;
  rating: Rating;
  score: number | undefined;
  /** How the score was read, as saved: a summary averages shown scores only when one reading gave them all. */
  wordsScore?: number | undefined;
  reading?: AttemptRecord['reading'] | undefined;
}

/** A saved attempt's outcome for the session summary. */
function outcomeOf(question: Question, attempt: AttemptRecord): Outcome {
  return { question, rating: attempt.rating, score: attempt.score, wordsScore: attempt.wordsScore, reading: attempt.reading };
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
  /** Sentences the person taught the coach (phrasings.yaml); each counts only for its own question. */
  phrasings?: readonly Phrasing[];
  /** The opening line and the first question are on screen already (printed at start-up). */
  firstShown?: boolean;
  /** Follow-ups asked after each answer, before the reveal; none when 0 or left out. */
  followUps?: number;
}

export interface SessionDeps {
  prompter: Prompter;
  view: SessionView;
  recorder: Recorder;
  now(): Date;
  /** The user's stories that fit a question, best first; none when they keep no stories. */
  storiesFor?(question: Question): StoryHint[];
  /** A model grader to read typed answers beside the words-only coach, when one is configured. */
  grade?: GradeAnswer;
  /** Saves a phrasing taught at the feedback (as `coach --heard` does); none offered without it. */
  savePhrasing?: SavePhrasing;
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
  // Grows as the person teaches phrasings at the feedback; later answers are read with them too.
  let phrasings: readonly Phrasing[] = opts.phrasings ?? [];
  if (!opts.firstShown) view.start({ plan: opts.plan, count: questions.length });
  for (const [index, question] of questions.entries()) {
    if (!(opts.firstShown && index === 0)) view.question(question, index, questions.length);
    const hints = deps.storiesFor?.(question) ?? [];
    if (hints.length > 0) view.stories?.(hints);
    const choice = opts.mode === 'ask' ? await prompter.chooseAnswerMode() : opts.mode;
    if (choice === 'quit') break;
    const taken = choice === 'skip' ? undefined : await takeAnswer(choice, question, opts.timeLimit, prompter);
    if (choice === 'skip' || !taken || taken.kind === 'skip') {
      if (await prompter.showAnswerAfterSkip(question)) await view.reveal(question);
      if (index < questions.length - 1 && (await prompter.nextStep()) === 'quit') break;
      continue;
    }
    const answer = choice === 'spoken' ? undefined : taken.text;
    const story = hints.length > 0 ? await prompter.pickStory?.(hints) : undefined;
    const seconds = taken.seconds;
    // A written answer is held to the limit by how long it would take to say; a spoken one by the clock.
    const length = answer === undefined ? seconds : estimateSeconds(countWords(answer));
    const overTime = opts.timeLimit !== undefined && length > opts.timeLimit;
    if (overTime && opts.timeLimit !== undefined) view.overTime({ seconds: length, limit: opts.timeLimit, spoken: answer === undefined });
    let report: CoachReport | undefined = answer === undefined ? undefined : analyzeAnswer(question, answer, opts.bank, { timeLimit: opts.timeLimit, phrasings });
    let kept: ModelGrading['record'] = {};
    // Asked from the words-only report at once: a model grader is never waited for before the follow-up.
    const followUps = opts.followUps
      ? await askFollowUps(question, report, { count: opts.followUps, choice, timeLimit: opts.timeLimit, bank: opts.bank, prompter, ask: (f) => view.followUp?.(question, f) })
      : [];
    if (report !== undefined && answer !== undefined) {
      await view.feedback(report);
      if (followUps.length > 0) view.followUpFeedback?.(question, followUps);
      const heard = deps.grade && prompter.waitForModel ? await listenToModel(deps.grade, prompter.waitForModel, question, answer, report) : null;
      const graded = heard === 'teach' ? undefined : heard;
      if (graded) {
        report = graded.report;
        kept = graded.record;
        await view.modelFeedback?.(graded);
      }
      // A key pressed to go on without the model already asked for the model answer, unless it was the teaching key.
      if (graded !== undefined || heard === 'teach') {
        const teach = { prompter, view, save: deps.savePhrasing, bank: opts.bank, timeLimit: opts.timeLimit, phrasings, credits: modelCredits(report), teachFirst: heard === 'teach' };
        ({ report, phrasings } = await waitOrTeach(question, answer, report, teach));
      }
    } else {
      if (!overTime) view.spokenLength(seconds, opts.timeLimit);
      if (followUps.length > 0) view.followUpFeedback?.(question, followUps);
    }
    await view.reveal(question);
    const rating = await prompter.rateAnswer(preselectedRating(report?.score));
    const now = deps.now();
    const marker: SessionRecord | undefined = progress.saved
      ? undefined
      : { type: 'session', id: progress.id, at: now.toISOString(), ...(opts.plan ? { plan: opts.plan } : {}), ...(opts.timeLimit ? { timeLimit: opts.timeLimit } : {}) };
    const draft: AttemptDraft = {
      questionId: question.id,
      category: question.category,
      at: now.toISOString(),
      rating,
      mode: choice === 'type' ? 'typed' : choice,
      seconds: Math.round(seconds * 10) / 10,
      ...(answer !== undefined ? { answer } : {}),
      ...(report ? { score: report.score } : {}),
      // Taught phrasings may have raised the score: the words' own is kept beside it (the model's reading overrides).
      ...(report?.wordsScore !== undefined ? { wordsScore: report.wordsScore, reading: 'words' as const } : {}),
      ...kept,
      ...(opts.timeLimit ? { timeLimit: opts.timeLimit, overTime } : {}),
      session: progress.id,
      ...(story ? { story } : {}),
      ...(followUps.length > 0 ? { followUps: followUps.map(({ evidence: _evidence, ...saved }) => saved) } : {}),
    };
    let attempt = recorder.record(draft, marker, now);
    progress.saved = true;
    progress.outcomes.push(outcomeOf(question, attempt));
    view.saved(attempt, now);
    const undoable = { undo: recorder.undo !== undefined };
    const last = index === questions.length - 1;
    // The last rating can be taken back too, before the summary: there is no next question to offer it at.
    const askStep = async (): Promise<NextStep> => {
      if (!last) return prompter.nextStep(undoable);
      return undoable.undo && prompter.finishStep && (await prompter.finishStep()) === 'undo' ? 'undo' : 'next';
    };
    let step = await askStep();
    // Undo takes the rating just saved back and asks for it again; the answer is then saved with the new one.
    while (step === 'undo' && recorder.undo) {
      recorder.undo(attempt.id, deps.now());
      view.undone?.(attempt);
      progress.outcomes.pop();
      const again = await prompter.rateAnswer(preselectedRating(report?.score));
      const at = deps.now();
      attempt = recorder.record({ ...draft, rating: again, at: at.toISOString() }, undefined, at);
      progress.outcomes.push(outcomeOf(question, attempt));
      view.saved(attempt, at);
      step = await askStep();
    }
    if (step === 'quit') break;
  }
  return progress;
}

function takeAnswer(choice: 'type' | 'editor' | 'spoken', question: Question, timeLimit: number | undefined, prompter: Prompter): Promise<TakenAnswer> {
  if (choice === 'type') return prompter.typeAnswer({ timeLimit });
  if (choice === 'editor') return prompter.editAnswer({ question });
  return prompter.speakAnswer({ timeLimit });
}
