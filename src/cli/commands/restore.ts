import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { plural } from '../../core/text/plural.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { restoreFile, type FileOutcome } from '../../core/backup/files.js';
import { parseBackup } from '../../core/backup/format.js';
import { readFileBoundedSync } from '../../core/fs/read-bounded.js';
import { readImportText } from '../../core/history/import.js';
import { importRecords } from '../../core/history/import-write.js';
import { toJsonText } from '../../core/text/json-text.js';
import { clip } from '../../core/text/sanitize.js';
import type { Run } from '../context.js';
import { defineCommand } from '../define-command.js';
import { FailureError, UsageError } from '../errors.js';
import { storeOptions } from '../history-store.js';
import { wrap } from '../../ui/render.js';

export const restoreOptionsSchema = z.object({ json: z.boolean().optional(), force: z.boolean().optional() });

export const command = defineCommand({ schema: restoreOptionsSchema, run: restoreCommand });

const MAX_BACKUP_BYTES = 512_000_000;

/**
 * Merges a backup into the current data, as many times as wanted: attempts and sessions by id (so a
 * second restore adds nothing), files by name, never replacing a different file without --force.
 */
async function restoreCommand(run: Run, opts: z.infer<typeof restoreOptionsSchema>, { file }: { file: string }): Promise<number> {
  const path = resolve(run.cwd, file);
  let text: string;
  try {
    text = readFileBoundedSync(path, MAX_BACKUP_BYTES).toString('utf8');
  } catch (err) {
    throw new FailureError(`cannot read ${clip(file)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, 'check the path of the backup');
  }
  const backup = parseBackup(text);
  const first = backup.problems[0];
  if (first) throw new UsageError(`${clip(file)}:${first.line}:1: ${first.message}; nothing was restored`);

  const now = run.now();
  const history = restoreHistory(run, backup.historyVersion, backup.historyLines, now);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z');
  const files: Record<FileOutcome, string[]> = { added: [], same: [], differs: [], 'set-aside': [], merged: [] };
  let phrasingsAdded = 0;
  const asides: string[] = [];
  for (const f of backup.files) {
    const r = restoreFile(f, run.paths, { force: opts.force === true, stamp });
    files[r.outcome].push(`${f.kind}:${f.name}`);
    phrasingsAdded += r.added ?? 0;
    if (r.aside) asides.push(r.aside);
  }
  const summary = { history, files: { added: files.added, skipped: files.same, kept: files.differs, replaced: files['set-aside'], setAside: asides, merged: files.merged }, phrasingsAdded };
  if (opts.json) {
    run.stdout.write(`${toJsonText(summary)}\n`);
    return 0;
  }
  const said =
    `Restored ${plural(history.added, 'attempt')} (${history.skipped} already here) and ${plural(history.sessions, 'session')}; ` +
    `files: ${files.added.length} added, ${files.same.length} already here, ${files['set-aside'].length} replaced` +
    `${files.merged.length > 0 ? `; ${plural(phrasingsAdded, 'taught phrasing')} added to yours` : ''}.`;
  run.stdout.write(`${wrap(said, run.width)}\n`);
  for (const aside of asides) run.stdout.write(`Set aside: ${clip(aside, 300)}\n`);
  if (files.differs.length > 0) {
    run.stderr.write(`Kept ${files.differs.length} of your files that differ from the backup (${files.differs.slice(0, 5).join(', ')}${files.differs.length > 5 ? ', ...' : ''}); pass --force to take the backup's, yours set aside.\n`);
  }
  return 0;
}

interface HistoryOutcome {
  added: number;
  skipped: number;
  sessions: number;
  copied: boolean;
}

/** Into no history, the backup's lines as they are; into a history, an import (by id, so nothing doubles). */
function restoreHistory(run: Run, version: number, lines: string[], now: Date): HistoryOutcome {
  const historyFile = run.paths.historyFile;
  const attempts = lines.filter((l) => l.includes('"type":"attempt"')).length;
  const sessions = lines.filter((l) => l.includes('"type":"session"')).length;
  if (lines.length === 0) return { added: 0, skipped: 0, sessions: 0, copied: false };
  if (!existsSync(historyFile) || statSync(historyFile).size === 0) {
    mkdirSync(dirname(historyFile), { recursive: true, mode: 0o700 });
    writeFileAtomic(historyFile, `${[JSON.stringify({ rmprep: 'history', version }), ...lines].join('\n')}\n`, undefined, { mode: 0o600 });
    return { added: attempts, skipped: 0, sessions, copied: true };
  }
  const batch = readImportText([JSON.stringify({ rmprep: 'history', version }), ...lines].join('\n'), now);
  const bad = batch.bad[0];
  if (bad) throw new UsageError(`the backup's history has a bad line (${bad.line}:${bad.col}: ${bad.message}); nothing was restored`);
  const result = importRecords(historyFile, batch.records, { ...storeOptions(run), now });
  return { added: result.added, skipped: result.duplicates, sessions: result.sessions, copied: false };
}
