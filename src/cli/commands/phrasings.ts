import { z } from 'zod';
import { describePhrasings, forgetPhrasings } from '../../core/phrasings/listing.js';
import { readPhrasings, resolvePhrasingsFile, writePhrasings } from '../../core/phrasings/store.js';
import { toJsonText } from '../../core/text/json-text.js';
import { clip, sanitizeText } from '../../core/text/sanitize.js';
import { renderPhrasings } from '../../ui/render-phrasings.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { UsageError } from '../errors.js';

export const phrasingsOptionsSchema = z.object({ json: z.boolean().optional() });

export const command = defineCommand({ schema: phrasingsOptionsSchema, run: phrasingsCommand });

async function phrasingsCommand(run: Run, opts: z.infer<typeof phrasingsOptionsSchema>, { action, target }: { action?: string; target?: string }): Promise<number> {
  const file = resolvePhrasingsFile(run);
  const phrasings = readPhrasings(file);
  const bank = (await run.loadBank()).questions;
  if (action === 'forget') {
    if (target === undefined) throw new UsageError('phrasings forget needs a number as listed or <question id>:<point>', 'e.g. rmprep phrasings forget 2');
    const { kept, forgotten } = forgetPhrasings(phrasings, bank, target);
    writePhrasings(file, kept);
    if (opts.json) run.stdout.write(`${toJsonText({ forgotten, left: kept.length })}\n`);
    else run.stdout.write(`Forgot ${forgotten.length === 1 ? '1 phrasing' : `${forgotten.length} phrasings`}: ${forgotten.map((p) => `"${clip(p.sentence)}"`).join(', ')}\n`);
    return 0;
  }
  // "rmprep phrasings <id>" is "rmprep phrasings list <id>".
  const only = action === undefined || action === 'list' ? target : action;
  if (action !== undefined && action !== 'list' && target !== undefined) throw new UsageError(`phrasings takes list or forget, not "${sanitizeText(action).slice(0, 40)}"`);
  const rows = describePhrasings(phrasings, bank, only);
  if (opts.json) run.stdout.write(`${toJsonText(rows)}\n`);
  else run.stdout.write(`${renderPhrasings(rows, file, { width: run.width, style: run.style })}\n`);
  return 0;
}
