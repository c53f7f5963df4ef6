import type { CoachReport } from '../core/coach/types.js';
import { type ChosenFollowUp, type FollowUpJudgement, chooseFollowUp, judgeFollowUp } from '../core/practice/follow-up.js';
import type { QuestionData } from '../core/questions/schema.js';
import { readAnswer } from './answer-input.js';
import type { Run } from './context.js';
import { NotFoundError } from './errors.js';

/** The follow-up `coach --follow-up` would ask, and, given `--follow-up-answer`, its answer and judgement. */
export interface ScriptedFollowUp {
  asked: ChosenFollowUp;
  answer?: string;
  judged?: FollowUpJudgement;
}

export async function scriptFollowUp(run: Run, question: QuestionData, words: CoachReport, answerFile: string | undefined, bank: readonly QuestionData[]): Promise<ScriptedFollowUp> {
  const asked = chooseFollowUp(question, words, []);
  if (!asked) throw new NotFoundError(`question ${question.id} has no follow-ups to ask`, "see its likely follow-ups with 'rmprep show'");
  if (answerFile === undefined) return { asked };
  const answer = await readAnswer(answerFile, run.stdin, run.cwd);
  return { asked, answer, judged: judgeFollowUp(question, asked, answer, bank) };
}
