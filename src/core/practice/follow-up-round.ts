import type { CoachReport } from '../coach/types.js';
import type { Question } from '../questions/schema.js';
import { type AskedFollowUp, type ChosenFollowUp, chooseFollowUp, judgeFollowUp } from './follow-up.js';

/** An answer as the prompter takes it; the same shape as the session's, declared here to keep imports one way. */
type Taken = { kind: 'answer'; text: string; seconds: number } | { kind: 'skip'; seconds: number };

/** The part of the session's prompter a follow-up needs: the three ways to answer. */
interface AnswerTaker {
  typeAnswer(opts: { timeLimit: number | undefined }): Promise<Taken>;
  editAnswer(opts: { question: Question }): Promise<Taken>;
  speakAnswer(opts: { timeLimit: number | undefined }): Promise<Taken>;
}

/** A follow-up asked in a drill, with the answer given to it (none when it was skipped or given aloud). */
export interface DrillFollowUp extends AskedFollowUp {
  answer?: string;
  evidence: string[];
}

export interface FollowUpRound {
  /** How many follow-ups to ask after each answer. */
  count: number;
  choice: 'type' | 'editor' | 'spoken';
  timeLimit: number | undefined;
  bank: readonly Question[] | undefined;
  prompter: AnswerTaker;
  /** Shows the follow-up before its answer is taken. */
  ask(followUp: ChosenFollowUp): void;
}

/**
 * Asks up to `count` follow-ups, each chosen at once from the words-only report of the main answer and what
 * the follow-ups before it recovered, and answered the way the question was, with half its time limit.
 */
export async function askFollowUps(question: Question, words: CoachReport | undefined, round: FollowUpRound): Promise<DrillFollowUp[]> {
  const asked: DrillFollowUp[] = [];
  const timeLimit = round.timeLimit === undefined ? undefined : Math.max(10, Math.round(round.timeLimit / 2));
  for (let i = 0; i < round.count; i++) {
    const next = chooseFollowUp(question, words, asked);
    if (!next) break;
    round.ask(next);
    const taken = await takeFollowUp(round, { ...question, question: next.question }, timeLimit);
    const answer = taken.kind === 'answer' && round.choice !== 'spoken' ? taken.text : undefined;
    const judged = judgeFollowUp(question, next, answer, round.bank);
    asked.push({ ...next, ...(answer !== undefined ? { answer } : {}), heard: judged.heard, evidence: judged.evidence });
  }
  return asked;
}

function takeFollowUp(round: FollowUpRound, asked: Question, timeLimit: number | undefined): Promise<Taken> {
  if (round.choice === 'type') return round.prompter.typeAnswer({ timeLimit });
  if (round.choice === 'editor') return round.prompter.editAnswer({ question: asked });
  return round.prompter.speakAnswer({ timeLimit });
}
