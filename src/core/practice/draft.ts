import { writeFileSync } from 'node:fs';
import { makeFolder } from '../fs/make-folder.js';
import { join } from 'node:path';

export interface DraftPlace {
  /** Folders to try in order; the first that takes the file keeps it. */
  dirs: readonly string[];
  sessionId: string;
  questionId: string;
  /** The answer to an interviewer's follow-up, kept beside the main answer's file as `<name>.follow-up.txt`. */
  followUp?: boolean;
}

/**
 * Keeps an answer the user had typed but not yet rated when they stopped, as a text file of its own
 * (exactly as typed), so that stopping never loses it. Returns the file's path, or undefined when no
 * folder took it. An existing file is never replaced.
 */
export function keepDraft(text: string, { dirs, sessionId, questionId, followUp }: DraftPlace): string | undefined {
  const name = `${safeName(sessionId)}-${safeName(questionId)}${followUp ? '.follow-up' : ''}.txt`;
  for (const dir of dirs) {
    const file = join(dir, name);
    try {
      makeFolder(dir);
      writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
      return file;
    } catch {
      // Try the next folder.
    }
  }
  return undefined;
}

/** A file name part from an id: ids come from question files, so nothing in them may climb out of the folder. */
function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'answer';
}
