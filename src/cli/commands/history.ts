import { clip } from '../../core/text/sanitize.js';
import { toJsonText } from '../../core/text/json-text.js';
import { resolve } from 'node:path';
import { z } from 'zod';
import { describeReadError, readBounded } from '../../core/fs/read-bounded.js';
import { readImportText } from '../../core/history/import.js';
import { decodeText } from '../../core/text-input.js';
import { ratingSchema, type AttemptRecord } from '../../core/history/schema.js';
import { shortId } from '../../core/history/attempt-id.js';
import { rerate, undoLatest } from './history-correct.js';
import { forget, parseBefore } from './history-forget.js';
import { importRecords, readHistory, repairHistory } from '../../core/history/store.js';
import { requireQuestion } from '../../core/questions/source.js';
import { storeOptions } from '../history-store.js';
import { clean, wrap } from '../../ui/render.js';
import { renderSavedFollowUp } from '../../ui/render-follow-up.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { NotFoundError, UsageError } from '../errors.js';
import { positiveInt } from '../options.js';
import { plural } from '../../core/text/plural.js';

export const historyOptionsSchema = z.object({
  id: z.string().optional(),
  limit: positiveInt('--limit').optional(),
  json: z.boolean().optional(),
  repair: z.boolean().optional(),
  import: z.string().optional(),
  undo: z.boolean().optional(),
  rerate: z.string().optional(),
  rating: ratingSchema.optional(),
  yes: z.boolean().optional(),
  forgetAnswers: z.boolean().optional(),
  before: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const command = defineCommand({ schema: historyOptionsSchema, run: historyCommand });

async function historyCommand(run: Run, opts: z.infer<typeof historyOptionsSchema>): Promise<number> {
  const actions = (['repair', 'import', 'undo', 'rerate', 'forgetAnswers'] as const).filter((k) => opts[k] !== undefined && opts[k] !== false);
  const flag = (k: string) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (actions.length > 1) throw new UsageError(`${flag(actions[0]!)} and ${flag(actions[1]!)} cannot be used together`);
  if (opts.before !== undefined && !opts.forgetAnswers) throw new UsageError('--before only counts with --forget-answers');
  if (opts.dryRun && !opts.forgetAnswers) throw new UsageError('--dry-run only counts with --forget-answers');
  if (opts.dryRun && opts.yes) throw new UsageError('--dry-run and --yes cannot be used together', '--dry-run changes nothing; --yes goes ahead without asking');
  if (opts.rating !== undefined && !opts.rerate) throw new UsageError('--rating only counts with --rerate <attempt>');
  if (opts.yes && !opts.undo && !opts.forgetAnswers) throw new UsageError('--yes only counts with --undo or --forget-answers');
  if (opts.undo) return undoLatest(run, opts.yes === true);
  if (opts.rerate !== undefined) return rerate(run, opts.rerate, opts.rating);
  if (opts.repair) return repair(run);
  if (opts.import) return importFile(run, opts.import);
  if (opts.forgetAnswers) {
    const before = opts.before !== undefined ? parseBefore(opts.before) : undefined;
    return forget(run, { before, questionId: opts.id && (await knownId(run, opts.id)) }, { yes: opts.yes === true, json: opts.json === true, dryRun: opts.dryRun === true });
  }
  const data = readHistory(run.paths.historyFile, storeOptions(run));
  if (opts.id) opts.id = await knownId(run, opts.id, data.records);
  const attempts = data.records
    .filter((r): r is AttemptRecord => r.type === 'attempt' && (!opts.id || r.questionId === opts.id))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, opts.limit ?? 20);
  if (opts.json) {
    run.stdout.write(`${toJsonText(attempts)}\n`);
    return 0;
  }
  if (attempts.length === 0) {
    run.stderr.write(opts.id ? `rmprep: no attempts at ${clean(opts.id)} yet\n` : "rmprep: no attempts yet; start with 'rmprep drill'\n");
    return 0;
  }
  const { style, width } = run;
  for (const a of attempts) {
    const bits = [whenOf(a.at), a.category, a.rating, a.mode];
    if (a.seconds > 0) bits.push(`${Math.round(a.seconds)} s`);
    if (a.score !== undefined) bits.push(`score ${a.score}`);
    if (a.overTime) bits.push('over time');
    if (a.story) bits.push(`story ${clip(a.story, 60)}`);
    const head = `${shortId(a.id)}  ${clean(a.questionId)}`;
    const tail = bits.join(' · ');
    // On a narrow terminal the details go under the id, wrapped at words, rather than breaking mid-word.
    const details = head.length + 2 + tail.length <= width ? `  ${style.dim(tail)}` : `\n${style.dim(joinWithin(bits, ' · ', width - 2, '  '))}`;
    run.stdout.write(`${style.dim(shortId(a.id))}  ${style.bold(clean(a.questionId))}${details}\n`);
    if (a.answer) {
      const text = clean(a.answer).trim();
      run.stdout.write(`${wrap(text.length > 600 ? `${text.slice(0, 600)}…` : text, width, '  ')}\n`);
    } else if (a.mode !== 'spoken') {
      // A written answer whose text is not kept, as after history --forget-answers.
      run.stdout.write(`${style.dim('  (its text is not kept)')}\n`);
    }
    for (const f of a.followUps ?? []) run.stdout.write(renderSavedFollowUp(f, { width, style }));
    run.stdout.write('\n');
  }
  return 0;
}

/** The parts joined by `sep`, a line at a time within `width`, never breaking inside a part; each line indented. */
function joinWithin(parts: readonly string[], sep: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line !== '' && line.length + sep.length + part.length > width) {
      lines.push(line);
      line = part;
    } else line = line === '' ? part : `${line}${sep}${part}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => `${indent}${l}`).join('\n');
}

/** A question that has left the bank still has its attempts; only an id known to neither is a mistake. */
async function knownId(run: Run, given: string, records = readHistory(run.paths.historyFile, storeOptions(run)).records): Promise<string> {
  const id = given.trim().toLowerCase();
  return records.some((r) => r.type === 'attempt' && r.questionId === id) ? id : (await requireQuestion(run, id)).id;
}

/** The minute of an attempt in UTC, from the date itself: the stored text is never printed as it is. */
function whenOf(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? '?' : d.toISOString().replace(/T(\d\d:\d\d).*$/, ' $1');
}

function repair(run: Run): number {
  const result = repairHistory(run.paths.historyFile, { ...storeOptions(run), now: run.now() });
  if (result.rejected === 0) {
    run.stdout.write(`The history is sound: ${result.kept} records, nothing to repair.\n`);
    return 0;
  }
  run.stdout.write(`Kept ${result.kept} records; set aside ${plural(result.rejected, 'bad line')} in ${result.rejectedFile}.\n`);
  run.stdout.write(`The file as it was is in ${result.backup}.\n`);
  return 0;
}

/** More than any real history; a device or endless FIFO given as the file stops here. */
const MAX_IMPORT_BYTES = 256_000_000;

async function importFile(run: Run, file: string): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readBounded(resolve(run.cwd, file), MAX_IMPORT_BYTES);
  } catch (err) {
    throw new NotFoundError(`cannot read ${clip(file)}: ${describeReadError(err)}`);
  }
  const text = decodeText(bytes, clip(file));
  const now = run.now();
  const batch = readImportText(text, now);
  const bad = batch.bad[0];
  // A named input file whose contents are not records is a usage mistake (exit 2), as for a broken story.
  if (bad) throw new UsageError(`${clip(file)}:${bad.line}:${bad.col}: ${bad.message}; nothing was imported`);
  for (const r of batch.rejected.slice(0, 5)) run.warn(`${clip(file)}:${r.line}:1: ${r.reason}; not imported`);
  if (batch.rejected.length > 5) run.warn(`... and ${batch.rejected.length - 5} more records not imported for their time`);
  const result = importRecords(run.paths.historyFile, batch.records, { ...storeOptions(run), now });
  const attempts = (n: number) => plural(n, 'attempt');
  run.stdout.write(`Imported ${attempts(result.added)} into ${run.paths.historyFile}; ${result.duplicates} already there, ${batch.rejected.length} rejected.\n`);
  // Sessions of two histories never merge: a label already in use here was given a free one.
  for (const m of result.labels) run.stdout.write(`Session label "${clean(m.label)}" is taken here: the imported session ${clean(m.session)} is labelled "${clean(m.as)}".\n`);
  return 0;
}
