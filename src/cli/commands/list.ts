import { z } from 'zod';
import type { Run } from '../context.js';
import { categoryOption, parseOptions } from '../options.js';
import { warnAboutProblems } from '../run.js';
import { clean, renderTable } from '../../ui/render.js';

export const listOptionsSchema = z.object({
  category: categoryOption.optional(),
  tag: z.string().optional(),
  json: z.boolean().optional(),
});

export async function listCommand(run: Run, raw: unknown): Promise<number> {
  const opts = parseOptions(listOptionsSchema, raw);
  const bank = run.loadBank();
  warnAboutProblems(run, bank);
  const tag = opts.tag?.toLowerCase();
  const questions = bank.questions
    .filter((q) => (!opts.category || q.category === opts.category) && (!tag || q.tags.includes(tag)))
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  if (opts.json) {
    const rows = questions.map((q) => ({ id: q.id, category: q.category, question: q.question, tags: q.tags, difficulty: q.difficulty }));
    run.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (questions.length === 0) {
    run.stderr.write('rmprep: no questions match\n');
    return 0;
  }
  const rows = questions.map((q) => [q.id, q.category, String(q.difficulty), clean(q.question).replace(/\s+/g, ' ')]);
  run.stdout.write(renderTable(['ID', 'CATEGORY', 'DIFF', 'QUESTION'], rows, run.width, run.style));
  run.stdout.write(run.style.dim(`${questions.length} question${questions.length === 1 ? '' : 's'}; 'rmprep show <id>' for one in full\n`));
  return 0;
}
