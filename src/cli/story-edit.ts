import { join } from 'node:path';
import { findStoryFile, loadStory } from '../core/stories/load.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Run } from './context.js';
import { FailureError, UsageError } from './errors.js';

/**
 * `story edit <slug>`: opens the story in the person's editor, then reads it back as `show` would. A
 * problem is one line with file:line:col; the file stays as saved, so nothing typed is lost.
 */
export async function storyEdit(run: Run, dir: string, slug: string): Promise<number> {
  const name = findStoryFile(dir, slug);
  const file = join(dir, `${name}.md`);
  if (!run.stdin.isTTY || !run.stdout.isTTY) {
    throw new UsageError('story edit opens your editor, so it needs a terminal', `or edit ${sanitizeText(file)} in any editor`);
  }
  const { editFile } = await import('../ui/prompts-editor.js');
  const outcome = editFile(file, run.env);
  if (!outcome.edited) throw new FailureError(`${name} not edited: ${outcome.reason}`);
  try {
    loadStory(dir, name);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new FailureError(message, `file kept as saved; fix it with 'rmprep story edit ${name}'`);
  }
  run.stderr.write(`Saved ${sanitizeText(file)}; it reads as a story.\n`);
  return 0;
}
