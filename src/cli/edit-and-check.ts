import { formatProblem, type Problem } from '../core/problems.js';
import { sanitizeText } from '../core/text/sanitize.js';
import type { Run } from './context.js';

/** How many problems are printed after an edit; the rest are counted, and `validate` shows them all. */
const SHOWN_PROBLEMS = 8;

/**
 * Opens a file the person just made (or named) in their editor, when rmprep runs in a terminal, then
 * checks it and says what is left to fix. Returns the problems found after the edit (none when it passes),
 * or undefined when no editor was opened.
 */
export async function editAndCheck(run: Run, file: string, shown: string, check: () => Problem[]): Promise<Problem[] | undefined> {
  if (!run.stdin.isTTY || !run.stdout.isTTY) return undefined;
  const { editFile } = await import('../ui/prompts-editor.js');
  const outcome = editFile(file, run.env);
  if (!outcome.edited) {
    run.stderr.write(`Not opened in an editor: ${outcome.reason}.\n`);
    return undefined;
  }
  const problems = check();
  reportLeft(run, shown, problems);
  return problems;
}

/** The problems of a file after an edit, as `file:line:col: message`, a few at most. */
export function reportLeft(run: Run, shown: string, problems: Problem[]): void {
  if (problems.length === 0) {
    run.stderr.write(`${sanitizeText(shown)} passes validation.\n`);
    return;
  }
  const lines = problems.slice(0, SHOWN_PROBLEMS).map((p) => sanitizeText(formatProblem(p)));
  const more = problems.length > SHOWN_PROBLEMS ? `(+${problems.length - SHOWN_PROBLEMS} more: rmprep validate ${shown})\n` : '';
  run.stderr.write(`Left to fill in ${sanitizeText(shown)} (${problems.length}):\n${lines.join('\n')}\n${more}`);
}
