import { toJsonText } from '../../core/text/json-text.js';
import { z } from 'zod';
import { sanitizeText } from '../../core/text/sanitize.js';
import { analyzeAnswer } from '../../core/coach/index.js';
import { orphanPhrasings } from '../../core/coach/phrasings.js';
import { readPhrasingsOrWarn } from '../phrasings-input.js';
import { readPhrasings, resolvePhrasingsFile, writePhrasings } from '../../core/phrasings/store.js';
import { type Taught, teachPhrasing } from '../../core/phrasings/teach.js';
import { requireQuestion } from '../../core/questions/source.js';
import { ratingFromScore } from '../../core/practice/coach-rating.js';
import { ratingSchema } from '../../core/history/schema.js';
import type { HistoryRecord } from '../../core/history/schema.js';
import { checkSessionName, placeScriptedAttempt } from '../../core/practice/scripted-session.js';
import { renderCoachReport } from '../../ui/render-coach.js';
import { describeDue } from '../../ui/due-text.js';
import { readAnswer } from '../answer-input.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { UsageError } from '../errors.js';
import { recordPlaced } from '../recorder.js';
import { warnAboutProblems } from '../run.js';
import { resolveGrader } from '../grader-config.js';
import { gradeAnswer } from '../model-grader.js';
import { type ScriptedFollowUp, scriptFollowUp } from '../follow-up-script.js';
import { renderFollowUpJudgement, renderFollowUpQuestion } from '../../ui/render-follow-up.js';

export const coachOptionsSchema = z.object({
  answerFile: z.string().optional(),
  json: z.boolean().optional(),
  record: z.boolean().optional(),
  rating: ratingSchema.optional(),
  session: z.string().optional(),
  heard: z.string().trim().min(1, '--heard needs a point: its number as shown or its id').max(200).optional(),
  sentence: z.string().min(1, '--sentence needs words from the answer').max(5000).optional(),
  offline: z.boolean().optional(),
  followUp: z.boolean().optional(),
  followUpAnswer: z.string().optional(),
});

export const command = defineCommand({ schema: coachOptionsSchema, run: coachCommand });

async function coachCommand(run: Run, opts: z.infer<typeof coachOptionsSchema>, { id }: { id: string }): Promise<number> {
  if (!opts.record && (opts.rating !== undefined || opts.session !== undefined)) {
    throw new UsageError(`${opts.rating !== undefined ? '--rating' : '--session'} only counts with --record`, `add --record to save the answer`);
  }
  if (opts.sentence !== undefined && opts.heard === undefined) throw new UsageError('--sentence only counts with --heard', 'add --heard <point> to teach the coach that sentence');
  if (opts.followUpAnswer === '-' && (opts.answerFile === undefined || opts.answerFile === '-')) {
    throw new UsageError('the answer and the follow-up answer cannot both come from standard input', 'pass one of them with --answer-file or --follow-up-answer <file>');
  }
  const question = await requireQuestion(run, id, (bank) => warnAboutProblems(run, bank));
  if (opts.answerFile === undefined && run.stdin.isTTY) {
    run.stderr.write('Type or paste your answer, then press Ctrl-D on a new line.\n');
  }
  const answer = await readAnswer(opts.answerFile, run.stdin, run.cwd);
  const bank = (await run.loadBank()).questions;
  const phrasingsFile = resolvePhrasingsFile(run);
  let phrasings = opts.heard !== undefined ? readPhrasings(phrasingsFile) : readPhrasingsOrWarn(run, phrasingsFile);
  let taught: Taught | undefined;
  if (opts.heard !== undefined) {
    taught = teachPhrasing({ question, answer, bank, point: opts.heard, sentence: opts.sentence, existing: phrasings });
    if (!taught.already) writePhrasings(phrasingsFile, taught.phrasings);
    phrasings = taught.phrasings;
  }
  for (const p of orphanPhrasings(question, phrasings)) {
    run.warn(`a phrasing in ${phrasingsFile} names point "${p.point}", which question ${question.id} no longer has; it is not used (see 'rmprep phrasings list')`);
  }
  const words = analyzeAnswer(question, answer, bank, { phrasings });
  const graded = await gradeAnswer(resolveGrader(run.env, run.home, opts.offline === true), question, answer, bank, { words, phrasings });
  const { report } = graded;
  // Chosen from the words alone, as the drill does: a model's points never decide what is asked back.
  const followUp = opts.followUp || opts.followUpAnswer !== undefined ? await scriptFollowUp(run, question, words, opts.followUpAnswer, bank) : undefined;
  if (graded.grader.notice) run.stderr.write(`${sanitizeText(graded.grader.notice)}\n`);
  let recorded: { attempt: string; rating: string; due: string | undefined; session: string; label?: string } | undefined;
  let dueText = '';
  if (opts.record) {
    const rating = opts.rating ?? ratingFromScore(report.score);
    const now = run.now();
    const name = opts.session === undefined ? undefined : checkSessionName(opts.session);
    const rng = run.makeRng();
    // Decided under the history's lock: two processes naming one session join one session.
    const placeSession = { place: (records: readonly HistoryRecord[]) => placeScriptedAttempt(records, { name, now, rng }), recentOnly: name === undefined };
    const attempt = recordPlaced(
      run,
      { questionId: question.id, category: question.category, at: now.toISOString(), rating, mode: 'typed', seconds: 0, answer, score: report.score,
        wordsScore: graded.wordsScore, reading: graded.reading, ...(graded.credits.length > 0 ? { credits: graded.credits } : {}),
        ...(followUp ? { followUps: [savedFollowUp(followUp)] } : {}) },
      placeSession,
      now,
    );
    recorded = { attempt: attempt.id, rating, due: attempt.card?.due, session: attempt.session ?? '', ...(name !== undefined ? { label: name } : {}) };
    dueText = attempt.card ? describeDue(attempt.card.due, now) : 'soon';
  }
  if (opts.json) {
    const json = { ...report, grader: graded.grader, ...(followUp ? { followUp: followUpJson(followUp) } : {}), ...(taught ? { taught: { ...taught.phrasing, number: taught.number, from: taught.from, file: phrasingsFile } } : {}) };
    run.stdout.write(`${toJsonText(recorded ? { ...json, recorded } : json)}\n`);
    return 0;
  }
  if (taught) {
    const how = taught.from === 'closest' ? 'the closest clause' : 'your sentence';
    const stored = taught.already ? 'already taught' : `saved in ${phrasingsFile}`;
    run.stdout.write(`Point ${taught.number} taught with ${how}: "${sanitizeText(taught.phrasing.sentence)}" (${stored}).\n\n`);
  }
  run.stdout.write(`${renderCoachReport(report, { width: run.width, style: run.style })}\n`);
  if (followUp) {
    const screen = { width: run.width, style: run.style };
    run.stdout.write(`\n${renderFollowUpQuestion(question, followUp.asked, screen)}`);
    if (followUp.judged) run.stdout.write(renderFollowUpJudgement(question, followUp.asked, followUp.judged, screen));
  }
  if (recorded) {
    run.stdout.write(run.style.dim(`Saved as ${recorded.rating} in session ${recorded.label ?? recorded.session}. Next review: ${dueText}.\n`));
  }
  return 0;
}

function followUpJson({ asked, judged }: ScriptedFollowUp) {
  return { question: asked.question, probes: asked.probes, ...(judged ? { heard: judged.heard, evidence: judged.evidence } : {}) };
}

function savedFollowUp({ asked, answer, judged }: ScriptedFollowUp) {
  return { question: asked.question, probes: asked.probes, ...(answer !== undefined ? { answer } : {}), heard: judged?.heard ?? null };
}
