import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Problem } from '../problems.js';
import { bankCachePartMissing, readBankCache, writeBankCache, type CachedFile, type Listing, type MergedFiles } from './cache.js';
import { listRow } from './cache-shape.js';
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
  const merged = await mergeSources(sources, opts, (q) => q);
  return toBank(merged);
}

/** The bank of what was merged: lookups by id and by alias, and a problem for an alias that is also another question's id. */
function toBank(merged: Merged<Question>): Bank {
  const byId = new Map(merged.kept.map((q) => [q.id, q]));
  const problems = [...merged.problems];
  for (const q of merged.kept) {
    for (const alias of q.aliases ?? []) {
      const other = byId.get(alias);
      if (other && other !== q) {
        problems.push({ file: q.source.file, line: q.source.line, col: 1, message: `alias "${alias}" is already ${other.id === alias ? 'the id' : 'an alias'} of ${other.source.file}:${other.source.line}` });
        continue;
      }
      byId.set(alias, q);
    }
  }
  return { questions: merged.kept, byId, problems, ...(merged.warnings.length > 0 ? { warnings: merged.warnings } : {}), fileCount: merged.fileCount };
}

/**
 * What `list` shows when its cache does not hold: loaded as loadBank loads the bank, keeping only each
 * question's row, so that a cold listing of a large bank never holds every parsed question at once.
 */
export async function loadListing(sources: BankSource[], opts: LoadOptions): Promise<Listing> {
  const merged = await mergeSources(sources, opts, listRow);
  return { rows: merged.kept, problems: merged.problems };
}

async function mergeSources<T extends ListRow>(sources: BankSource[], opts: LoadOptions, keep: (q: Question) => T): Promise<Merged<T>> {
  const { dirs, entries, missing } = listSources(sources, opts);
  const cached = opts.cacheDir ? readBankCache(opts.cacheDir, sources, opts) : undefined;
  const byFile = new Map((cached?.files ?? []).map((f) => [f.file, f]));
  const hitOf = (entry: FileEntry) => {
    const hit = byFile.get(entry.file);
    return hit && hit.size === entry.size && hit.mtimeMs === entry.mtimeMs && hit.display === entry.display && hit.bundled === entry.bundled ? hit : undefined;
  };
  const stale = entries.some((e) => !hitOf(e));
  const read = stale ? (await import('./read-file.js')).readQuestionFile : undefined;
  const merger = createMerger(keep);
  for (const m of missing) merger.add(m);
  // Each file is merged, then written to the cache, then dropped: only what `keep` keeps stays.
  const files = (function* (): Generator<CachedFile> {
    for (const entry of entries) {
      const file = hitOf(entry) ?? { ...entry, parsed: (read as (file: string, display: string) => ParsedFile)(entry.file, entry.display) };
      merger.add(file);
      yield file;
    }
  })();
  if (opts.cacheDir && (stale || !cached || cached.files.length !== entries.length || bankCachePartMissing(opts.cacheDir, sources, opts))) {
    writeBankCache(opts.cacheDir, sources, opts, { dirs, files, merged: () => merger.result() });
  } else {
    for (const _ of files);
  }
  return merger.result();
}

/** Every question file of the sources with its stamp, and a problem for each source that cannot be read. */
function listSources(sources: BankSource[], opts: LoadOptions): { dirs: Record<string, number>; entries: FileEntry[]; missing: FileResult[] } {
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
  return { dirs, entries, missing };
}

export interface FileResult {
  file: string;
  bundled: boolean;
  parsed: ParsedFile;
  display?: string;
}

type ListRow = Listing['rows'][number];

interface Merged<T> extends MergedFiles {
  kept: T[];
  warnings: Problem[];
  fileCount: number;
}

/**
 * Merges parsed files, one at a time, into one bank. A user's question replaces a bundled one with the
 * same id; two questions with one id from the same side are an error naming both places. `keep` says
 * what is kept of each question: all of it, or only its row of the listing.
 */
function createMerger<T extends ListRow>(keep: (q: Question) => T) {
  const byId = new Map<string, { kept: T; file: string; line: number; bundled: boolean }>();
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  let fileCount = 0;
  return {
    add({ file, display, bundled, parsed }: FileResult): void {
      const name = display ?? file;
      fileCount++;
      problems.push(...parsed.problems);
      if (parsed.warnings) warnings.push(...parsed.warnings);
      for (const q of parsed.questions) {
        const existing = byId.get(q.id);
        if (existing && existing.bundled === bundled) {
          problems.push({ file: name, line: q.line, col: 1, message: `duplicate id "${q.id}": already defined at ${existing.file}:${existing.line}` });
          continue;
        }
        const { line, ...data } = q;
        byId.set(q.id, { kept: keep({ ...data, source: { file: name, line, bundled } }), file: name, line, bundled });
      }
    },
    result(): Merged<T> {
      const kept = [...byId.values()].map((e) => e.kept);
      return { kept, rows: kept, problems, warnings, fileCount, fileOf: (id) => byId.get(id)?.file };
    },
  };
}

/** Merges parsed files into one bank (see createMerger). */
export function mergeBank(results: FileResult[]): Bank {
  const merger = createMerger((q) => q);
  for (const r of results) merger.add(r);
  return toBank(merger.result());
}

function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}
