import { toJsonText } from '../../core/text/json-text.js';
import { requireQuestion } from '../../core/questions/source.js';
import type { Question } from '../../core/questions/schema.js';
import { renderCard } from '../../ui/render.js';
import { sanitizeText } from '../../core/text/sanitize.js';
import type { Run } from '../context.js';
import { checkedBy, defineCommand } from '../define-command.js';
import { warnAboutProblems } from '../run.js';

const showOptionsSchema = checkedBy((raw) => ({ json: (raw as { json?: boolean }).json === true }));

export const command = defineCommand({ schema: showOptionsSchema, run: showCommand });

async function showCommand(run: Run, opts: { json: boolean }, { id }: { id: string }): Promise<number> {
  const question = await requireQuestion(run, id, (bank) => warnAboutProblems(run, bank));
  if (opts.json) {
    run.stdout.write(`${toJsonText(questionJson(question))}\n`);
    return 0;
  }
  run.stdout.write(renderCard(question, { width: run.width, style: run.style }));
  if (question.source.replacesBundled) run.stdout.write(`${run.style.dim(`Your question (${sanitizeText(question.source.file)}:${question.source.line}); it replaces the bundled one with this id.`)}\n`);
  return 0;
}

/** A question as JSON for scripts: the file's fields plus where it came from. */
function questionJson(q: Question): Record<string, unknown> {
  const { source, ...data } = q;
  return { ...data, source: { file: source.file, line: source.line, bundled: source.bundled, ...(source.replacesBundled ? { replacesBundled: true } : {}) } };
}
