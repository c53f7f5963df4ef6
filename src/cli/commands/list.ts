import { toJsonText } from '../../core/text/json-text.js';
import { parseCategoryFlag } from '../category-flag.js';
import type { Category } from '../../core/questions/categories.js';
import type { Run } from '../context.js';
import { checkedBy, defineCommand } from '../define-command.js';
import { UsageError } from '../errors.js';
import { warnAboutProblems } from '../run.js';
import { listRow } from '../../core/questions/cache-shape.js';
import { countTags } from '../../core/questions/tags.js';
import type { PracticeById } from '../../core/history/practice.js';
import { peekPractice } from '../../core/history/practice-file.js';
import { describeSystemError } from '../system-error.js';
import { renderQuestionList, renderTagList } from '../../ui/render-list.js';

interface RawListOptions {
  category?: string;
  tag?: string;
  tags?: boolean;
  json?: boolean;
}

interface ListOptions {
  category: Category | undefined;
  tag: string | undefined;
  tags: boolean;
  json: boolean;
}

const listOptionsSchema = checkedBy((raw): ListOptions => {
  const opts = raw as RawListOptions;
  if (opts.tags && opts.tag !== undefined) throw new UsageError('--tags lists every tag; leave out --tag');
  return { category: parseCategoryFlag(opts.category), tag: opts.tag?.toLowerCase(), tags: opts.tags === true, json: opts.json === true };
});

export const command = defineCommand({ schema: listOptionsSchema, run: listCommand });

async function listCommand(run: Run, opts: ListOptions): Promise<number> {
  const listing = await run.listQuestions();
  warnAboutProblems(run, listing);
  const { tag } = opts;
  const questions = listing.rows
    .filter((q) => (!opts.category || q.category === opts.category) && (!tag || q.tags.includes(tag)))
    .sort((a, b) => (a.category === b.category ? (a.id < b.id ? -1 : 1) : a.category < b.category ? -1 : 1));
  if (opts.tags) {
    const tags = countTags(questions);
    run.stdout.write(opts.json ? `${toJsonText(tags)}\n` : renderTagList(tags, { width: run.width, style: run.style }));
    return 0;
  }
  const practice = await loadPractice(run);
  if (opts.json) {
    const rows = questions.map((q) => {
      const p = practice?.get(q.id);
      return { ...listRow(q), practice: p ? { attempts: p.attempts, lastRating: p.lastRating, lastAt: p.lastAt, due: p.due ?? null } : null };
    });
    run.stdout.write(`${toJsonText(rows)}\n`);
    return 0;
  }
  if (questions.length === 0) {
    run.stderr.write('rmprep: no questions match\n');
    return 0;
  }
  run.stdout.write(renderQuestionList(questions, practice, { width: run.width, style: run.style, now: run.now() }));
  return 0;
}

/**
 * The practice per question: from the practice digest when it is current (the usual case, as every save
 * updates it), else from the summary, which loads the history reader once and refreshes the digest.
 * A history that cannot be read is a warning here: the list is still worth having.
 */
async function loadPractice(run: Run): Promise<PracticeById | undefined> {
  const peeked = peekPractice(run.paths.historyFile);
  if (peeked) return peeked;
  try {
    const { readPractice } = await import('../../core/history/summary-cache.js');
    return readPractice(run.paths.historyFile, { timeZone: run.env.TZ ?? '' });
  } catch (err) {
    run.warn(`practice not shown: ${describeSystemError(err) ?? (err instanceof Error ? err.message : String(err))}`);
    return undefined;
  }
}
