import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { plural } from '../../core/text/plural.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { collectFiles } from '../../core/backup/files.js';
import { renderBackup, type FileKind } from '../../core/backup/format.js';
import { readFileBoundedSync } from '../../core/fs/read-bounded.js';
import { describeProtected, findProtected, protectedPaths } from '../../core/protected-paths.js';
import { toJsonText } from '../../core/text/json-text.js';
import { clip } from '../../core/text/sanitize.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { FailureError } from '../errors.js';
import { wrap } from '../../ui/render.js';

export const backupOptionsSchema = z.object({ json: z.boolean().optional(), force: z.boolean().optional() });

export const command = defineCommand({ schema: backupOptionsSchema, run: backupCommand });

const MAX_HISTORY_BYTES = 256_000_000;

/** Everything of the person's in one file: the whole history, then phrasings, stories, drafts, own questions and the config without secrets. */
async function backupCommand(run: Run, opts: z.infer<typeof backupOptionsSchema>, { file }: { file: string }): Promise<number> {
  const target = resolve(run.cwd, file);
  const hit = findProtected(target, protectedPaths(run.paths));
  if (hit) throw new FailureError(`will not write ${clip(file)}: it is ${describeProtected(hit)}`, 'choose a file outside rmprep\'s own folders');
  if (existsSync(target) && !opts.force) throw new FailureError(`${clip(file)} already exists`, 'pass --force to replace it, or choose another name');
  const { version, lines } = historyLines(run.paths.historyFile);
  const files = collectFiles(run.paths);
  writeFileAtomic(target, renderBackup({ historyVersion: version, historyLines: lines, files }, run.now()), undefined, { mode: 0o600 });
  const counts = countRecords(lines);
  const byKind = (kind: FileKind) => files.filter((f) => f.kind === kind).length;
  const summary = {
    file: target,
    history: counts,
    phrasings: byKind('phrasings') > 0,
    stories: byKind('story'),
    drafts: byKind('draft'),
    questions: byKind('question'),
    config: byKind('config') > 0,
  };
  if (opts.json) run.stdout.write(`${toJsonText(summary)}\n`);
  else {
    const said =
      `Backed up to ${clip(target, 200)}: ${plural(counts.attempts, 'attempt')}, ${plural(counts.sessions, 'session')}, ${plural(counts.corrections, 'undo/rerate record')}, ` +
      `${plural(summary.stories, 'story', 'stories')}, ${plural(summary.drafts, 'draft')}, ${plural(summary.questions, 'own question')}${summary.phrasings ? ', taught phrasings' : ''}${summary.config ? ', the config (no keys)' : ''}.`;
    run.stdout.write(`${wrap(said, run.width)}\n`);
  }
  return 0;
}

/** The history's record lines as they are in the file (none when there is no history yet), and its format. */
function historyLines(historyFile: string): { version: number; lines: string[] } {
  if (!existsSync(historyFile)) return { version: 3, lines: [] };
  const text = readFileBoundedSync(historyFile, MAX_HISTORY_BYTES).toString('utf8');
  const all = text.split('\n').filter((l) => l.trim() !== '');
  const first = all[0] ?? '';
  let version = 1;
  try {
    const header = JSON.parse(first) as { rmprep?: unknown; version?: unknown };
    if (header.rmprep === 'history' && typeof header.version === 'number') {
      version = header.version;
      all.shift();
    }
  } catch {
    // A first line that is not JSON is a record line; the history's own checks report it.
  }
  return { version, lines: all };
}

function countRecords(lines: string[]): { attempts: number; sessions: number; corrections: number } {
  const counts = { attempts: 0, sessions: 0, corrections: 0 };
  for (const line of lines) {
    const type = /"type":"(\w+)"/.exec(line)?.[1];
    if (type === 'attempt') counts.attempts++;
    else if (type === 'session') counts.sessions++;
    else if (type === 'undo' || type === 'rerate') counts.corrections++;
  }
  return counts;
}
