import { z } from 'zod';
import { suggest } from '../../core/suggest.js';
import type { Question } from '../../core/questions/schema.js';
import { renderCard } from '../../ui/render.js';
import { sanitizeText } from '../../ui/sanitize.js';
import type { Run } from '../context.js';
import { NotFoundError } from '../errors.js';
import { parseOptions } from '../options.js';
import { warnAboutProblems } from '../run.js';

export const showOptionsSchema = z.object({ json: z.boolean().optional() });

export async function showCommand(run: Run, id: string, raw: unknown): Promise<number> {
  const opts = parseOptions(showOptionsSchema, raw);
  const question = findQuestion(run, id);
  if (opts.json) {
    run.stdout.write(`${JSON.stringify(questionJson(question), null, 2)}\n`);
    return 0;
  }
  run.stdout.write(renderCard(question, { width: run.width, style: run.style }));
  return 0;
}

/** The question with this id, or a not-found error that suggests close ids. */
export function findQuestion(run: Run, id: string): Question {
  const bank = run.loadBank();
  const question = bank.byId.get(id.trim().toLowerCase());
  if (question) return question;
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
