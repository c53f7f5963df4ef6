import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { clip } from '../core/text/sanitize.js';

/**
 * The program the editor prompt starts, picked as its library picks it: $VISUAL, else $EDITOR, else vim.
 * Only the first word is the program ("code --wait"); a backslash keeps a space in it.
 */
export function editorProgram(env: Record<string, string | undefined>): { bin: string; from: string } {
  const from = env.VISUAL ? 'VISUAL' : env.EDITOR ? 'EDITOR' : '';
  const command = env.VISUAL || env.EDITOR || 'vim';
  const bin = (/^(?:\\ |[^ ])+/.exec(command.trimStart())?.[0] ?? command).replace(/\\ /g, ' ');
  return { bin, from };
}

/**
 * Refuses, before any temp file is made, an editor that cannot be started: the prompt library would
 * otherwise crash on the spawn error and leave the temp file behind.
 */
export function checkEditor(env: Record<string, string | undefined>, cwd: string): void {
  const { bin, from } = editorProgram(env);
  if (findProgram(bin, env.PATH ?? '', cwd)) return;
  const named = from ? `$${from} names "${clip(bin, 60)}"` : `no $EDITOR is set and "${bin}"`;
  throw new UserError(`cannot open an editor: ${named}, which is not an installed program`, 'environment', 'set EDITOR to your editor (e.g. EDITOR=nano), or choose to type the answer');
}

function findProgram(bin: string, path: string, cwd: string): boolean {
  if (bin === '') return false;
  if (bin.includes('/')) return isExecutable(isAbsolute(bin) ? bin : resolve(cwd, bin));
  return path.split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, bin)));
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
