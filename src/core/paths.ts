import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { InputError, UserError } from './errors.js';
import { clip } from './text/sanitize.js';

export interface Paths {
  historyFile: string;
  cacheDir: string;
  /** `$XDG_DATA_HOME/rmprep`: the history (by default), drafts, stories, phrasings. */
  dataDir: string;
  /** `$XDG_CONFIG_HOME/rmprep`. */
  configDir: string;
  /** The stories folder without --stories (which only `story` takes): $RMPREP_STORIES, else `<dataDir>/stories`. */
  storiesDir: string;
  /** Question folders of the user's, from --questions then RMPREP_QUESTIONS. */
  userQuestionPaths: string[];
}

export interface PathInputs {
  env: Record<string, string | undefined>;
  home: string;
  cwd: string;
  historyOption?: string | undefined;
  questionsOption?: string[] | undefined;
  /** Whether a folder exists: a home folder that does not is refused rather than made. */
  folderExists?: (path: string) => boolean;
}

/** Where rmprep keeps its data, from flags, then the environment, then XDG defaults. */
export function resolvePaths({ env, home, cwd, historyOption, questionsOption, folderExists = () => true }: PathInputs): Paths {
  if (historyOption !== undefined && historyOption.trim() === '') throw new InputError('--history needs a file path, not an empty value', 'invalid');
  if (questionsOption?.some((p) => p.trim() === '')) throw new InputError('--questions needs a file or folder path, not an empty value', 'invalid');
  // Relative XDG folders are ignored, as the XDG spec says; an empty or relative home would mean the current folder.
  const dataHome = absolute(env.XDG_DATA_HOME) ?? join(requireHome(home, 'XDG_DATA_HOME', folderExists), '.local', 'share');
  const cacheHome = absolute(env.XDG_CACHE_HOME) ?? join(requireHome(home, 'XDG_CACHE_HOME', folderExists), '.cache');
  const configHome = absolute(env.XDG_CONFIG_HOME) ?? join(isAbsolute(home) ? home : cwd, '.config');
  const historyFile = resolve(cwd, historyOption ?? nonEmpty(env.RMPREP_HISTORY) ?? join(dataHome, 'rmprep', 'history.json'));
  const fromEnv = (nonEmpty(env.RMPREP_QUESTIONS) ?? '').split(delimiter).filter((p) => p.trim() !== '');
  // The same folder named twice (`--questions q --questions ./q/`) is read once: its ids are not duplicates of themselves.
  const userQuestionPaths = [...new Set([...(questionsOption ?? []), ...fromEnv].map((p) => resolve(cwd, p)))];
  const dataDir = join(dataHome, 'rmprep');
  const storiesDir = resolve(cwd, nonEmpty(env.RMPREP_STORIES) ?? join(dataDir, 'stories'));
  return { historyFile, cacheDir: join(cacheHome, 'rmprep'), dataDir, configDir: join(configHome, 'rmprep'), storiesDir, userQuestionPaths };
}

/**
 * The home folder: $HOME unless it is empty or relative, else the account's own (from the password
 * database), else ''. Node's homedir() returns an empty $HOME as it is.
 */
export function resolveHome(envHome: string | undefined, accountHome: () => string): string {
  const fromEnv = absolute(envHome);
  if (fromEnv) return fromEnv;
  try {
    return absolute(accountHome()) ?? '';
  } catch {
    return '';
  }
}

function requireHome(home: string, instead: string, folderExists: (path: string) => boolean): string {
  if (!isAbsolute(home)) throw new UserError(`cannot tell where the home folder is: HOME is ${home === '' ? 'empty' : 'not an absolute path'}`, 'environment', `set HOME, or ${instead}`);
  // Making a home folder is the system's business: a mistyped HOME would otherwise grow one silently.
  if (!folderExists(home)) throw new UserError(`the home folder ${clip(home)} does not exist; rmprep will not create it`, 'environment', `set HOME to your home folder, or ${instead}`);
  return home;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

function absolute(value: string | undefined): string | undefined {
  return value !== undefined && isAbsolute(value) ? value : undefined;
}
