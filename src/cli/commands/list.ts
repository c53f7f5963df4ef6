import { toJsonText } from '../../core/text/json-text.js';
import { parseCategoryFlag } from '../category-flag.js';
import type { Category } from '../../core/questions/categories.js';
import type { Run } from '../context.js';
import { checkedBy, defineCommand } from '../define-command.js';
import { warnAboutProblems } from '../run.js';
import { clean, renderTable } from '../../ui/render.js';
import { plural } from '../../core/text/plural.js';
import { listRow } from '../../core/questions/cache-shape.js';

interface RawListOptions {
  category?: string;
  tag?: string;
  json?: boolean;
}

const listOptionsSchema = checkedBy((raw) => {
  const opts = raw as RawListOptions;
  return { ...opts, category: parseCategoryFlag(opts.category) };
});

export const command = defineCommand({ schema: listOptionsSchema, run: listCommand });

async function listCommand(run: Run, opts: { category?: Category | undefined; tag?: string | undefined; json?: boolean | undefined }): Promise<number> {
  const listing = await run.listQuestions();
  warnAboutProblems(run, listing);
  const tag = opts.tag?.toLowerCase();
  const questions = listing.rows
    .filter((q) => (!opts.category || q.category === opts.category) && (!tag || q.tags.includes(tag)))
    .sort((a, b) => (a.category === b.category ? (a.id < b.id ? -1 : 1) : a.category < b.category ? -1 : 1));
  if (opts.json) {
    const rows = questions.map(listRow);
    run.stdout.write(`${toJsonText(rows)}\n`);
    return 0;
  }
  if (questions.length === 0) {
    run.stderr.write('rmprep: no questions match\n');
    return 0;
  }
  const rows = questions.map((q) => [q.id, q.category, String(q.difficulty), clean(q.question).replace(/\s+/g, ' ')]);
  run.stdout.write(renderTable(['ID', 'CATEGORY', 'DIFF', 'QUESTION'], rows, run.width, run.style));
  run.stdout.write(run.style.dim(`${plural(questions.length, 'question')}; 'rmprep show <id>' for one in full\n`));
  return 0;
}
