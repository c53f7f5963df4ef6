import { toJsonText } from '../../core/json-text.js';
import { suggest } from '../../core/suggest.js';
import type { Question } from '../../core/questions/schema.js';
import { renderCard } from '../../ui/render.js';
import { sanitizeText } from '../../ui/sanitize.js';
import type { Run } from '../context.js';
import { NotFoundError } from '../errors.js';
import { warnAboutProblems } from '../run.js';

// Options are read by hand here, not with zod, to keep the most frequent lookup instant.
export async function showCommand(run: Run, id: string, opts: { json?: boolean }): Promise<number> {
  const question = await findQuestion(run, id);
  if (opts.json) {
    run.stdout.write(`${toJsonText(questionJson(question))}\n`);
    return 0;
  }
  run.stdout.write(renderCard(question, { width: run.width, style: run.style }));
  return 0;
}

/** The question with this id, or a not-found error that suggests close ids. */
export async function findQuestion(run: Run, id: string): Promise<Question> {
  const question = await run.findQuestion(id.trim().toLowerCase());
  if (question) return question;
  const bank = await run.loadBank();
  warnAboutProblems(run, bank);
  const close = suggest(id, [...bank.byId.keys()]);
  throw new NotFoundError(
    `no question with id "${sanitizeText(id).slice(0, 80)}"`,
    close.length > 0 ? `did you mean ${close.join(', ')}?` : "see 'rmprep list' for every id",
  );
}

/** A question as JSON for scripts: the file's fields plus where it came from. */
export function questionJson(q: Question): Record<string, unknown> {
  const { source, ...data } = q;
  return { ...data, source: { file: source.file, line: source.line, bundled: source.bundled } };
}
