import { findAttempt, latestAttempt, shortId } from '../../core/history/attempt-id.js';
import type { AttemptRecord, Rating } from '../../core/history/schema.js';
import { appendRerate, appendUndo, readHistory } from '../../core/history/store.js';
import { describeDue } from '../../ui/due-text.js';
import { clean } from '../../ui/render.js';
import type { Run } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import { storeOptions } from '../history-store.js';

/** One line naming an attempt: short id, question, when, rating and score. */
export function attemptSummary(a: AttemptRecord): string {
  const when = new Date(a.at);
  const at = Number.isNaN(when.getTime()) ? '?' : when.toISOString().replace(/T(\d\d:\d\d).*$/, ' $1');
  return `${shortId(a.id)}  ${clean(a.questionId)}  ${at} UTC  ${a.rating}${a.score !== undefined ? `  score ${a.score}` : ''}`;
}

/** Where the question stands once the change is in: its next review, or new again when no attempt is left. */
function afterwards(run: Run, questionId: string): string {
  const left = readHistory(run.paths.historyFile, storeOptions(run)).records.filter((r): r is AttemptRecord => r.type === 'attempt' && r.questionId === questionId);
  const last = latestAttempt(left);
  if (!last?.card) return `No attempts at ${clean(questionId)} are left: it counts as new.`;
  return `Next review of ${clean(questionId)}: ${describeDue(last.card.due, run.now())}.`;
}

/** `history --undo`: shows the latest attempt, asks (unless --yes) and takes it back. */
export async function undoLatest(run: Run, yes: boolean): Promise<number> {
  const attempt = latestAttempt(readHistory(run.paths.historyFile, storeOptions(run)).records);
  if (!attempt) throw new NotFoundError('there is no attempt to undo', "'rmprep history' lists attempts");
  const terminal = run.stdin.isTTY === true && run.stdout.isTTY === true;
  if (!yes && !terminal) {
    throw new UsageError('history --undo asks before removing an attempt, and there is no terminal to ask on', 'add --yes to remove it without asking');
  }
  run.stdout.write(`The latest attempt: ${attemptSummary(attempt)}\n`);
  if (!yes) {
    const { askYesNo } = await import('../../ui/prompts-confirm.js');
    const io = { input: run.stdin, output: run.stdout.stream ?? (run.stdout as unknown as NodeJS.WritableStream) };
    if (!(await askYesNo(io, 'Remove it from your history?'))) {
      run.stdout.write('Nothing was changed.\n');
      return 0;
    }
  }
  appendUndo(run.paths.historyFile, attempt.id, { ...storeOptions(run), now: run.now() });
  run.stdout.write(`Undone: ${shortId(attempt.id)} no longer counts anywhere. ${afterwards(run, attempt.questionId)}\n`);
  return 0;
}

/** `history --rerate <attempt> --rating <rating>`: gives one attempt another rating and reschedules its question. */
export function rerate(run: Run, prefix: string, rating: Rating | undefined): number {
  if (rating === undefined) throw new UsageError('--rerate needs --rating <rating>', 'e.g. rmprep history --rerate 3fa9c1d2 --rating hard');
  const attempt = findAttempt(readHistory(run.paths.historyFile, storeOptions(run)).records, prefix);
  if (attempt.rating === rating) {
    run.stdout.write(`${shortId(attempt.id)} is rated ${rating} already; nothing was changed.\n`);
    return 0;
  }
  appendRerate(run.paths.historyFile, attempt.id, rating, { ...storeOptions(run), now: run.now() });
  run.stdout.write(`Rerated ${shortId(attempt.id)} (${clean(attempt.questionId)}): ${attempt.rating} → ${rating}. ${afterwards(run, attempt.questionId)}\n`);
  return 0;
}
