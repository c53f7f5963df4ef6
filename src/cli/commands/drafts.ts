import { dirname, join } from 'node:path';
import { z } from 'zod';
import { findDraft, listDrafts, readDraftText, removeDraft, type Draft } from '../../core/practice/drafts.js';
import { plural } from '../../core/text/plural.js';
import { clip } from '../../core/text/sanitize.js';
import { toJsonText } from '../../core/text/json-text.js';
import { clean } from '../../ui/render.js';
import type { Run } from '../context.js';
import { defineCommand, runCommand } from '../define-command.js';
import { UsageError } from '../errors.js';

export const draftsOptionsSchema = z.object({ json: z.boolean().optional() });

export const command = defineCommand({ schema: draftsOptionsSchema, run: draftsCommand });

/** Drafts live beside the history, where the drill keeps them. */
export function draftsDir(run: Pick<Run, 'paths'>): string {
  return join(dirname(run.paths.historyFile), 'drafts');
}

const ACTIONS = ['list', 'show', 'coach', 'rm'] as const;

async function draftsCommand(run: Run, opts: z.infer<typeof draftsOptionsSchema>, { action, name }: { action?: string; name?: string }): Promise<number> {
  const what = action ?? 'list';
  if (!(ACTIONS as readonly string[]).includes(what)) throw new UsageError(`unknown drafts action "${clip(what, 40)}"`, `use one of: ${ACTIONS.join(', ')}`);
  const dir = draftsDir(run);
  if (what === 'list') {
    if (name !== undefined) throw new UsageError('drafts list takes no name');
    return list(run, listDrafts(dir), opts.json === true);
  }
  if (name === undefined) throw new UsageError(`drafts ${what} needs the draft's name`, "'rmprep drafts' lists them");
  const draft = findDraft(dir, name);
  if (what === 'show') {
    const text = readDraftText(draft.file);
    if (opts.json) run.stdout.write(`${toJsonText({ ...describe(draft), text })}\n`);
    else run.stdout.write(`${clean(text).replace(/\n*$/, '\n')}`);
    return 0;
  }
  if (what === 'rm') {
    removeDraft(draft);
    run.stdout.write(`Removed the draft ${clean(draft.name)}.\n`);
    return 0;
  }
  if (!draft.questionId) throw new UsageError(`the draft ${clean(draft.name)} does not say which question it answers`, 'coach it with rmprep coach <id> --answer-file <file>');
  const coach = await import('./coach.js');
  return runCommand(coach.command, run, { answerFile: draft.file, ...(opts.json ? { json: true } : {}) }, { id: draft.questionId });
}

function describe(d: Draft) {
  return { name: d.name, questionId: d.questionId ?? null, at: d.at, words: d.words, file: d.file };
}

function list(run: Run, drafts: Draft[], json: boolean): number {
  if (json) {
    run.stdout.write(`${toJsonText(drafts.map(describe))}\n`);
    return 0;
  }
  if (drafts.length === 0) {
    run.stderr.write('rmprep: no drafts; a drill keeps unrated typed answers here\n');
    return 0;
  }
  for (const d of drafts) {
    run.stdout.write(`${run.style.bold(clean(d.name))}  ${clean(d.questionId ?? '?')}  ${d.at.slice(0, 16).replace('T', ' ')} UTC  ${plural(d.words, 'word')}\n`);
  }
  return 0;
}
