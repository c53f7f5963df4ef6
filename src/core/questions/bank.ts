import type { Problem } from '../problems.js';
import type { Question } from './schema.js';

export interface BankSource {
  /** A folder of question files, or one pack file. */
  path: string;
  bundled: boolean;
}

export interface Bank {
  questions: Question[];
  /** Every question by its id, and by each of its aliases (the ids it had before a merge or rename). */
  byId: Map<string, Question>;
  problems: Problem[];
  /** What loads but should be fixed; only validate shows these. */
  warnings?: Problem[];
  fileCount: number;
}

export interface LoadOptions {
  cwd: string;
  /** Where parsed files are cached between runs; no cache when left out. */
  cacheDir?: string | undefined;
  /** Identifies the build, so a new rmprep never trusts a cache written by an old one. */
  buildId?: string | undefined;
}

export interface FileEntry {
  file: string;
  display: string;
  bundled: boolean;
  size: number;
  mtimeMs: number;
}
