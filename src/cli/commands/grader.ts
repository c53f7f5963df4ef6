import { z } from 'zod';
import { GraderUnavailable, httpGrader } from '../../adapters/grader-http.js';
import { resolve } from 'node:path';
import { chatRequest } from '../../adapters/grader-request.js';
import { tailorRequest } from '../../adapters/tailor-request.js';
import { createRanker } from '../../core/tailor/rank.js';
import { readTextFile } from '../../core/text-input.js';
import { tailorAsk } from '../model-tailor.js';
import { MAX_POSTING_BYTES } from './tailor.js';
import { graderInput } from '../../core/coach/grader.js';
import { readAnswer as readReading } from '../../core/coach/reading.js';
import { verifyCredits } from '../../core/coach/verify-credits.js';
import { requireQuestion } from '../../core/questions/source.js';
import type { QuestionData } from '../../core/questions/schema.js';
import { sanitizeText } from '../../core/text/sanitize.js';
import { readAnswer } from '../answer-input.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { FailureError, UsageError } from '../errors.js';
import { resolveGrader } from '../grader-config.js';
import { warnAboutProblems } from '../run.js';
import { wrap } from '../../ui/render.js';

export const graderOptionsSchema = z.object({ answerFile: z.string().optional(), posting: z.string().min(1, '--posting needs a file name').optional() });

export const command = defineCommand({ schema: graderOptionsSchema, run: graderCommand });

// The one tiny request of `grader check`: one point, one sentence that plainly makes it.
const PROBE: QuestionData = {
  id: 'grader-check',
  category: 'technical',
  question: 'What does a rollback do?',
  answer: 'A rollback puts the previous release back in production.',
  keyPoints: [{ id: 'restores-previous-release', point: 'Says that a rollback restores the previous release', terms: ['previous release'] }],
  followUps: [],
  tags: [],
  difficulty: 1,
};
const PROBE_ANSWER = 'When a release misbehaves, a rollback puts the previous version back in production within minutes.';

async function graderCommand(run: Run, opts: z.infer<typeof graderOptionsSchema>, { action, id }: { action: string; id?: string }): Promise<number> {
  if (action === 'preview' && opts.posting !== undefined) {
    if (id !== undefined || opts.answerFile !== undefined) throw new UsageError('grader preview --posting takes no question or answer file');
    return previewTailor(run, opts.posting);
  }
  if (action === 'preview') return preview(run, id, opts.answerFile);
  if (action !== 'check') throw new UsageError(`grader does not know "${sanitizeText(action).slice(0, 40)}"`, 'use check or preview');
  if (id !== undefined || opts.answerFile !== undefined || opts.posting !== undefined) throw new UsageError('grader check takes no question, answer file or posting');
  const setup = resolveGrader(run.env, run.home, false);
  if (setup.kind === 'off') {
    run.stdout.write(`${wrap('No model grader is configured, so nothing leaves this machine. Set RMPREP_GRADER_URL and RMPREP_GRADER_MODEL to plug one in (see docs/coach.md).', run.width)}\n`);
    return 1;
  }
  if (setup.kind === 'broken') throw new FailureError(setup.notice);
  const { config } = setup;
  const started = performance.now();
  let reply;
  try {
    reply = await httpGrader(config).grade(graderInput(PROBE, PROBE_ANSWER), new AbortController().signal);
  } catch (err) {
    throw new FailureError(err instanceof GraderUnavailable ? `model grader at ${config.origin} does not answer as it should: ${err.reason}` : `model grader at ${config.origin} failed`);
  }
  const ms = Math.round(performance.now() - started);
  const checked = verifyCredits(readReading(PROBE_ANSWER), reply, { points: 1 });
  const quoted = checked.credits.length > 0 ? 'and quoted the answer\'s own words' : checked.dropped > 0 ? 'but invented its quote, which the coach would drop' : 'but did not credit the point its test answer makes';
  run.stdout.write(`Model grader at ${config.origin} (${sanitizeText(config.model)}) answered in ${ms} ms, followed the reply schema, ${quoted}.\n`);
  return 0;
}

/** Prints exactly the request body `tailor` would send for this posting: its lines about the work and the bank. */
async function previewTailor(run: Run, file: string): Promise<number> {
  const posting = sanitizeText(await readTextFile(resolve(run.cwd, file), file, MAX_POSTING_BYTES));
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  const lines = createRanker(bank.questions).linesToAsk(posting);
  const setup = resolveGrader(run.env, run.home, false);
  const model = setup.kind === 'on' ? setup.config.model : '<RMPREP_GRADER_MODEL>';
  run.stderr.write(
    setup.kind === 'on'
      ? `This body would be sent by tailor to ${setup.config.origin} (POST .../chat/completions):\n`
      : 'No model grader is configured: nothing is sent. This body is what tailor would send to one:\n',
  );
  run.stdout.write(`${JSON.stringify(tailorRequest(model, tailorAsk(lines, bank.questions)), null, 2)}\n`);
  return 0;
}

/** Prints exactly the request body a coach of this answer would send; the key goes in a header and is never part of it. */
async function preview(run: Run, id: string | undefined, answerFile: string | undefined): Promise<number> {
  if (id === undefined) throw new UsageError('grader preview needs a question id', 'e.g. rmprep grader preview rollback-recovery --answer-file answer.txt');
  const question = await requireQuestion(run, id, (bank) => warnAboutProblems(run, bank));
  const answer = await readAnswer(answerFile, run.stdin, run.cwd);
  const setup = resolveGrader(run.env, run.home, false);
  const model = setup.kind === 'on' ? setup.config.model : '<RMPREP_GRADER_MODEL>';
  run.stderr.write(
    setup.kind === 'on'
      ? `This body would be sent to ${setup.config.origin} (POST .../chat/completions):\n`
      : 'No model grader is configured: nothing is sent. This body is what one would be sent:\n',
  );
  run.stdout.write(`${JSON.stringify(chatRequest(model, graderInput(question, answer)), null, 2)}\n`);
  return 0;
}
