import { followAliases } from '../../core/practice/follow-aliases.js';
import { toJsonText } from '../../core/text/json-text.js';
import { z } from 'zod';
import { loadSummary } from '../../core/history/store.js';
import { computeStats } from '../../core/practice/stats.js';
import { storeOptions } from '../history-store.js';
import { renderStats } from '../../ui/render-stats.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { warnAboutProblems } from '../run.js';

export const statsOptionsSchema = z.object({ json: z.boolean().optional() });

export const command = defineCommand({ schema: statsOptionsSchema, run: statsCommand });

async function statsCommand(run: Run, opts: z.infer<typeof statsOptionsSchema>): Promise<number> {
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  const summary = followAliases(loadSummary(run.paths.historyFile, storeOptions(run)), bank.questions);
  const now = run.now();
  const stats = computeStats(bank.questions, summary, now);
  if (opts.json) {
    run.stdout.write(`${toJsonText({ generatedAt: now.toISOString(), ...stats })}\n`);
    return 0;
  }
  run.stdout.write(renderStats(stats, { width: run.width, style: run.style, now }));
  return 0;
}
