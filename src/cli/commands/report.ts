import { clip } from '../../core/text/sanitize.js';
import { toJsonText } from '../../core/text/json-text.js';
import { resolve } from 'node:path';
import { z } from 'zod';
import { writeOutputFile } from '../write-output.js';
import { protectedPaths } from '../../core/protected-paths.js';
import { readHistory } from '../../core/history/store.js';
import type { HistoryRecord } from '../../core/history/schema.js';
import { buildSessionReport, describeSession, matchSession } from '../../core/practice/report.js';
import { UsageError } from '../errors.js';
import { storeOptions } from '../history-store.js';
import { renderReportMarkdown, renderReportText } from '../../ui/render-report.js';
import { createStyle } from '../../ui/style.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';

export const reportOptionsSchema = z
  .object({
    session: z.string().trim().min(1, '--session needs "last", a session id or a label').default('last'),
    format: z.enum(['text', 'markdown', 'json'], { error: (issue) => `--format must be text, markdown or json, not "${clip(issue.input)}"` }).optional(),
    json: z.boolean().optional(),
    out: z.string().trim().min(1, '--out needs a file name').optional(),
  })
  .refine((o) => !o.json || o.format === undefined || o.format === 'json', { message: '--json prints JSON; leave out --format, or use --format json' });

export const command = defineCommand({ schema: reportOptionsSchema, run: reportCommand });

async function reportCommand(run: Run, opts: z.infer<typeof reportOptionsSchema>): Promise<number> {
  const { records } = readHistory(run.paths.historyFile, storeOptions(run));
  const report = buildSessionReport(records, await pickSession(run, records, opts.session), await run.loadBank());
  const format = opts.json ? 'json' : (opts.format ?? 'text');
  let text: string;
  if (format === 'json') text = `${toJsonText(report)}\n`;
  else if (format === 'markdown') text = renderReportMarkdown(report);
  // A file gets plain text at a fixed width, whatever the terminal is like.
  else text = opts.out && opts.out !== '-' ? renderReportText(report, { width: 80, style: createStyle(false) }) : renderReportText(report, { width: run.width, style: run.style });
  // `--out -` is standard output, as for most tools.
  if (opts.out && opts.out !== '-') {
    const file = resolve(run.cwd, opts.out);
    writeOutputFile(file, text, protectedPaths(run.paths));
    run.stderr.write(`Wrote the report of session ${report.session.id} to ${clip(file, 200)}\n`);
    return 0;
  }
  run.stdout.write(text);
  return 0;
}

/** The id of the session `ref` names; a label several sessions share is asked about on a terminal. */
async function pickSession(run: Run, records: readonly HistoryRecord[], ref: string): Promise<string> {
  const match = matchSession(records, ref);
  if (match.session) return match.session.id;
  if (run.stdin.isTTY && run.stdout.isTTY) {
    const io = { input: run.stdin, output: run.stdout.stream ?? (run.stdout as unknown as NodeJS.WritableStream) };
    // Loaded only when asking: the prompt library is not part of a report's start-up.
    const { chooseSession } = await import('../../ui/prompts.js');
    return chooseSession(io, run.style, ref.trim(), match.candidates);
  }
  throw new UsageError(`"${clip(ref.trim())}" labels ${match.candidates.length} sessions: ${match.candidates.map(describeSession).join(', ')}; give one of these ids with --session`);
}
