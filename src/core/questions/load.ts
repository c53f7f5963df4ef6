import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Problem } from '../problems.js';
import { readBankCache, writeBankCache, type CachedFile } from './cache.js';
import type { ParsedFile } from './parse.js';
import type { Bank, BankSource, FileEntry, LoadOptions } from './bank.js';
import type { Question } from './schema.js';

const QUESTION_FILE = /\.(md|markdown|ya?ml|json)$/i;

/** Lists question files below a folder (or the file itself), sorted, noting each folder's mtime. Symlinks are not followed. */
export function listQuestionFiles(path: string, dirs: Record<string, number> = {}): string[] {
  const stat = statSync(path);
  if (stat.isFile()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    dirs[dir] = statSync(dir).mtimeMs;
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && QUESTION_FILE.test(entry.name)) out.push(full);
    }
  };
  walk(path);
  return out;
}

/**
 * Loads every source into one bank. Files whose size and mtime match the cache are not read again;
 * only changed files are parsed, and the parser is loaded only then.
 */
export async function loadBank(sources: BankSource[], opts: LoadOptions): Promise<Bank> {
  const dirs: Record<string, number> = {};
  const entries: FileEntry[] = [];
  const missing: FileResult[] = [];
  for (const source of sources) {
    let files: string[];
    try {
      files = listQuestionFiles(source.path, dirs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const message = code === 'ENOENT' ? 'question folder not found' : `cannot read question folder: ${code ?? String(err)}`;
      missing.push({ file: source.path, bundled: source.bundled, parsed: { questions: [], problems: [{ file: source.path, line: 1, col: 1, message }] } });
      // Never matches a real mtime, so cached lookups are not trusted while a folder is missing.
      dirs[source.path] = -1;
      continue;
    }
    for (const file of files) {
      let size = -1;
      let mtimeMs = -1;
      try {
        const st = statSync(file);
        size = st.size;
        mtimeMs = st.mtimeMs;
      } catch {
        // Gone between listing and stat: reading it reports the problem.
      }
      // Bundled files are named from the package root (questions/...), a user's from where they stand.
      const display = source.bundled ? relative(dirname(source.path), file) : displayPath(file, opts.cwd);
      entries.push({ file, display, bundled: source.bundled, size, mtimeMs });
    }
  }
  const cached = opts.cacheDir ? readBankCache(opts.cacheDir, sources, opts) : undefined;
  const byFile = new Map((cached?.files ?? []).map((f) => [f.file, f]));
  const results: CachedFile[] = [];
  let changed = !cached || cached.files.length !== entries.length;
  let read: ((file: string, display: string) => ParsedFile) | undefined;
  for (const entry of entries) {
    const hit = byFile.get(entry.file);
    if (hit && hit.size === entry.size && hit.mtimeMs === entry.mtimeMs && hit.display === entry.display && hit.bundled === entry.bundled) {
      results.push(hit);
      continue;
    }
    read ??= (await import('./read-file.js')).readQuestionFile;
    results.push({ ...entry, parsed: read(entry.file, entry.display) });
    changed = true;
  }
  const bank = mergeBank([...missing, ...results]);
  if (opts.cacheDir && changed) writeBankCache(opts.cacheDir, sources, opts, { dirs, files: results, bank });
  return bank;
}

export interface FileResult {
  file: string;
  bundled: boolean;
  parsed: ParsedFile;
  display?: string;
}

/**
 * Merges parsed files into one bank. A user's question replaces a bundled one with the same id;
 * two questions with one id from the same side are an error naming both places.
 */
export function mergeBank(results: FileResult[]): Bank {
  const byId = new Map<string, Question>();
  const problems: Problem[] = [];
  for (const { file, display, bundled, parsed } of results) {
    const name = display ?? file;
    problems.push(...parsed.problems);
    for (const q of parsed.questions) {
      const { line, ...data } = q;
      const question: Question = { ...data, source: { file: name, line, bundled } };
      const existing = byId.get(q.id);
      if (existing && existing.source.bundled === bundled) {
        problems.push({ file: name, line, col: 1, message: `duplicate id "${q.id}": already defined at ${existing.source.file}:${existing.source.line}` });
        continue;
      }
      byId.set(q.id, question);
    }
  }
  return { questions: [...byId.values()], byId, problems, fileCount: results.length };
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
