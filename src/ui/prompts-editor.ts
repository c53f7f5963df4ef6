import { spawnSync } from 'node:child_process';

/** What became of opening a file in the person's editor. */
export type EditOutcome = { edited: true } | { edited: false; reason: string };

/**
 * The editor named by $VISUAL, else $EDITOR, split into words (no shell: the file name is never parsed
 * by one). Undefined when neither is set.
 */
export function editorCommand(env: Record<string, string | undefined>): string[] | undefined {
  const named = [env.VISUAL, env.EDITOR].find((v) => v !== undefined && v.trim() !== '');
  return named?.trim().split(/\s+/);
}

/** Opens `file` in the person's editor on this terminal and waits until it is closed. Only call on a TTY. */
export function editFile(file: string, env: Record<string, string | undefined>): EditOutcome {
  const command = editorCommand(env);
  if (!command) return { edited: false, reason: 'set $VISUAL or $EDITOR to open it in your editor' };
  const [program, ...args] = command as [string, ...string[]];
  const result = spawnSync(program, [...args, file], { stdio: 'inherit' });
  if (result.error) return { edited: false, reason: `could not start the editor "${program.slice(0, 60)}" (${(result.error as NodeJS.ErrnoException).code ?? 'error'}); check $VISUAL / $EDITOR` };
  if (result.status !== 0) return { edited: false, reason: `the editor exited with ${result.status ?? result.signal ?? 'an error'}; the file is kept as it is` };
  return { edited: true };
}
