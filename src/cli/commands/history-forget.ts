import { tmpdir } from 'node:os';
import { forgetAnswers, type ForgetReport } from '../../core/forget/forget.js';
import type { Selection } from '../../core/forget/select.js';
import { isIsoInstant } from '../../core/history/schema.js';
import { resolvePhrasingsFile } from '../../core/phrasings/store.js';
import { plural } from '../../core/text/plural.js';
import { toJsonText } from '../../core/text/json-text.js';
import { clip } from '../../core/text/sanitize.js';
import { clean } from '../../ui/render.js';
import { wrapText } from '../../ui/text.js';
import type { Run } from '../context.js';
import { UsageError } from '../errors.js';
import { storeOptions } from '../history-store.js';

/** `--before 2026-03-01` is the start of that day where the person is; an ISO date and time is that moment. */
export function parseBefore(text: string): Date {
  const day = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text.trim());
  if (day) {
    const d = new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    if (d.getDate() === Number(day[3])) return d;
  } else if (isIsoInstant(text.trim())) return new Date(text.trim());
  throw new UsageError(`--before takes a day (2026-03-01) or an ISO date and time, not "${clip(text, 40)}"`);
}

/**
 * `history --forget-answers [--before <date>] [--id <id>]`: says what would go, asks (unless --yes) and
 * takes the text of those answers out of everything rmprep keeps; ratings, scores and schedules stay.
 */
export async function forget(run: Run, sel: Selection, { yes, json, dryRun = false }: { yes: boolean; json: boolean; dryRun?: boolean }): Promise<number> {
  const terminal = run.stdin.isTTY === true && run.stdout.isTTY === true;
  if (json && !yes && !dryRun) throw new UsageError('--json with --forget-answers does not ask', 'add --yes to forget the answers, or --dry-run to see what would go');
  if (!yes && !dryRun && !terminal) throw new UsageError('history --forget-answers asks before removing text, and there is no terminal to ask on', 'add --yes to go ahead without asking, or --dry-run to see what would go');
  const places = { historyFile: run.paths.historyFile, dataDir: run.paths.dataDir, tmpDir: tmpdir(), uid: process.getuid?.() };
  const opts = { ...storeOptions(run), now: run.now(), phrasingsFile: resolvePhrasingsFile(run) };
  if (!yes) {
    const plan = forgetAnswers(places, sel, { ...opts, apply: false });
    if (json) {
      run.stdout.write(`${toJsonText({ ...plan, before: sel.before?.toISOString() ?? null, id: sel.questionId ?? null })}\n`);
      return 0;
    }
    if (isEmpty(plan)) {
      run.stdout.write(`Nothing to forget ${describeSelection(sel)}.\n`);
      return 0;
    }
    run.stdout.write(fit(renderPlan(plan, sel), run.width));
    if (dryRun) {
      run.stdout.write('Nothing was changed (--dry-run).\n');
      return 0;
    }
    const { askYesNo } = await import('../../ui/prompts-confirm.js');
    const io = { input: run.stdin, output: run.stdout.stream ?? (run.stdout as unknown as NodeJS.WritableStream) };
    if (!(await askYesNo(io, 'Forget the text of these answers? It cannot be brought back.'))) {
      run.stdout.write('Nothing was changed.\n');
      return 0;
    }
  }
  const done = forgetAnswers(places, sel, { ...opts, apply: true });
  if (json) {
    run.stdout.write(`${toJsonText({ ...done, before: sel.before?.toISOString() ?? null, id: sel.questionId ?? null })}\n`);
    return 0;
  }
  if (isEmpty(done)) run.stdout.write(`Nothing to forget ${describeSelection(sel)}.\n`);
  else run.stdout.write(fit(`Forgot ${listKinds(done).join(', ')}. Ratings, scores and schedules are as they were.\n${OWN_BACKUPS}\n`, run.width));
  return 0;
}

/** Files the person made with `rmprep backup` are theirs, wherever they put them: rmprep cannot rewrite them. */
const OWN_BACKUPS = 'Backups you made with `rmprep backup` still hold this text: make a new one and delete the old.';

/** Each line wrapped at words to the output's width, its indent kept and continued two columns further. */
function fit(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      return line.trim() === '' ? line : wrapText(line.trim(), width, indent, `${indent}  `).join('\n');
    })
    .join('\n');
}

function isEmpty(r: ForgetReport): boolean {
  return listKinds(r).length === 0;
}

function describeSelection(sel: Selection): string {
  const parts = [sel.questionId !== undefined ? `of ${clean(sel.questionId)}` : 'of any question'];
  if (sel.before) parts.push(`before ${sel.before.toISOString().replace(/\.\d+Z$/, 'Z')}`);
  return parts.join(' ');
}

/** What goes, one kind at a time: "12 answers, 3 follow-up answers, 2 backups rewritten". */
function listKinds(r: ForgetReport): string[] {
  const out: string[] = [];
  if (r.answers) out.push(plural(r.answers, 'answer'));
  if (r.followUpAnswers) out.push(plural(r.followUpAnswers, 'follow-up answer'));
  if (r.quotes) out.push(plural(r.quotes, 'quote the model grader kept', 'quotes the model grader kept'));
  if (r.phrasings) out.push(plural(r.phrasings, 'taught phrasing'));
  if (r.drafts) out.push(plural(r.drafts, 'draft'));
  const names = { backups: 'backup of the history', rescue: 'rescue file', torn: 'cut-off line file', rejected: 'file of set-aside lines' } as const;
  for (const [kind, n] of Object.entries(r.files) as [keyof typeof names, { rewritten: number; removed: number }][]) {
    const many = kind === 'backups' ? 'backups of the history' : `${names[kind]}s`;
    if (n.rewritten) out.push(`${plural(n.rewritten, names[kind], many)} rewritten`);
    if (n.removed) out.push(`${plural(n.removed, names[kind], many)} removed`);
  }
  return out;
}

function renderPlan(r: ForgetReport, sel: Selection): string {
  const day = (at: string) => at.slice(0, 10);
  const range = r.first && r.last ? (day(r.first) === day(r.last) ? ` from ${day(r.first)}` : ` from ${day(r.first)} to ${day(r.last)}`) : '';
  const lines = [`The text of your answers ${describeSelection(sel)}${range} is kept in:`];
  for (const kind of listKinds(r)) lines.push(`  ${kind.replace(/ rewritten$/, ' (rewritten without it)').replace(/ removed$/, ' (removed: nothing else is in them)')}`);
  if (r.attempts) lines.push(`${r.attempts === 1 ? 'The attempt keeps its' : `The ${r.attempts} attempts keep their`} ratings, scores and schedules; only the text goes.`);
  lines.push(OWN_BACKUPS);
  return `${lines.join('\n')}\n`;
}
