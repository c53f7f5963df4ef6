import { delimiter, join, resolve } from 'node:path';

export interface Paths {
  historyFile: string;
  cacheDir: string;
  /** Question folders of the user's, from --questions then RMPREP_QUESTIONS. */
  userQuestionPaths: string[];
}

export interface PathInputs {
  env: Record<string, string | undefined>;
  home: string;
  cwd: string;
  historyOption?: string | undefined;
  questionsOption?: string[] | undefined;
}

/** Where rmprep keeps its data, from flags, then the environment, then XDG defaults. */
export function resolvePaths({ env, home, cwd, historyOption, questionsOption }: PathInputs): Paths {
  const dataHome = nonEmpty(env.XDG_DATA_HOME) ?? join(home, '.local', 'share');
  const cacheHome = nonEmpty(env.XDG_CACHE_HOME) ?? join(home, '.cache');
  const historyFile = resolve(cwd, historyOption ?? nonEmpty(env.RMPREP_HISTORY) ?? join(dataHome, 'rmprep', 'history.json'));
  const fromEnv = (nonEmpty(env.RMPREP_QUESTIONS) ?? '').split(delimiter).filter((p) => p.trim() !== '');
  const userQuestionPaths = [...(questionsOption ?? []), ...fromEnv].map((p) => resolve(cwd, p));
  return { historyFile, cacheDir: join(cacheHome, 'rmprep'), userQuestionPaths };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
