import { clip } from '../text/sanitize.js';
import { InputError } from '../errors.js';
import type { CoachReport } from '../coach/index.js';
import { rereadWithCredits } from '../coach/model-reading.js';
import { comparableScores, wordsOnlyScore, type Reading, type ScoredAttempt } from '../history/score-reading.js';
import { RATINGS, type AttemptRecord, type HistoryRecord, type Rating, type SessionRecord } from '../history/schema.js';
import type { Category, QuestionData } from '../questions/schema.js';
import { type ReportFollowUp, practiseNext, reportFollowUps } from './report-follow-ups.js';

/** How many session ids a not-found error lists. */
const LISTED_SESSIONS = 5;

export interface ReportAttempt {
  /** 1-based position in the session. */
  index: number;
  attemptId: string;
  questionId: string;
  category: Category;
  /** The question as the bank has it now; null when it is no longer in the bank. */
  question: string | null;
  at: string;
  mode: 'typed' | 'editor' | 'spoken';
  /** What was typed; null for spoken answers. */
  answer: string | null;
  rating: Rating;
  /** The score saved with the attempt, else the one computed now; null for spoken answers. */
  score: number | null;
  /** The words-only score beside it (see score-reading.ts); null when unknown or for spoken answers. */
  wordsScore: number | null;
  /** How the score was read: by the words alone, or by a model (its name and the server's origin). */
  reading: Reading | null;
  seconds: number;
  timeLimit: number | null;
  overTime: boolean;
  /** Talking points the answer did not cover. */
  missed: string[];
  /** Feedback recomputed from the answer; null without a typed answer or when the question is gone. */
  coach: CoachReport | null;
  /** Follow-ups asked after the answer, and whether each recovered the point it probed. */
  followUps: ReportFollowUp[];
  /** Up to three things to practise next, most valuable first. */
  practise: string[];
}

export interface SessionReport {
  session: { id: string; label: string | null; at: string; plan: string | null; timeLimit: number | null };
  attempts: ReportAttempt[];
  summary: {
    questions: number;
    typed: number;
    /** Words-only scores averaged, unless every score was read the same way. */
    averageScore: number | null;
    totalSeconds: number;
    overTime: number;
    /** Follow-ups asked, and how many of them recovered the point they probed. */
    followUps: number;
    recovered: number;
    ratings: Record<Rating, number>;
  };
}

export interface ReportBank {
  byId: ReadonlyMap<string, QuestionData>;
  /** Every question, for the coach to tell common words from specific ones. */
  questions?: readonly QuestionData[];
}

/**
 * Gathers one practice session from history records: the session marker and its attempts in the order they
 * were saved, with feedback recomputed for typed answers. `sessionRef` is 'last' (the newest session) or an id
 * or label (see matchSession). Pure apart from the errors it throws.
 */
export function buildSessionReport(records: readonly HistoryRecord[], sessionRef: 'last' | string, bank: ReportBank): SessionReport {
  const session = findSession(records, sessionRef);
  const attempts = records
    .filter((r): r is AttemptRecord => r.type === 'attempt' && r.session === session.id)
    .map((a, i) => reportAttempt(a, i + 1, bank));
  return {
    session: { id: session.id, label: session.label ?? null, at: session.at, plan: session.plan ?? null, timeLimit: session.timeLimit ?? null },
    attempts,
    summary: summarize(attempts),
  };
}

/** What a `--session` reference names: one session, or several sessions sharing the label given. */
export type SessionMatch = { session: SessionRecord; candidates?: undefined } | { session?: undefined; candidates: SessionRecord[] };

/**
 * The session `ref` names: 'last' (the newest), an id, a label (several sessions may share one: all of
 * them are returned, newest first, for the caller to choose) or a unique prefix of an id (four characters
 * or more). Pure apart from the errors it throws when nothing matches.
 */
export function matchSession(records: readonly HistoryRecord[], ref: string): SessionMatch {
  const sessions = records.filter((r): r is SessionRecord => r.type === 'session');
  const newestFirst = sessions
    .map((s, i) => ({ s, i }))
    .sort((a, b) => Date.parse(b.s.at) - Date.parse(a.s.at) || b.i - a.i)
    .map(({ s }) => s);
  if (newestFirst.length === 0) {
    throw new InputError('no practice sessions in the history yet', 'missing', "a session is saved when you run 'rmprep drill' or 'rmprep coach <id> --record'");
  }
  const wanted = ref.trim();
  if (wanted === 'last') return { session: newestFirst[0] as SessionRecord };
  const exact = newestFirst.find((s) => s.id === wanted);
  if (exact) return { session: exact };
  const labelled = newestFirst.filter((s) => s.label === wanted);
  if (labelled.length === 1) return { session: labelled[0] as SessionRecord };
  if (labelled.length > 1) return { candidates: labelled };
  const byPrefix = wanted.length >= 4 ? newestFirst.filter((s) => s.id.startsWith(wanted)) : [];
  if (byPrefix.length === 1) return { session: byPrefix[0] as SessionRecord };
  const listed = (byPrefix.length > 1 ? byPrefix : newestFirst).slice(0, LISTED_SESSIONS);
  throw new InputError(
    byPrefix.length > 1 ? `"${clip(wanted)}" matches more than one session` : `no session with id or label "${clip(wanted)}"`,
    'missing',
    `${byPrefix.length > 1 ? 'matching' : 'latest'} sessions: ${listed.map(describeSession).join(', ')}`,
  );
}

/** A session in a list: its id, its label when it has one, and when it started (UTC). */
export function describeSession(s: SessionRecord): string {
  const label = s.label !== undefined ? ` "${clip(s.label, 40)}"` : '';
  return `${clip(s.id, 40)}${label} (${clip(s.at.slice(0, 16).replace('T', ' '), 16)})`;
}

function findSession(records: readonly HistoryRecord[], ref: string): SessionRecord {
  const match = matchSession(records, ref);
  if (match.session) return match.session;
  throw new InputError(`"${clip(ref.trim())}" labels more than one session`, 'invalid', `pick one by id: ${match.candidates.map(describeSession).join(', ')}`);
}

function reportAttempt(a: AttemptRecord, index: number, bank: ReportBank): ReportAttempt {
  const question = bank.byId.get(a.questionId);
  const typed = a.mode !== 'spoken' && a.answer !== undefined && a.answer.trim() !== '';
  // The model's points the attempt kept are shown again, checked against the answer, with no model asked.
  const followUps = reportFollowUps(a, question);
  const coach = typed && question ? rereadWithCredits(question, a.answer as string, a.credits, bank.questions, { timeLimit: a.timeLimit }) : null;
  return {
    index,
    attemptId: a.id,
    questionId: a.questionId,
    category: a.category,
    question: question?.question ?? null,
    at: a.at,
    mode: a.mode,
    answer: typed ? (a.answer as string) : null,
    rating: a.rating,
    ...scoresOf(a, coach),
    seconds: a.seconds,
    timeLimit: a.timeLimit ?? null,
    overTime: a.overTime ?? (a.timeLimit !== undefined && a.seconds > a.timeLimit),
    missed: coach ? coach.talkingPoints.filter((p) => !p.covered).map((p) => p.point) : [],
    coach,
    followUps,
    practise: practiseNext(coach, followUps),
  };
}

/** The score shown, its words-only twin and the reading: stored with the attempt, else from the coach now. */
function scoresOf(a: AttemptRecord, coach: CoachReport | null): Pick<ReportAttempt, 'score' | 'wordsScore' | 'reading'> {
  const scored: ScoredAttempt = a.score !== undefined ? a : coach ? { score: coach.score, wordsScore: coach.wordsScore, reading: a.reading } : {};
  return { score: scored.score ?? null, wordsScore: wordsOnlyScore(scored) ?? null, reading: scored.score === undefined ? null : (scored.reading ?? 'words') };
}

function summarize(attempts: ReportAttempt[]): SessionReport['summary'] {
  const comparable = comparableScores(attempts.map((a) => ({ score: a.score ?? undefined, wordsScore: a.wordsScore ?? undefined, reading: a.reading ?? undefined })));
  const scores = comparable.filter((s): s is number => s !== undefined);
  const ratings = Object.fromEntries(RATINGS.map((r) => [r, 0])) as Record<Rating, number>;
  for (const a of attempts) ratings[a.rating]++;
  return {
    questions: attempts.length,
    typed: attempts.filter((a) => a.answer !== null).length,
    averageScore: scores.length > 0 ? Math.round(scores.reduce((s, x) => s + x, 0) / scores.length) : null,
    totalSeconds: Math.round(attempts.reduce((s, a) => s + a.seconds, 0)),
    overTime: attempts.filter((a) => a.overTime).length,
    followUps: attempts.reduce((n, a) => n + a.followUps.length, 0),
    recovered: attempts.reduce((n, a) => n + a.followUps.filter((f) => f.heard === true).length, 0),
    ratings,
  };
}
