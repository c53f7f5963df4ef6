import { z } from 'zod';
import { isIsoInstant } from '../history/iso-instant.js';

/**
 * A backup is a history file with more in it: the history header (so `history --import` reads it as a
 * history), every line of the history as it is, then one `{"type":"rmprep-file"}` line per other file of
 * the person's. History readers skip record types they do not know, so the file lines never reach them.
 */
export const BACKUP_FORMAT = 1;
export const FILE_KINDS = ['phrasings', 'story', 'draft', 'question', 'config'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface BackupFile {
  kind: FileKind;
  /** Path inside its folder, with `/` between parts; never absolute, never `..`. */
  name: string;
  text: string;
  /** When the file was last changed (a draft's listing shows it), put back on the restored file. */
  at?: string | undefined;
}

const NAME = z
  .string()
  .min(1)
  .max(300)
  .refine((n) => !n.startsWith('/') && !n.includes('\\') && n.split('/').every((part) => part !== '' && part !== '.' && part !== '..'), 'must be a plain path inside its folder');

export const backupFileSchema = z.object({ type: z.literal('rmprep-file'), kind: z.enum(FILE_KINDS), name: NAME, text: z.string().max(10_000_000), at: z.string().refine(isIsoInstant).optional() });

export interface BackupContents {
  historyVersion: number;
  /** The history's records, one JSON text per line, as they were in the file. */
  historyLines: string[];
  files: BackupFile[];
}

/** The backup's text. */
export function renderBackup(contents: BackupContents, at: Date): string {
  const header = JSON.stringify({ rmprep: 'history', version: contents.historyVersion, backup: BACKUP_FORMAT, at: at.toISOString() });
  const files = contents.files.map((f) => JSON.stringify({ type: 'rmprep-file', kind: f.kind, name: f.name, text: f.text, ...(f.at !== undefined ? { at: f.at } : {}) }));
  return `${[header, ...contents.historyLines, ...files].join('\n')}\n`;
}

export interface ParsedBackup extends BackupContents {
  /** Problems as line and message; a backup with any is not restored. */
  problems: { line: number; message: string }[];
}

/** Splits a backup into its history lines and its files. Pure; every line is checked. */
export function parseBackup(text: string): ParsedBackup {
  const lines = text.split('\n');
  const problems: ParsedBackup['problems'] = [];
  let historyVersion = 0;
  const historyLines: string[] = [];
  const files: BackupFile[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: i + 1, message: 'not a line of JSON' });
      return;
    }
    const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    if (historyVersion === 0) {
      if (record?.rmprep !== 'history' || record.backup === undefined || typeof record.version !== 'number') {
        problems.push({ line: i + 1, message: 'not an rmprep backup: the first line must be {"rmprep":"history",...,"backup":1}' });
        lines.length = 0;
        return;
      }
      historyVersion = record.version;
      return;
    }
    if (record?.type === 'rmprep-file') {
      const file = backupFileSchema.safeParse(record);
      if (file.success) files.push({ kind: file.data.kind, name: file.data.name, text: file.data.text, at: file.data.at });
      else problems.push({ line: i + 1, message: `a file entry ${file.error.issues[0]?.message ?? 'is malformed'}` });
      return;
    }
    historyLines.push(line);
  });
  if (historyVersion === 0 && problems.length === 0) problems.push({ line: 1, message: 'the file is empty; it is not an rmprep backup' });
  return { historyVersion, historyLines, files, problems };
}

/** A config file without any secret: every line whose key names a key, token, secret or password goes. */
export function withoutSecrets(configText: string): string {
  return configText
    .split('\n')
    .filter((line) => !/^\s*[\w.-]*(key|token|secret|password|auth)[\w.-]*\s*:/i.test(line))
    .join('\n');
}
