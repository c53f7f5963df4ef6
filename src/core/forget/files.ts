/**
 * The copies of answers rmprep keeps outside the history: its own backups of the history, lines set aside
 * by a repair or a cut-off write, rescue files of attempts not saved, and drafts. Finding them and working
 * out what each becomes; writing is left to forget.ts.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { readFileBoundedSync } from '../fs/read-bounded.js';
import { addCounts, damagedLineSelected, emptyCounts, isSelected, stripAnswers, type Selection, type TextCounts } from './select.js';

export const LINE_FILE_KINDS = ['backups', 'rescue', 'torn', 'rejected'] as const;
export type LineFileKind = (typeof LINE_FILE_KINDS)[number];

/** Where to look, and whose files in the shared temp folder count as the person's. */
export interface ForgetPlaces {
  historyFile: string;
  dataDir: string;
  /** Where the drill and the store fall back to: rescue files and drafts that found no other place. */
  tmpDir?: string | undefined;
  /** Only files of this owner are taken from the temp folder. */
  uid?: number | undefined;
}

/** A file and what it becomes: its new text, or null when nothing of the person's is left in it. */
export interface FileChange {
  kind: LineFileKind | 'drafts';
  path: string;
  text: string | null;
  counts: TextCounts;
  texts: { questionId: string; text: string }[];
  at?: string | undefined;
}

type Fs = typeof nodeFs;
/** A backup of a history as large as rmprep reads; a larger file is not one it wrote. */
const MAX_LINE_FILE_BYTES = 256 * 1024 * 1024;
const MAX_DRAFT_BYTES = 1_000_000;
/** Drafts are `<session id>-<question id>.txt`; a set-aside one (restore --force) has a suffix after `.txt`. */
const DRAFT_NAME = /^\d{4}-\d\d-\d\d-[0-9a-f]{6}-([a-z0-9][a-z0-9_-]*)\.txt(?:\.before-restore-[0-9TZ-]+)?$/i;

/** Every file rmprep made that may hold answers, by kind. */
export function findLineFiles(places: ForgetPlaces, fs: Fs = nodeFs): { kind: LineFileKind; path: string }[] {
  const dir = dirname(places.historyFile);
  const base = basename(places.historyFile);
  const found: { kind: LineFileKind; path: string }[] = [];
  for (const name of listNames(fs, dir)) {
    if (!name.startsWith(`${base}.`)) continue;
    const rest = name.slice(base.length + 1);
    const kind: LineFileKind | undefined = rest.startsWith('torn-') ? 'torn' : rest.startsWith('rejected-') ? 'rejected' : rest.endsWith('.bak') ? 'backups' : undefined;
    if (kind && isRegular(fs, join(dir, name))) found.push({ kind, path: join(dir, name) });
  }
  if (places.tmpDir !== undefined) {
    for (const name of listNames(fs, places.tmpDir)) {
      const path = join(places.tmpDir, name);
      if (/^rmprep-unsaved-[^/]*\.jsonl$/.test(name) && isOwned(fs, path, places.uid)) found.push({ kind: 'rescue', path });
    }
  }
  return found;
}

/** What one such file becomes: lines of selected attempts lose their answers, damaged lines of the selection go. */
export function forgetInLineFile(kind: LineFileKind, path: string, sel: Selection, fs: Fs = nodeFs): FileChange | undefined {
  let text: string;
  try {
    text = readFileBoundedSync(path, MAX_LINE_FILE_BYTES, fs).toString('utf8');
  } catch {
    return undefined;
  }
  const counts = emptyCounts();
  const texts: FileChange['texts'] = [];
  let changed = false;
  let records = 0;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    let whole = true;
    try {
      value = JSON.parse(line);
    } catch {
      whole = false;
    }
    if (!whole) {
      if (damagedLineSelected(line, sel)) changed = true;
      else {
        out.push(line);
        records++;
      }
      continue;
    }
    const s = stripAnswers(value, sel);
    if (s.record !== value) {
      changed = true;
      addCounts(counts, s.counts);
      for (const t of s.texts) texts.push({ questionId: s.questionId ?? '', text: t });
      out.push(JSON.stringify(s.record));
    } else out.push(line);
    if (!isHeader(value)) records++;
  }
  if (!changed) return undefined;
  return { kind, path, text: records === 0 ? null : `${out.join('\n')}\n`, counts, texts };
}

/** The drafts of the selection: in the drafts folder beside the history, and the person's in the temp folder. */
export function forgetDrafts(places: ForgetPlaces, sel: Selection, fs: Fs = nodeFs): FileChange[] {
  const changes: FileChange[] = [];
  const folders = [{ dir: join(dirname(places.historyFile), 'drafts'), shared: false }];
  if (places.tmpDir !== undefined) folders.push({ dir: places.tmpDir, shared: true });
  for (const { dir, shared } of folders) {
    for (const name of listNames(fs, dir)) {
      const path = join(dir, name);
      const named = DRAFT_NAME.exec(name);
      // Outside the drafts folder only a name the drill gives counts; inside it every .txt is a draft.
      if (shared ? !named || !isOwned(fs, path, places.uid) : !named && !name.endsWith('.txt')) continue;
      const st = statOf(fs, path);
      if (!st?.isFile()) continue;
      const questionId = named?.[1]?.toLowerCase();
      const at = st.mtime.toISOString();
      if (!isSelected(sel, questionId, at)) continue;
      let text = '';
      try {
        text = readFileBoundedSync(path, MAX_DRAFT_BYTES, fs).toString('utf8');
      } catch {
        // Unreadable: removed all the same.
      }
      changes.push({ kind: 'drafts', path, text: null, counts: emptyCounts(), texts: questionId && text ? [{ questionId, text }] : [], at });
    }
  }
  return changes;
}

function isHeader(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>).rmprep === 'history';
}

function listNames(fs: Fs, dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return [];
  }
}

function statOf(fs: Fs, path: string): nodeFs.Stats | undefined {
  try {
    return fs.lstatSync(path);
  } catch {
    return undefined;
  }
}

function isRegular(fs: Fs, path: string): boolean {
  return statOf(fs, path)?.isFile() === true;
}

function isOwned(fs: Fs, path: string, uid: number | undefined): boolean {
  const st = statOf(fs, path);
  return st?.isFile() === true && (uid === undefined || st.uid === uid);
}
