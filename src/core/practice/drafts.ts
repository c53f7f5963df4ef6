import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { countWords } from '../coach/text.js';
import { InputError } from '../errors.js';
import { readFileBoundedSync } from '../fs/read-bounded.js';
import { clip } from '../text/sanitize.js';

/** A kept draft: an answer typed in the drill and not rated when the drill stopped. */
export interface Draft {
  /** The file name without `.txt`: what `rmprep drafts show|coach|rm` take. */
  name: string;
  /** The question it answers, from the file name; undefined when the name does not say. */
  questionId: string | undefined;
  /** When it was kept (the file's time). */
  at: string;
  words: number;
  file: string;
}

/** More than any typed answer; a huge file in the folder is read this far only. */
const MAX_DRAFT_BYTES = 1_000_000;
/** Drafts are named `<session id>-<question id>.txt` (draft.ts); session ids are a day and six hex digits. */
const NAMED = /^\d{4}-\d\d-\d\d-[0-9a-f]{6}-([a-z0-9][a-z0-9_-]*)$/i;

export function readDraftText(file: string): string {
  return readFileBoundedSync(file, MAX_DRAFT_BYTES).toString('utf8');
}

/** The drafts in `dir`, newest first; a missing folder holds none. Files that are not plain `.txt` files are left out. */
export function listDrafts(dir: string): Draft[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const drafts: Draft[] = [];
  for (const entry of names) {
    if (!entry.endsWith('.txt')) continue;
    const file = join(dir, entry);
    try {
      const st = statSync(file);
      if (!st.isFile()) continue;
      const name = entry.slice(0, -4);
      drafts.push({ name, questionId: NAMED.exec(name)?.[1]?.toLowerCase(), at: st.mtime.toISOString(), words: countWords(readDraftText(file)), file });
    } catch {
      // Unreadable: not offered.
    }
  }
  return drafts.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.name.localeCompare(b.name)));
}

/** The draft called `name` (with or without `.txt`); only names the listing shows are accepted, so no path escapes the folder. */
export function findDraft(dir: string, name: string): Draft {
  const wanted = name.trim().replace(/\.txt$/, '');
  const found = listDrafts(dir).find((d) => d.name === wanted);
  if (!found) throw new InputError(`no draft "${clip(name, 60)}"`, 'missing', "'rmprep drafts' lists the kept drafts");
  return found;
}

/** The newest draft kept for `questionId`, if any. */
export function draftFor(dir: string, questionId: string): Draft | undefined {
  return listDrafts(dir).find((d) => d.questionId === questionId);
}

export function removeDraft(draft: Draft): void {
  rmSync(draft.file, { force: true });
}
