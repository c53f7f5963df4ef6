import { toJsonText } from '../../core/text/json-text.js';
import { requireQuestion } from '../../core/questions/source.js';
import type { Question } from '../../core/questions/schema.js';
import { renderCard } from '../../ui/render.js';
import type { Run } from '../context.js';
import { warnAboutProblems } from '../run.js';

// Options are read by hand here, not with zod, to keep the most frequent lookup instant.
export async function showCommand(run: Run, id: string, opts: { json?: boolean }): Promise<number> {
  const question = await requireQuestion(run, id, (bank) => warnAboutProblems(run, bank));
  if (opts.json) {
    run.stdout.write(`${toJsonText(questionJson(question))}\n`);
    return 0;
  }
  run.stdout.write(renderCard(question, { width: run.width, style: run.style }));
  return 0;
}

/** A question as JSON for scripts: the file's fields plus where it came from. */
export function questionJson(q: Question): Record<string, unknown> {
  const { source, ...data } = q;
  return { ...data, source: { file: source.file, line: source.line, bundled: source.bundled } };
}
