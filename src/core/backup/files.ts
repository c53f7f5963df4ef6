import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, utimesSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { BackupFile, FileKind } from './format.js';
import { withoutSecrets } from './format.js';
import { writePhrasings } from '../phrasings/store.js';
import { mergePhrasings } from './phrasings-merge.js';

/** Where each kind of file lives for this run. */
export interface BackupPlaces {
  dataDir: string;
  configDir: string;
  storiesDir: string;
  historyFile: string;
  ownQuestionsDir: string;
}

/** A file larger than this is not the person's writing; it is left out of a backup. */
const MAX_FILE_BYTES = 2_000_000;
const MAX_DEPTH = 4;

interface Source {
  kind: FileKind;
  dir: string;
  /** Only this file of the folder, when set. */
  only?: string;
}

function sources(p: BackupPlaces): Source[] {
  return [
    { kind: 'phrasings', dir: p.dataDir, only: 'phrasings.yaml' },
    { kind: 'story', dir: p.storiesDir },
    { kind: 'draft', dir: join(dirname(p.historyFile), 'drafts') },
    { kind: 'question', dir: p.ownQuestionsDir },
    { kind: 'config', dir: p.configDir, only: 'config.yaml' },
  ];
}

export function folderOf(kind: FileKind, p: BackupPlaces): string {
  return sources(p).find((s) => s.kind === kind)!.dir;
}

/** Every file of the person's outside the history: regular files only, links and temp files left out. */
export function collectFiles(p: BackupPlaces): BackupFile[] {
  const files: BackupFile[] = [];
  for (const source of sources(p)) {
    const names = source.only ? [source.only] : listFiles(source.dir, '', 0);
    for (const name of names) {
      const path = join(source.dir, name);
      const st = statOf(path);
      if (!st?.isFile() || st.size > MAX_FILE_BYTES) continue;
      const text = readFileSync(path, 'utf8');
      files.push({ kind: source.kind, name: name.split(sep).join('/'), text: source.kind === 'config' ? withoutSecrets(text) : text, at: st.mtime.toISOString() });
    }
  }
  return files;
}

function listFiles(dir: string, under: string, depth: number): string[] {
  if (depth > MAX_DEPTH) return [];
  let entries: string[];
  try {
    entries = readdirSync(join(dir, under)).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    const rel = under === '' ? name : join(under, name);
    const st = statOf(join(dir, rel));
    if (st?.isDirectory()) out.push(...listFiles(dir, rel, depth + 1));
    else if (st?.isFile()) out.push(rel);
  }
  return out;
}

function statOf(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

export type FileOutcome = 'added' | 'same' | 'differs' | 'set-aside' | 'merged';

/**
 * Puts one file of a backup in its place: a new file is written (0600, folders 0700); the same file is
 * left alone; a different one is kept unless `force`, which first renames it aside (`.before-restore-<stamp>`).
 * Taught phrasings are merged entry by entry instead (`added` counts the backup's entries that were new).
 */
export function restoreFile(file: BackupFile, p: BackupPlaces, opts: { force: boolean; stamp: string }): { outcome: FileOutcome; path: string; aside?: string; added?: number } {
  const dir = folderOf(file.kind, p);
  const path = resolve(dir, ...file.name.split('/'));
  const rel = relative(dir, path);
  if (rel === '' || rel.startsWith('..')) throw new Error(`a backup entry names a place outside ${dir}`);
  if (existsSync(path)) {
    const mine = readFileSync(path, 'utf8');
    if (mine === file.text) return { outcome: 'same', path };
    const merged = file.kind === 'phrasings' ? mergePhrasings(mine, file.text, path) : undefined;
    if (merged) {
      if (merged.added === 0) return { outcome: 'same', path, added: 0 };
      writePhrasings(path, merged.phrasings);
      return { outcome: 'merged', path, added: merged.added };
    }
    if (!opts.force) return { outcome: 'differs', path };
    const aside = `${path}.before-restore-${opts.stamp}`;
    renameSync(path, aside);
    writeFileAtomic(path, file.text, undefined, { mode: 0o600 });
    keepTime(path, file.at);
    return { outcome: 'set-aside', path, aside };
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileAtomic(path, file.text, undefined, { mode: 0o600 });
  keepTime(path, file.at);
  return { outcome: 'added', path };
}

/** The file's time as it was at home: a draft is listed by it. */
function keepTime(path: string, at: string | undefined): void {
  if (at === undefined) return;
  try {
    utimesSync(path, new Date(at), new Date(at));
  } catch {
    // The text is what matters; a file system that keeps no times loses only the date.
  }
}
