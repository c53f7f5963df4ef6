import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Problem } from '../problems.js';
import { isQuestionFile, parseQuestionFile, type ParsedFile } from './parse.js';
import type { Question } from './schema.js';

/** Files larger than this are refused: no real question file comes close, and parsing must stay cheap. */
export const MAX_QUESTION_FILE_BYTES = 1_000_000;

export interface BankSource {
  /** A folder of question files, or one pack file. */
  path: string;
  bundled: boolean;
}

export interface Bank {
  questions: Question[];
  byId: Map<string, Question>;
  problems: Problem[];
  fileCount: number;
}

/** Lists question files below a folder (or the file itself), sorted. Symlinks are not followed. */
export function listQuestionFiles(path: string): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && isQuestionFile(entry.name)) out.push(full);
    }
  };
  walk(path);
  return out;
}

/** Reads and parses one file, refusing ones that are too large or not UTF-8 text. */
export function readQuestionFile(file: string, displayName: string = file): ParsedFile {
  let buf: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_QUESTION_FILE_BYTES) {
      return { questions: [], problems: [{ file: displayName, line: 1, col: 1, message: `file is ${formatBytes(size)}; question files may be at most 1 MB` }] };
    }
    buf = readFileSync(file);
  } catch (err) {
    return { questions: [], problems: [{ file: displayName, line: 1, col: 1, message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }] };
  }
  const text = decodeUtf8(buf);
  if (text === undefined) {
    return { questions: [], problems: [{ file: displayName, line: 1, col: 1, message: 'not a UTF-8 text file' }] };
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return { questions: [], problems: [{ file: displayName, line: 1, col: 1, message: 'not a text file: it contains NUL bytes' }] };
  }
  return parseQuestionFile(text, displayName);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
function decodeUtf8(buf: Buffer): string | undefined {
  try {
    return utf8.decode(buf);
  } catch {
    return undefined;
  }
}

function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} kB`;
}

export interface FileResult {
  file: string;
  bundled: boolean;
  parsed: ParsedFile;
}

/** Reads every source; a missing folder becomes a problem, not a crash. */
export function readSources(sources: BankSource[], cwd: string): FileResult[] {
  const results: FileResult[] = [];
  for (const source of sources) {
    let files: string[];
    try {
      files = listQuestionFiles(source.path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const problem = { file: source.path, line: 1, col: 1, message: code === 'ENOENT' ? 'question folder not found' : `cannot read question folder: ${code ?? String(err)}` };
      results.push({ file: source.path, bundled: source.bundled, parsed: { questions: [], problems: [problem] } });
      continue;
    }
    for (const file of files) {
      // Bundled files are named from the package root (questions/...), a user's from where they stand.
      const display = source.bundled ? relative(dirname(source.path), file) : displayPath(file, cwd);
      results.push({ file: display, bundled: source.bundled, parsed: readQuestionFile(file, display) });
    }
  }
  return results;
}

/**
 * Merges parsed files into one bank. A user's question replaces a bundled one with the same id;
 * two questions with one id from the same side are an error naming both places.
 */
export function mergeBank(results: FileResult[]): Bank {
  const byId = new Map<string, Question>();
  const problems: Problem[] = [];
  for (const { file, bundled, parsed } of results) {
    problems.push(...parsed.problems);
    for (const q of parsed.questions) {
      const { line, ...data } = q;
      const question: Question = { ...data, source: { file, line, bundled } };
      const existing = byId.get(q.id);
      if (existing && existing.source.bundled === bundled) {
        problems.push({ file, line, col: 1, message: `duplicate id "${q.id}": already defined at ${existing.source.file}:${existing.source.line}` });
        continue;
      }
      byId.set(q.id, question);
    }
  }
  return { questions: [...byId.values()], byId, problems, fileCount: results.length };
}

export function loadBank(sources: BankSource[], cwd: string): Bank {
  return mergeBank(readSources(sources, cwd));
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
