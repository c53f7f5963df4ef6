import { followAliases } from '../../core/practice/follow-aliases.js';
import { toJsonText } from '../../core/text/json-text.js';
import { z } from 'zod';
import { loadSummary } from '../../core/history/store.js';
import { orderQuestions } from '../../core/practice/select.js';
import { storeOptions } from '../history-store.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { NotFoundError } from '../errors.js';
import { categoryOption } from '../options.js';
import { warnAboutProblems } from '../run.js';

export const nextOptionsSchema = z.object({
  category: categoryOption.optional(),
  seed: z.string().optional(),
  json: z.boolean().optional(),
});

export const command = defineCommand({ schema: nextOptionsSchema, run: nextCommand });

async function nextCommand(run: Run, opts: z.infer<typeof nextOptionsSchema>): Promise<number> {
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  const questions = bank.questions.filter((q) => !opts.category || q.category === opts.category);
  const summary = followAliases(loadSummary(run.paths.historyFile, storeOptions(run)), bank.questions);
  const [pick] = orderQuestions(questions, summary, { now: run.now(), rng: run.makeRng(opts.seed), mode: 'strict' });
  if (!pick) throw new NotFoundError(opts.category ? `no ${opts.category} questions in the bank` : 'the question bank is empty');
  if (opts.json) {
    const { question: q } = pick;
    run.stdout.write(`${toJsonText({ id: q.id, category: q.category, question: q.question, reason: pick.reason, why: pick.why, due: pick.due ?? null })}\n`);
  } else {
    run.stdout.write(`${pick.question.id}\n`);
  }
  return 0;
}
