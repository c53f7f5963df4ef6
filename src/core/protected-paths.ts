import { readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** Where the person's data lives, as resolved for this run (flags, then environment, then XDG defaults). */
export interface DataPlaces {
  /** The history file: --history, $RMPREP_HISTORY or `<dataDir>/history.json`. */
  historyFile: string;
  /** `$XDG_DATA_HOME/rmprep`. */
  dataDir: string;
  /** `$XDG_CACHE_HOME/rmprep`. */
  cacheDir: string;
  /** `$XDG_CONFIG_HOME/rmprep`. */
  configDir: string;
  /** The stories folder: $RMPREP_STORIES or `<dataDir>/stories`. */
  storiesDir: string;
}

/**
 * One protected place. `file`: that file; `tree`: the folder and all below it, but `except`; `family`: the
 * file and the files beside it that rmprep names after it (`history.json.v1.bak`, `.history.json.summary`,
 * `history.json.torn-*`, its lock: see isFamilyName), which is how the history keeps its backups and caches.
 */
export interface ProtectedPath {
  path: string;
  /** What it holds, for the refusal: "the history", "rmprep's data folder". */
  what: string;
  scope: 'file' | 'tree' | 'family';
  /** Folders inside a tree that stay the person's to write in (their own question files). */
  except?: readonly string[];
}

/**
 * THE list of the person's data that no output of rmprep may overwrite. To protect a new file or folder,
 * add an entry here (and a case to test/faults/protected-paths.test.ts); every `--out`-like writer
 * checks it through findProtected. Most specific first: the first match names what would be lost.
 */
export const PROTECTED_PLACES: readonly ((p: DataPlaces) => ProtectedPath)[] = [
  (p) => ({ path: p.historyFile, what: 'the history (or one of its backups, caches or locks)', scope: 'family' }),
  (p) => ({ path: join(dirname(p.historyFile), 'drafts'), what: 'the drafts folder of unsaved answers', scope: 'tree' }),
  (p) => ({ path: p.storiesDir, what: 'the stories folder', scope: 'tree' }),
  (p) => ({ path: join(p.dataDir, 'phrasings.yaml'), what: 'the taught phrasings', scope: 'file' }),
  (p) => ({ path: join(p.configDir, 'config.yaml'), what: "rmprep's config file", scope: 'file' }),
  (p) => ({ path: p.dataDir, what: "rmprep's data folder", scope: 'tree', except: [join(p.dataDir, 'questions')] }),
  (p) => ({ path: p.configDir, what: "rmprep's config folder", scope: 'tree' }),
  (p) => ({ path: p.cacheDir, what: "rmprep's cache folder", scope: 'tree' }),
];

/** Every protected path of this run. */
export function protectedPaths(places: DataPlaces): ProtectedPath[] {
  return PROTECTED_PLACES.map((make) => make(places));
}

/** How a refusal names the place: "the history", "in the stories folder". */
export function describeProtected(place: ProtectedPath): string {
  return place.scope === 'tree' ? `in ${place.what}` : place.what;
}

export type ProtectFs = Pick<typeof import('node:fs'), 'statSync' | 'realpathSync' | 'readdirSync'>;
const realFs: ProtectFs = { statSync, realpathSync, readdirSync };

/**
 * The protected place that writing `target` would overwrite, if any. Compares real paths (so links, `..`
 * and a second name of a folder lead to the same place) and, for a file that exists, device and inode
 * (so a hard link to the history is caught too).
 */
export function findProtected(target: string, places: readonly ProtectedPath[], fs: ProtectFs = realFs): ProtectedPath | undefined {
  const real = realOf(resolve(target), fs);
  const st = statOf(real, fs);
  for (const place of places) {
    const where = realOf(resolve(place.path), fs);
    if (place.scope === 'tree') {
      if (within(real, where) && !(place.except ?? []).some((e) => within(real, realOf(resolve(e), fs)))) return place;
      continue;
    }
    if (place.scope === 'file') {
      if (real === where || sameFile(st, statOf(where, fs))) return place;
      continue;
    }
    if (inFamily(real, where) || (st && familyOf(where, fs).some((member) => sameFile(st, statOf(member, fs))))) return place;
  }
  return undefined;
}

/** The real path: of the file when it exists, else of its nearest existing folder with the rest joined on. */
function realOf(path: string, fs: ProtectFs): string {
  const rest: string[] = [];
  for (let cur = path; ; ) {
    try {
      return join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = dirname(cur);
      if (parent === cur) return path;
      rest.push(basename(cur));
      cur = parent;
    }
  }
}

function within(path: string, folder: string): boolean {
  if (path === folder) return true;
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep);
}

// The names the history's own files take beside it (`<name>` is the history's file name), and nothing else:
// `history.json.md` is a file of the person's own. Keep in step with the writers in src/core/history/ and
// src/core/backup/ (lock, backups, torn and rejected lines, restore's copy aside, caches and temporary files).
const FAMILY_AFTER_NAME = /^(?:lock|(?:.+\.)?bak|torn-.+|rejected-.+|before-restore-.+)$/;
const FAMILY_AFTER_DOT_NAME = /^(?:summary|practice|tmp-.+|.+\.bak\.tmp-.+)$/;
const FAMILY_AFTER_DOTS_NAME = /^(?:summary|practice)\.tmp-.+$/;

/**
 * `history.json` and the files the history keeps beside it in its folder: `history.json.lock`,
 * `history.json[.<label>][.<hash>].bak`, `history.json.torn-*`, `history.json.rejected-*`,
 * `history.json.before-restore-*`, `.history.json.summary`, `.history.json.practice` and their temporary files.
 */
function inFamily(path: string, file: string): boolean {
  if (dirname(path) !== dirname(file)) return false;
  return isFamilyName(basename(path), basename(file));
}

function isFamilyName(name: string, base: string): boolean {
  if (name === base) return true;
  const after = (prefix: string) => (name.startsWith(prefix) ? name.slice(prefix.length) : undefined);
  const plain = after(`${base}.`);
  if (plain !== undefined) return FAMILY_AFTER_NAME.test(plain);
  const hidden = after(`.${base}.`);
  if (hidden !== undefined) return FAMILY_AFTER_DOT_NAME.test(hidden);
  const temp = after(`..${base}.`);
  return temp !== undefined && FAMILY_AFTER_DOTS_NAME.test(temp);
}

function familyOf(file: string, fs: ProtectFs): string[] {
  try {
    return fs
      .readdirSync(dirname(file))
      .map((n) => join(dirname(file), n))
      .filter((p) => inFamily(p, file));
  } catch {
    return [];
  }
}

function statOf(path: string, fs: ProtectFs): Stats | undefined {
  try {
    return fs.statSync(path);
  } catch {
    return undefined;
  }
}

function sameFile(a: Stats | undefined, b: Stats | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}
